import * as assert from 'assert';
import { parseNote } from '../../src/core/parseNote';
import { found, note, on, settingsWith, summary, timeline, vaultOf } from './rulesSupport';

const P = 'projects/study.md';
const LEAD = 'contacts/lead.md';
const lead = (log: string[] = [], fm: string[] = []) => note(['name: Lee Lead', 'title: Dr.', 'role: faculty', 'mentor: faculty', 'cadence: 1y', ...fm], log);
const project = (fm: string[], log: string[] = []) => note(['name: Study', 'lead: "[[Lee Lead]]"', ...fm], log);

describe('project notes', () => {
  it('are read from projects/ or type: project, with lead, members, status, cadence and milestones (each on its line)', () => {
    const text = ['---', 'lead: "[[Lee Lead]]"', 'members: ["[[Ann]]", Bo]', 'status: under review', 'cadence: bi-weekly', 'milestones:',
      '  - name: Draft', '    due: 2026-11-20', '    done: true', '  - name: Submit', '    due: 2026-12-01', '---', ''].join('\n');
    const n = parseNote('projects/x.md', text);
    assert.strictEqual(n.kind, 'project');
    if (n.kind !== 'project') return;
    assert.deepStrictEqual([n.lead, n.members, n.status, n.cadenceDays], ['Lee Lead', ['Ann', 'Bo'], 'submitted', 14]);
    assert.deepStrictEqual(n.milestones, [
      { name: 'Draft', due: '2026-11-20', done: true, line: 6 },
      { name: 'Submit', due: '2026-12-01', done: false, line: 9 },
    ]);
    assert.strictEqual(parseNote('notes/x.md', '---\ntype: project\n---\n').kind, 'project');
  });

  it('report what they cannot read on its line: an unknown status, a bad cadence, an impossible milestone date', () => {
    const n = parseNote('projects/x.md', ['---', 'status: maybe', 'cadence: sometimes', 'milestones:', '  - name: A', '    due: 2026-02-30', '---'].join('\n'));
    assert.deepStrictEqual(n.problems.map((p) => `${p.range.start.line}:${p.code}`), ['1:unknown-status', '2:invalid-value', '4:invalid-date']);
  });
});

describe('rule research-check-in', () => {
  it('is due one cadence after the last exchange (project note, lead or member): info, a warning after a second cadence', async () => {
    const vault = await vaultOf({ [P]: project(['cadence: weekly'], ['2026-11-02 meeting — outline']), [LEAD]: lead(['2026-10-20 call — kick-off']) });
    assert.deepStrictEqual(timeline(vault, P, 'research-check-in', ['2026-11-08', '2026-11-09', '2026-11-16', '2026-11-17']), [
      '2026-11-08 -', '2026-11-09 info', '2026-11-16 info', '2026-11-17 warning',
    ]);
    const [f] = on(vault, P, '2026-11-09');
    assert.strictEqual(f.contact, null);
    assert.strictEqual(f.template, 'project-update');
    assert.match(f.message, /progress update/);
  });

  it('counts an exchange with the lead, uses the setting without a cadence, starts from `start`, and skips other statuses', async () => {
    const withLead = await vaultOf({ [P]: project([], ['2026-11-02 meeting — outline']), [LEAD]: lead(['2026-11-10 emailed — draft table']) });
    assert.deepStrictEqual(timeline(withLead, P, 'research-check-in', ['2026-11-23', '2026-11-24']), ['2026-11-23 -', '2026-11-24 info']);
    const fromStart = await vaultOf({ [P]: project(['start: 2026-11-01']) });
    assert.deepStrictEqual(timeline(fromStart, P, 'research-check-in', ['2026-11-04', '2026-11-05'], settingsWith({ researchCheckInDays: 4 })), ['2026-11-04 -', '2026-11-05 info']);
    for (const status of ['submitted', 'paused', 'done']) {
      const v = await vaultOf({ [P]: project([`status: ${status}`, 'start: 2026-01-01']) });
      assert.deepStrictEqual(summary(v, P, '2026-11-25').filter((x) => x.startsWith('research-check-in')), [], status);
    }
  });

  it('is not cleared by a note to self', async () => {
    const vault = await vaultOf({ [P]: project(['cadence: weekly'], ['2026-11-02 meeting — outline', '2026-11-08 note — read two papers']) });
    assert.deepStrictEqual(summary(vault, P, '2026-11-09'), ['research-check-in:info']);
  });
});

