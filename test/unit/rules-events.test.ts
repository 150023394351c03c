import * as assert from 'assert';
import { currentSeason, monthDayIn } from '../../src/core/rules/erasUpdate';
import { note, on, settingsWith, summary, timeline, vaultOf, found } from './rulesSupport';

const AWAY = 'rotations/away.md';
const away = (extra: string[] = [], body: string[] = []) =>
  note(['name: Ridgeview Away', 'kind: away', 'program: "[[Ridgeview]]"', 'start: 2026-11-09', 'end: 2026-12-04', 'contacts: ["[[Pat Lee]]", "[[Sam Student]]"]', ...extra], [], body);
const pat = (log: string[] = []) => note(['name: Pat Lee', 'role: faculty', 'program: "[[Ridgeview]]"'], log);
const sam = note(['name: Sam Student', 'role: student', 'met_at: "[[Ridgeview Away]]"']);
const program = note(['type: program', 'name: Ridgeview']);

describe('rule rotation-feedback', () => {
  it('is due at the midpoint of an away rotation: shown 2 days before, a warning after, gone after the end', async () => {
    const vault = await vaultOf({ [AWAY]: away(), 'contacts/pat.md': pat(), 'programs/ridgeview.md': program });
    // 2026-11-09 to 2026-12-04 is 25 days: the midpoint is 12 days in.
    assert.deepStrictEqual(timeline(vault, AWAY, 'rotation-feedback', ['2026-11-18', '2026-11-19', '2026-11-21', '2026-11-22', '2026-12-04', '2026-12-05']), [
      '2026-11-18 -', '2026-11-19 info', '2026-11-21 info', '2026-11-22 warning', '2026-12-04 warning', '2026-12-05 -',
    ]);
    const [f] = on(vault, AWAY, '2026-11-21');
    assert.strictEqual(f.due, '2026-11-21');
    assert.strictEqual(f.contact, null);
    assert.strictEqual(f.template, 'mid-rotation-feedback');
    assert.strictEqual(f.range.start.line, 4, 'points at start');
  });

  it('ignores home rotations', async () => {
    const vault = await vaultOf({ [AWAY]: away().replace('kind: away', 'kind: home') });
    assert.deepStrictEqual(summary(vault, AWAY, '2026-11-22'), []);
  });

  it('is cleared by a log entry mentioning feedback on the rotation or on a contact of it, or a ticked feedback task', async () => {
    const onRotation = await vaultOf({ [AWAY]: away([], ['## Log', '- 2026-11-20 meeting — Asked Dr. Lee for feedback']) });
    assert.deepStrictEqual(summary(onRotation, AWAY, '2026-11-22'), []);
    const onContact = await vaultOf({ [AWAY]: away(), 'contacts/pat.md': pat(['2026-11-21 meeting — Mid-rotation FEEDBACK: speak up more']) });
    assert.deepStrictEqual(summary(onContact, AWAY, '2026-11-22'), []);
    const ticked = await vaultOf({ [AWAY]: away([], ['- [x] Ask for feedback halfway through']) });
    assert.deepStrictEqual(summary(ticked, AWAY, '2026-11-22'), []);
  });

  it('is not cleared by an open task, or by feedback logged before the rotation', async () => {
    const open = await vaultOf({ [AWAY]: away([], ['- [ ] Ask for feedback']) });
    assert.deepStrictEqual(summary(open, AWAY, '2026-11-22'), ['rotation-feedback:warning']);
    const before = await vaultOf({ [AWAY]: away(), 'contacts/pat.md': pat(['2026-10-01 emailed — feedback on my CV']) });
    assert.deepStrictEqual(summary(before, AWAY, '2026-11-22'), ['rotation-feedback:warning']);
  });
});

