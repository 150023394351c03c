import * as assert from 'assert';
import { buildAgenda, agendaItems } from '../../src/core/agenda';
import { daysBetween, type CalendarDate } from '../../src/core/dates';
import { scheduleNote } from '../../src/core/rules';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { found, note, on, settingsWith, summary, vaultOf } from './rulesSupport';

const C = 'contacts/sam.md';
/** A sponsor and mentor with three things open at once: a follow_up date, an unanswered email, a message owed. */
const busy = (fm: string[] = []) => note(['name: Sam Sponsor', 'title: Dr.', 'role: faculty', 'sponsor: true', 'mentor: faculty', 'follow_up: 2026-11-20', ...fm],
  ['2026-11-10 emailed — asked about a letter', '2026-11-12 followed-up — nudge', '2026-11-18 received — see you at ASPS!']);

describe('policy: one primary reminder per person', () => {
  it('keeps the most urgent reminder as the row and carries the others in it, for the hover', async () => {
    const vault = await vaultOf({ [C]: busy() });
    const shown = on(vault, C, '2026-11-25');
    assert.strictEqual(shown.length, 1);
    const [primary] = shown;
    assert.strictEqual(`${primary.code}:${primary.severity}`, 'follow-up-due:warning');
    assert.deepStrictEqual(primary.others?.map((o) => `${o.code}:${o.severity}`), ['reply-owed:warning']);
    assert.match(primary.message, /Also for Sam Sponsor: reply-owed; see the hover/);
  });

  it('ranks by severity first, then the earliest due date', async () => {
    const vault = await vaultOf({ [C]: busy(['follow_up: 2026-11-24']).replace('follow_up: 2026-11-20\n', '') });
    // reply-owed (due 11-20, a warning) beats follow-up-due (due 11-24, a warning): same severity, earlier.
    assert.deepStrictEqual(found(vault, C, '2026-11-25'), ['reply-owed:warning', 'follow-up-due:warning']);
  });

  it('leaves reminders that do not show yet as they are, and notes that are not a person', async () => {
    const vault = await vaultOf({ [C]: busy(['next_meeting: 2026-12-10']) });
    const all = scheduleNote(vault, vault.get(C)!, '2026-11-25', DEFAULT_SETTINGS);
    assert.deepStrictEqual(all.map((s) => `${s.code}:${s.active}`), ['follow-up-due:true', 'meeting-prep:false']);
    const rotation = await vaultOf({ 'rotations/r.md': note(['name: R', 'kind: away', 'start: 2026-11-02', 'end: 2026-11-27']) });
    assert.deepStrictEqual(summary(rotation, 'rotations/r.md', '2026-11-24'), ['rotation-feedback:warning', 'rotation-interest:info']);
  });
});

describe('policy: reminders that age well', () => {
  it('turns a reminder more than 30 days past due into one reconnect hint, carrying what lapsed', async () => {
    const vault = await vaultOf({ [C]: note(['name: Sam', 'follow_up: 2026-10-01']) });
    assert.deepStrictEqual(summary(vault, C, '2026-10-31'), ['follow-up-due:error']);
    assert.deepStrictEqual(summary(vault, C, '2026-11-01'), ['reconnect:hint']);
    const [f] = on(vault, C, '2026-11-01');
    assert.strictEqual(f.due, '2026-11-01');
    assert.strictEqual(f.template, 'keep-in-touch');
    assert.deepStrictEqual(f.others?.map((o) => `${o.code}:${o.due}`), ['follow-up-due:2026-10-01']);
    assert.match(f.message, /More than 30 days have passed since: follow up as planned \(due 2026-10-01\)/);
  });

  it('follows the setting, and is off with the reconnect rule', async () => {
    const vault = await vaultOf({ [C]: note(['name: Sam', 'follow_up: 2026-10-01']) });
    assert.deepStrictEqual(summary(vault, C, '2026-10-12', settingsWith({ agingLimitDays: 10 })), ['reconnect:hint']);
    assert.deepStrictEqual(summary(vault, C, '2027-10-01', settingsWith({ rules: { reconnect: 'off' } })), ['follow-up-due:error']);
  });

  it('folds many lapsed reminders of one note into a single hint', async () => {
    const vault = await vaultOf({ [C]: busy() });
    assert.deepStrictEqual(summary(vault, C, '2027-03-01'), ['reconnect:hint']);
    assert.strictEqual(on(vault, C, '2027-03-01')[0].others?.length, 2);
  });
});