describe('rule milestone-due', () => {
  const ms = (done = 'false', status = 'active') => project([`status: ${status}`, 'milestones:', '  - name: Draft', '    due: 2026-11-20', `    done: ${done}`]);
  it('shows 7 days before a milestone, a warning once passed, gone when done or the project is paused or done', async () => {
    const vault = await vaultOf({ [P]: ms() });
    assert.deepStrictEqual(timeline(vault, P, 'milestone-due', ['2026-11-12', '2026-11-13', '2026-11-20', '2026-11-21']), [
      '2026-11-12 -', '2026-11-13 info', '2026-11-20 info', '2026-11-21 warning',
    ]);
    assert.strictEqual(on(vault, P, '2026-11-13')[0].range.start.line, 5, 'points at the milestone');
    for (const [done, status] of [['true', 'active'], ['false', 'paused'], ['false', 'done']]) {
      const v = await vaultOf({ [P]: ms(done, status) });
      assert.deepStrictEqual(summary(v, P, '2026-11-21'), [], `${done} ${status}`);
    }
  });
});

describe('rule research-news', () => {
  const mentor = (name: string, log: string[] = []) => note([`name: ${name}`, 'role: faculty', 'mentor: faculty', 'cadence: 1y'], log);
  it('asks to tell mentors not on the project, due 7 days after the news; cleared once all have heard', async () => {
    const files = { [P]: project(['status: accepted', 'accepted: 2026-11-20']), [LEAD]: lead(), 'contacts/m.md': mentor('Mo Mentor') };
    const vault = await vaultOf(files);
    assert.deepStrictEqual(timeline(vault, P, 'research-news', ['2026-11-19', '2026-11-20']), ['2026-11-19 -', '2026-11-20 info']);
    const [f] = on(vault, P, '2026-11-20');
    assert.strictEqual(f.due, '2026-11-27');
    assert.match(f.message, /Mo Mentor/);
    assert.doesNotMatch(f.message, /Lee Lead/, 'the lead knows');
    const told = await vaultOf({ ...files, 'contacts/m.md': mentor('Mo Mentor', ['2026-11-21 emailed — the abstract was accepted']) });
    assert.deepStrictEqual(summary(told, P, '2026-11-22'), []);
    const before = await vaultOf({ ...files, 'contacts/m.md': mentor('Mo Mentor', ['2026-11-19 emailed — fingers crossed']) });
    assert.deepStrictEqual(summary(before, P, '2026-11-22'), ['research-news:info']);
  });

  it('fires for presented work, not for active work; without a date it asks for one and is due today (never late)', async () => {
    const active = await vaultOf({ [P]: project(['status: active']), 'contacts/m.md': mentor('Mo Mentor') });
    assert.deepStrictEqual(summary(active, P, '2026-11-25'), []);
    const undated = await vaultOf({ [P]: project(['status: presented']), 'contacts/m.md': mentor('Mo Mentor') });
    const [f] = on(undated, P, '2026-11-25');
    assert.strictEqual(f.code, 'research-news');
    assert.strictEqual(f.due, '2026-11-25');
    assert.match(f.message, /presented: YYYY-MM-DD/);
  });
});

describe('rule meeting-prep', () => {
  it('shows 3 days before next_meeting, a warning the day before, gone on the day; cleared by a message in the window only', async () => {
    const vault = await vaultOf({ [LEAD]: lead([], ['next_meeting: 2026-11-27']) });
    assert.deepStrictEqual(timeline(vault, LEAD, 'meeting-prep', ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']), [
      '2026-11-23 -', '2026-11-24 info', '2026-11-25 info', '2026-11-26 warning', '2026-11-27 -',
    ]);
    assert.strictEqual(on(vault, LEAD, '2026-11-24')[0].template, 'mentor-meeting-agenda');
    const sent = await vaultOf({ [LEAD]: lead(['2026-11-24 emailed — agenda and CV'], ['next_meeting: 2026-11-27']) });
    assert.deepStrictEqual(summary(sent, LEAD, '2026-11-25'), []);
    const early = await vaultOf({ [LEAD]: lead(['2026-11-23 emailed — scheduling'], ['next_meeting: 2026-11-27']) });
    assert.deepStrictEqual(found(early, LEAD, '2026-11-25').filter((x) => x.startsWith('meeting-prep')), ['meeting-prep:info']);
  });
});