describe('rule rotation-thank-you', () => {
  const HOME = 'rotations/home.md';
  const home = note(['name: Home', 'kind: home', 'start: 2026-10-19', 'end: 2026-11-13', 'contacts: ["[[Ben Carter]]"]']);
  const ben = (log: string[] = [], fm: string[] = []) => note(['name: Ben Carter', 'title: Dr.', 'role: resident', ...fm], log);

  it('is due 3 days after the end: info from the next day, a warning after', async () => {
    const vault = await vaultOf({ [HOME]: home, 'contacts/ben.md': ben(['2026-10-19 meeting — orientation']) });
    assert.deepStrictEqual(timeline(vault, 'contacts/ben.md', 'rotation-thank-you', ['2026-11-13', '2026-11-14', '2026-11-16', '2026-11-17']), [
      '2026-11-13 -', '2026-11-14 info', '2026-11-16 info', '2026-11-17 warning',
    ]);
    const [f] = on(vault, 'contacts/ben.md', '2026-11-17');
    assert.strictEqual(f.due, '2026-11-16');
    assert.strictEqual(f.template, 'rotation-thank-you');
    assert.strictEqual(f.key, `rotation:${HOME}`);
    assert.match(f.message, /^Listed on Home, which ended 2026-11-13; no thank-you logged since 2026-11-11/);
  });

  it('counts an outbound message from 2 days before the end, not earlier', async () => {
    const early = await vaultOf({ [HOME]: home, 'contacts/ben.md': ben(['2026-11-10 thanked — early']) });
    assert.deepStrictEqual(summary(early, 'contacts/ben.md', '2026-11-20'), ['rotation-thank-you:warning']);
    const inTime = await vaultOf({ [HOME]: home, 'contacts/ben.md': ben(['2026-11-11 thanked — last week']) });
    assert.deepStrictEqual(summary(inTime, 'contacts/ben.md', '2026-11-20'), []);
    const email = await vaultOf({ [HOME]: home, 'contacts/ben.md': ben(['2026-11-20 emailed — thank you and a question']) });
    assert.deepStrictEqual(summary(email, 'contacts/ben.md', '2026-11-21'), []);
  });

  it('covers contacts met on the rotation (pointing at met_at), and leaves fellow students out', async () => {
    const vault = await vaultOf({
      [AWAY]: away(),
      'contacts/kim.md': note(['name: Kim Faculty', 'role: faculty', 'met_at: "[[Ridgeview Away]]"']),
      'contacts/sam.md': sam,
    });
    const [f] = on(vault, 'contacts/kim.md', '2026-12-10');
    assert.strictEqual(f.code, 'rotation-thank-you');
    assert.strictEqual(f.range.start.line, 3);
    assert.deepStrictEqual(summary(vault, 'contacts/sam.md', '2026-12-10'), []);
  });
});