/** A student who typed in a year of history, then opened Rapport on several days. */
async function yearOfHistory() {
  const files: Record<string, string> = {
    'conferences/asps.md': note(['name: ASPS 2025', 'start: 2025-10-10', 'end: 2025-10-12']),
    'conferences/open.md': note(['name: Open House', 'kind: virtual', 'start: 2026-11-18', 'end: 2026-11-18', 'follow_up: ["[[Person 3]]"]']),
    'rotations/past.md': note(['name: Past Away', 'kind: away', 'start: 2026-03-02', 'end: 2026-03-27', 'contacts: ["[[Person 1]]", "[[Person 2]]"]']),
    'rotations/now.md': note(['name: Now Away', 'kind: away', 'start: 2026-11-02', 'end: 2026-11-27', 'contacts: ["[[Person 4]]"]']),
    'rotations/next.md': note(['name: Next Away', 'kind: away', 'start: 2026-12-07', 'end: 2027-01-01']),
    'projects/p.md': note(['name: P', 'lead: "[[Person 0]]"', 'cadence: weekly', 'start: 2026-01-05', 'milestones:', '  - name: Old', '    due: 2026-02-01', '  - name: Soon', '    due: 2026-11-28']),
  };
  for (let i = 0; i < 24; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 27) + 1).padStart(2, '0');
    const d = `2026-${month}-${day}`;
    files[`contacts/p${i}.md`] = note(
      [`name: Person ${i}`, 'title: Dr.', `role: ${i % 3 === 0 ? 'faculty' : 'resident'}`, ...(i % 4 === 0 ? ['mentor: true'] : []), ...(i % 5 === 0 ? ['sponsor: true'] : []),
        ...(i === 3 ? ['met_at: "[[Open House]]"', 'met: 2026-11-18'] : i % 6 === 1 ? ['met_at: "[[ASPS 2025]]"', 'met: 2025-10-11'] : []),
        ...(i % 7 === 0 ? [`follow_up: ${d}`] : []), ...(i % 8 === 0 ? ['next_meeting: 2026-11-27'] : [])],
      [`${d} emailed — asked something`, ...(i % 2 === 0 ? [`${d} received — they wrote`] : []), ...(i % 5 === 0 ? [`${d} advice: do a thing`] : [])],
      i % 3 === 0 ? [`- [ ] A task 📅 ${d}`] : [],
    );
  }
  return vaultOf(files);
}

describe('a year of history, on several days', () => {
  for (const today of ['2026-11-25', '2026-12-20', '2027-01-15', '2027-06-01'] as CalendarDate[]) {
    it(`${today}: no person twice among the overdue items, nothing more than 30 days late`, async () => {
      const vault = await yearOfHistory();
      const agenda = buildAgenda(vault, today, DEFAULT_SETTINGS);
      const people = agenda.overdue.map((i) => i.contact).filter((c): c is string => c !== null);
      assert.deepStrictEqual(people.filter((p, k) => people.indexOf(p) !== k), []);
      for (const i of agenda.overdue) assert.ok(daysBetween(i.due, today) <= 30, `${i.name} ${i.code} due ${i.due}`);
      // Not a wall: at most one row per note, and the old history shows as reconnect hints.
      const paths = agendaItems(agenda).filter((i) => i.active && i.contact !== null).map((i) => i.path);
      assert.strictEqual(new Set(paths).size, paths.length);
    });
  }

  it('on the story day the growth rules fire where they should', async () => {
    const vault = await yearOfHistory();
    const codes = new Set(agendaItems(buildAgenda(vault, '2026-11-25', DEFAULT_SETTINGS)).filter((i) => i.active).map((i) => i.code));
    for (const code of ['reconnect', 'pre-rotation', 'rotation-interest', 'milestone-due', 'conference-follow-up']) assert.ok(codes.has(code as never), code);
  });
});