describe('rule report-back', () => {
  it('is due 21 days after advice, a warning after; cleared by a later outbound message, not an earlier one', async () => {
    const vault = await vaultOf({ [LEAD]: lead(['2026-11-01 meeting — mentor meeting', '2026-11-01 advice: apply to two aways in the northeast']) });
    assert.deepStrictEqual(timeline(vault, LEAD, 'report-back', ['2026-11-21', '2026-11-22', '2026-11-23']), ['2026-11-21 -', '2026-11-22 info', '2026-11-23 warning']);
    const [f] = on(vault, LEAD, '2026-11-22');
    assert.strictEqual(f.template, 'report-back');
    assert.strictEqual(f.range.start.line, 11, 'points at the advice');
    const reported = await vaultOf({ [LEAD]: lead(['2026-11-01 advice: two aways', '2026-11-15 emailed — I applied to both']) });
    assert.deepStrictEqual(summary(reported, LEAD, '2026-11-25').filter((x) => x.startsWith('report-back')), []);
    const sameDayBefore = await vaultOf({ [LEAD]: lead(['2026-11-01 emailed — agenda', '2026-11-01 advice: two aways']) });
    assert.deepStrictEqual(found(sameDayBefore, LEAD, '2026-11-22'), ['awaiting-reply:warning', 'report-back:info']);
  });

  it('is one finding however much advice waits, from the earliest; a message that needs no answer is not an advice', async () => {
    const vault = await vaultOf({ [LEAD]: lead(['2026-11-01 advice: a', '2026-11-05 advised: b']) });
    const [f] = on(vault, LEAD, '2026-11-22');
    assert.strictEqual(f.due, '2026-11-22');
    assert.match(f.message, /2 pieces of advice/);
  });
});

describe('rule pre-rotation', () => {
  const R = 'rotations/away.md';
  const away = (extra: string[] = [], body: string[] = []) =>
    note(['name: Harbor Away', 'kind: away', 'program: "[[Harbor]]"', 'start: 2026-12-07', 'end: 2027-01-01', 'contacts: ["[[Cory Chief]]"]', ...extra], [], body);
  const chief = (log: string[] = []) => note(['name: Cory Chief', 'role: resident', 'position: Chief resident'], log);
  const harbor = note(['type: program', 'name: Harbor', 'coordinator: "[[Cam Coord]]"']);
  const coord = (log: string[] = []) => note(['name: Cam Coord', 'role: coordinator'], log);

  it('shows 21 days before an away rotation, a warning from 7 days before, gone on the first day', async () => {
    const vault = await vaultOf({ [R]: away(), 'contacts/chief.md': chief(), 'programs/harbor.md': harbor, 'contacts/coord.md': coord() });
    assert.deepStrictEqual(timeline(vault, R, 'pre-rotation', ['2026-11-15', '2026-11-16', '2026-11-29', '2026-11-30', '2026-12-06', '2026-12-07']), [
      '2026-11-15 -', '2026-11-16 info', '2026-11-29 info', '2026-11-30 warning', '2026-12-06 warning', '2026-12-07 -',
    ]);
    const [f] = on(vault, R, '2026-11-20');
    assert.strictEqual(f.template, 'pre-rotation');
    assert.match(f.message, /Write to Cam Coord/, 'the coordinator first');
  });

  it('is cleared by a message to the coordinator or chief within six weeks of the start, or an outbound entry on the rotation', async () => {
    const toCoord = await vaultOf({ [R]: away(), 'programs/harbor.md': harbor, 'contacts/coord.md': coord(['2026-11-01 emailed — dress code?']) });
    assert.deepStrictEqual(summary(toCoord, R, '2026-11-20'), []);
    const tooEarly = await vaultOf({ [R]: away(), 'programs/harbor.md': harbor, 'contacts/coord.md': coord(['2026-10-25 emailed — application']) });
    assert.deepStrictEqual(summary(tooEarly, R, '2026-11-20'), ['pre-rotation:info']);
    const onNote = await vaultOf({ [R]: away([], ['## Log', '- 2026-11-18 emailed — wrote to the chief resident']) });
    assert.deepStrictEqual(summary(onNote, R, '2026-11-20'), []);
    const home = await vaultOf({ [R]: away().replace('kind: away', 'kind: home') });
    assert.deepStrictEqual(summary(home, R, '2026-11-20'), []);
  });
});

describe('rule rotation-interest', () => {
  const R = 'rotations/away.md';
  const away = (body: string[] = []) => note(['name: Ridge Away', 'kind: away', 'start: 2026-11-09', 'end: 2026-11-28', 'contacts: ["[[Pat Lee]]"]', 'ask_feedback: true'], [], body);
  const pat = (log: string[] = []) => note(['name: Pat Lee', 'role: faculty'], log);

  it('shows in the last 5 days of an away rotation, due on its last day, gone after', async () => {
    const vault = await vaultOf({ [R]: away(['## Log', '- 2026-11-18 feedback: more concise presentations']) });
    assert.deepStrictEqual(timeline(vault, R, 'rotation-interest', ['2026-11-23', '2026-11-24', '2026-11-28', '2026-11-29']), [
      '2026-11-23 -', '2026-11-24 info', '2026-11-28 info', '2026-11-29 -',
    ]);
    assert.strictEqual(on(vault, R, '2026-11-24')[0].template, 'end-of-rotation-interest');
  });

  it('is cleared by a log entry within the rotation that mentions interest', async () => {
    const vault = await vaultOf({ [R]: away(['## Log', '- 2026-11-18 feedback: ok']), 'contacts/pat.md': pat(['2026-11-25 meeting — told Dr. Lee I would be excited to train here']) });
    assert.deepStrictEqual(summary(vault, R, '2026-11-26'), []);
  });
});