describe('rule eras-update', () => {
  const sponsor = (log: string[] = []) => note(['name: Sam Sponsor', 'role: chair', 'sponsor: true', 'cadence: 1y'], log);
  const S = 'contacts/sponsor.md';

  it('asks sponsors for an update from September 1 until January 31', async () => {
    const vault = await vaultOf({ [S]: sponsor(['2026-06-01 meeting — letter agreed']) });
    assert.deepStrictEqual(timeline(vault, S, 'eras-update', ['2026-08-31', '2026-09-01', '2027-01-31', '2027-02-01']), [
      '2026-08-31 -', '2026-09-01 info', '2027-01-31 info', '2027-02-01 -',
    ]);
    const [f] = on(vault, S, '2026-09-01');
    // Due when the window closes, so it is never late (nor aged into a reconnect hint) while it shows.
    assert.strictEqual(f.due, '2027-01-31');
    assert.strictEqual(f.range.start.line, 3, 'points at sponsor');
    assert.strictEqual(f.template, 'eras-update');
  });

  it('is cleared by an outbound message or a call since the season opened, not before', async () => {
    const before = await vaultOf({ [S]: sponsor(['2026-08-31 emailed — summer update']) });
    // The summer email still awaits a reply (the primary reminder); the update rides along with it.
    assert.deepStrictEqual(found(before, S, '2026-10-01').filter((x) => x.startsWith('eras')), ['eras-update:info']);
    const after = await vaultOf({ [S]: sponsor(['2026-09-01 emailed — I applied']) });
    assert.deepStrictEqual(summary(after, S, '2026-10-01').filter((x) => x.startsWith('eras')), []);
  });

  it('asks faculty where you rotated before the season, by rotation or by program', async () => {
    const july = note(['name: Bayside Away', 'kind: away', 'program: "[[Bayside]]"', 'start: 2026-07-06', 'end: 2026-07-31', 'contacts: ["[[Mei Tanaka]]"]']);
    const vault = await vaultOf({
      'rotations/bayside.md': july,
      'programs/bayside.md': note(['type: program', 'name: Bayside']),
      'contacts/mei.md': note(['name: Mei Tanaka', 'role: faculty'], ['2026-07-30 thanked — thanks']),
      'contacts/omar.md': note(['name: Omar Castellanos', 'role: pd', 'program: "[[Bayside]]"']),
      'contacts/res.md': note(['name: Rae Resident', 'role: resident', 'program: "[[Bayside]]"']),
      // A rotation that ended after the season opened: its faculty get the thank-you instead.
      [AWAY]: away(), 'contacts/pat.md': pat(), 'programs/ridgeview.md': program,
    });
    assert.deepStrictEqual(summary(vault, 'contacts/mei.md', '2026-10-01'), ['eras-update:info']);
    assert.deepStrictEqual(summary(vault, 'contacts/omar.md', '2026-10-01'), ['eras-update:info']);
    assert.deepStrictEqual(summary(vault, 'contacts/res.md', '2026-10-01'), []);
    assert.deepStrictEqual(summary(vault, 'contacts/pat.md', '2026-12-05').filter((x) => x.startsWith('eras')), []);
  });

  it('follows erasUpdateDate and erasSeasonEndDate', async () => {
    const vault = await vaultOf({ [S]: sponsor() });
    const s = settingsWith({ erasUpdateDate: '10-15', erasSeasonEndDate: '12-31' });
    assert.deepStrictEqual(timeline(vault, S, 'eras-update', ['2026-10-14', '2026-10-15', '2026-12-31', '2027-01-01'], s), [
      '2026-10-14 -', '2026-10-15 info', '2026-12-31 info', '2027-01-01 -',
    ]);
  });

  it('computes seasons across the new year, with 02-29 falling back outside leap years', () => {
    assert.deepStrictEqual(currentSeason('2027-01-15', '09-01', '01-31'), { start: '2026-09-01', end: '2027-01-31' });
    assert.deepStrictEqual(currentSeason('2026-08-31', '09-01', '01-31'), { start: '2026-09-01', end: '2027-01-31' });
    assert.deepStrictEqual(currentSeason('2027-03-01', '09-01', '01-31'), { start: '2027-09-01', end: '2028-01-31' });
    assert.strictEqual(monthDayIn(2027, '02-29'), '2027-02-28');
    assert.strictEqual(monthDayIn(2028, '02-29'), '2028-02-29');
  });
});

describe('rule conference-prep', () => {
  const CONF = 'conferences/glsps.md';
  const conf = (extra: string[]) => note(['name: GLSPS 2026', 'start: 2026-12-05', 'end: 2026-12-06', ...extra]);
  const ten = `shortlist: [${Array.from({ length: 10 }, (_, i) => `Dr. Person ${i}`).join(', ')}]`;

  it('checks a conference from 14 days out: info, a warning in the last 3 days, gone once it starts', async () => {
    const vault = await vaultOf({ [CONF]: conf(['shortlist: [Dr. A, Dr. B, Dr. C, Dr. D]']) });
    assert.deepStrictEqual(timeline(vault, CONF, 'conference-prep', ['2026-11-20', '2026-11-21', '2026-12-01', '2026-12-02', '2026-12-05', '2026-12-06']), [
      '2026-11-20 -', '2026-11-21 info', '2026-12-01 info', '2026-12-02 warning', '2026-12-05 warning', '2026-12-06 -',
    ]);
    const [f] = on(vault, CONF, '2026-11-25');
    assert.strictEqual(f.range.start.line, 4, 'points at the shortlist');
    assert.match(f.message, /starts 2026-12-05 \(in 10 days\); the shortlist has 4 names \(the guide suggests 10–20\) and no goals are written/);
  });

  it('is satisfied by ten names and a goal; either gap alone fires', async () => {
    const ready = await vaultOf({ [CONF]: conf([ten, 'goals: [Meet five attendings]']) });
    assert.deepStrictEqual(summary(ready, CONF, '2026-11-25'), []);
    const noGoals = await vaultOf({ [CONF]: conf([ten]) });
    assert.match(on(noGoals, CONF, '2026-11-25')[0].message, /; no goals are written\./);
    const short = await vaultOf({ [CONF]: conf(['shortlist: [Dr. A]', 'goals: [Meet five attendings]']) });
    assert.match(on(short, CONF, '2026-11-25')[0].message, /the shortlist has 1 name \(/);
    assert.deepStrictEqual(summary(short, CONF, '2026-11-25', settingsWith({ conferenceShortlistMin: 1 })), []);
  });
});