describe('rotation-feedback and rotation-thank-you, as the guide words them', () => {
  const R = 'rotations/r.md';
  const rot = (kind: string, extra: string[] = [], body: string[] = []) =>
    note(['name: R', `kind: ${kind}`, 'start: 2026-11-02', 'end: 2026-11-27', 'contacts: ["[[Cam Coord]]"]', ...extra], [], body);
  it('is cleared by a `feedback` log entry, or by the guide\'s words "do differently or better"', async () => {
    for (const entry of ['2026-11-14 feedback: asked Dr. Lee', '2026-11-14 meeting — asked what I could do better over the next two weeks']) {
      const v = await vaultOf({ [R]: rot('away', [], ['## Log', `- ${entry}`]) });
      assert.deepStrictEqual(summary(v, R, '2026-11-16').filter((x) => x.startsWith('rotation-feedback')), [], entry);
    }
  });

  it('reminds on a home rotation only when it opts in with ask_feedback: true', async () => {
    const plain = await vaultOf({ [R]: rot('home') });
    assert.deepStrictEqual(summary(plain, R, '2026-11-16'), []);
    const optIn = await vaultOf({ [R]: rot('home', ['ask_feedback: true']) });
    assert.deepStrictEqual(summary(optIn, R, '2026-11-16'), ['rotation-feedback:warning']);
  });

  it('thanks a coordinator for organising, not for teaching', async () => {
    const vault = await vaultOf({ [R]: rot('home'), 'contacts/coord.md': note(['name: Cam Coord', 'role: coordinator']) });
    const [f] = on(vault, 'contacts/coord.md', '2026-12-01');
    assert.strictEqual(f.template, 'coordinator-thank-you');
    assert.match(f.message, /for organising the rotation/);
    assert.doesNotMatch(f.message, /teaching/);
  });
});

describe('virtual events', () => {
  const V = 'conferences/open-house.md';
  const event = (extra: string[] = []) => note(['name: Open House', 'kind: virtual', 'start: 2026-11-18', 'end: 2026-11-18', ...extra]);
  const resident = (name: string) => note([`name: ${name}`, 'role: resident', 'met_at: "[[Open House]]"', 'met: 2026-11-18']);

  it('follow up only the people marked in follow_up:', async () => {
    const vault = await vaultOf({ [V]: event(['follow_up: ["[[Ana Marked]]"]']), 'contacts/a.md': resident('Ana Marked'), 'contacts/b.md': resident('Bo Unmarked') });
    assert.deepStrictEqual(summary(vault, 'contacts/a.md', '2026-11-24'), ['conference-follow-up:warning']);
    assert.deepStrictEqual(summary(vault, 'contacts/b.md', '2026-11-24'), []);
  });

  it('do not demand a 10–20 name shortlist, only goals', async () => {
    const noGoals = await vaultOf({ [V]: event() });
    const [f] = on(noGoals, V, '2026-11-10');
    assert.match(f.message, /no goals/);
    assert.doesNotMatch(f.message, /shortlist/);
    const withGoals = await vaultOf({ [V]: event(['goals: [ask one question]']) });
    assert.deepStrictEqual(summary(withGoals, V, '2026-11-10'), []);
  });
});

describe('no-reply-needed', () => {
  it('closes their message without an answer; an unanswered one ages like the others', async () => {
    const closed = await vaultOf({ [LEAD]: lead(['2026-11-20 received — good luck with interviews!', '2026-11-20 no-reply-needed: a kind note']) });
    assert.deepStrictEqual(summary(closed, LEAD, '2026-11-25'), []);
    const open = await vaultOf({ [LEAD]: lead(['2026-11-20 received — good luck with interviews!']) });
    assert.deepStrictEqual(summary(open, LEAD, '2026-11-25'), ['reply-owed:warning']);
    assert.deepStrictEqual(summary(open, LEAD, '2026-12-22'), ['reply-owed:warning']);
    assert.deepStrictEqual(summary(open, LEAD, '2026-12-23'), ['reconnect:hint']);
  });
});
