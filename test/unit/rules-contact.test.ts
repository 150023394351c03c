import * as assert from 'assert';
import { note, on, settingsWith, summary, timeline, vaultOf, found } from './rulesSupport';

const C = 'contacts/jane.md';
const jane = (fm: string[], log: string[] = [], body: string[] = []) => note(['name: Jane Smith', 'title: Dr.', 'role: faculty', ...fm], log, body);

describe('rule follow-up-due', () => {
  it('is a warning from the follow_up date and an error once more than 7 days late', async () => {
    const vault = await vaultOf({ [C]: jane(['follow_up: 2026-11-20']) });
    assert.deepStrictEqual(timeline(vault, C, 'follow-up-due', ['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-27', '2026-11-28']), [
      '2026-11-19 -', '2026-11-20 warning', '2026-11-21 warning', '2026-11-27 warning', '2026-11-28 error',
    ]);
    const [f] = on(vault, C, '2026-11-28');
    assert.strictEqual(f.due, '2026-11-20');
    assert.strictEqual(f.range.start.line, 4, 'points at the follow_up key');
    assert.strictEqual(f.contact, 'Jane Smith');
    assert.match(f.message, /follow_up is 2026-11-20 \(8 days ago\).*more than a week late/);
  });

  it('reads the aliases of follow_up and points at the key as written', async () => {
    const vault = await vaultOf({ [C]: jane(['email: j@x.example', 'next_follow_up: 2026-11-20']) });
    assert.strictEqual(on(vault, C, '2026-11-20')[0].range.start.line, 5);
  });

  it('is cleared by an outbound message, call or meeting on or after the date, not before', async () => {
    const cases: [string, boolean][] = [
      ['2026-11-19 emailed — early', false],
      ['2026-11-20 emailed — on the day', true],
      ['2026-11-22 call — caught up', true],
      ['2026-11-22 received — she wrote first', false],
      ['2026-11-22 note — read her paper', false],
    ];
    for (const [entry, clears] of cases) {
      const vault = await vaultOf({ [C]: jane(['follow_up: 2026-11-20'], [entry]) });
      assert.strictEqual(on(vault, C, '2026-11-25').some((f) => f.code === 'follow-up-due'), !clears, entry);
    }
  });

  it('reports an open task from its due date, on the task line; a ticked task never', async () => {
    const vault = await vaultOf({
      [C]: jane([], [], ['- [ ] Send my CV 📅 2026-11-10', '- [x] Send the abstract 📅 2026-11-01', '- [ ] Undated task']),
    });
    assert.deepStrictEqual(timeline(vault, C, 'follow-up-due', ['2026-11-09', '2026-11-10', '2026-11-17', '2026-11-18']), [
      '2026-11-09 -', '2026-11-10 warning', '2026-11-17 warning', '2026-11-18 error',
    ]);
    const [f] = on(vault, C, '2026-11-10');
    assert.strictEqual(f.range.start.line, 7);
    assert.strictEqual(f.action, 'Send my CV');
    assert.strictEqual(f.key, 'task:Send my CV');
  });

  it('clears a task by an outbound message on or after its due date, but not by a routine call', async () => {
    const emailed = await vaultOf({ [C]: jane([], ['2026-11-12 emailed — sent the CV'], ['- [ ] Send my CV [due:: 2026-11-10]']) });
    assert.deepStrictEqual(summary(emailed, C, '2026-11-20').filter((x) => x.startsWith('follow-up-due')), []);
    const called = await vaultOf({ [C]: jane([], ['2026-11-12 call — weekly call'], ['- [ ] Send my CV [due:: 2026-11-10]']) });
    assert.deepStrictEqual(summary(called, C, '2026-11-20'), ['follow-up-due:error']);
  });

  it('reports tasks on any note, with no contact', async () => {
    const vault = await vaultOf({ 'conferences/c.md': note(['name: C 2026', 'start: 2027-03-01'], [], ['- [ ] Book the hotel 📅 2026-11-20']) });
    const [f] = on(vault, 'conferences/c.md', '2026-11-20');
    assert.strictEqual(f.code, 'follow-up-due');
    assert.strictEqual(f.contact, null);
  });
});

describe('rule conference-follow-up', () => {
  const files = (fm: string[], log: string[] = []) => ({
    'conferences/asps.md': note(['name: ASPS 2026', 'start: 2026-10-09', 'end: 2026-10-12']),
    [C]: jane(fm, log),
  });

  it('counts 3–5 days from the conference\'s last day: info from day 3, warning after day 5', async () => {
    const vault = await vaultOf(files(['met_at: "[[ASPS 2026]]"', 'met: 2026-10-10']));
    assert.deepStrictEqual(timeline(vault, C, 'conference-follow-up', ['2026-10-14', '2026-10-15', '2026-10-17', '2026-10-18']), [
      '2026-10-14 -', '2026-10-15 info', '2026-10-17 info', '2026-10-18 warning',
    ]);
    const [f] = on(vault, C, '2026-10-18');
    assert.strictEqual(f.due, '2026-10-17');
    assert.strictEqual(f.template, 'conference-follow-up');
    assert.strictEqual(f.range.start.line, 4, 'points at met_at');
    assert.match(f.message, /^Met at ASPS 2026 on 2026-10-10, no follow-up logged; the guide suggests .*3–5 days/);
  });

  it('uses the conference\'s start when no met date is given', async () => {
    const vault = await vaultOf(files(['met_at: "[[ASPS 2026]]"']));
    assert.strictEqual(on(vault, C, '2026-10-20')[0].due, '2026-10-17');
  });

  it('counts from the meeting itself for an event named in plain text', async () => {
    const vault = await vaultOf(files(['met_at: AAPS reception', 'met: 2026-11-02']));
    assert.deepStrictEqual(timeline(vault, C, 'conference-follow-up', ['2026-11-04', '2026-11-05', '2026-11-07', '2026-11-08']), [
      '2026-11-04 -', '2026-11-05 info', '2026-11-07 info', '2026-11-08 warning',
    ]);
    assert.match(on(vault, C, '2026-11-05')[0].message, /^Met at AAPS reception on 2026-11-02/);
  });

  it('counts a met log entry as a meeting', async () => {
    const vault = await vaultOf(files([], ['2026-11-02 met — grand rounds']));
    const [f] = on(vault, C, '2026-11-05');
    assert.strictEqual(f.code, 'conference-follow-up');
    assert.strictEqual(f.range.start.line, 8);
  });

  it('is cleared by any later message, call or meeting (either way), not by a note', async () => {
    const cases: [string, boolean][] = [
      ['2026-10-13 emailed — great to meet you', true],
      ['2026-10-20 received — she wrote first', true],
      ['2026-10-20 call — phone call', true],
      ['2026-10-20 note — read her paper', false],
      ['2026-10-01 emailed — before the meeting', false],
    ];
    for (const [entry, clears] of cases) {
      const vault = await vaultOf(files(['met_at: "[[ASPS 2026]]"', 'met: 2026-10-10'], [entry]));
      // The earlier email also awaits a reply (the primary reminder); the follow-up rides along with it.
      assert.strictEqual(found(vault, C, '2026-10-25').some((f) => f.startsWith('conference-follow-up:')), !clears, entry);
    }
  });

  it('leaves contacts met on a rotation to the rotation rules', async () => {
    const rotation = note(['name: Away', 'kind: away', 'start: 2026-11-02', 'end: 2026-11-27', 'contacts: ["[[Pat Lee]]"]']);
    const vault = await vaultOf({
      'rotations/away.md': rotation,
      [C]: jane(['met_at: "[[Away]]"', 'met: 2026-11-02'], ['2026-11-02 met — first day']),
      'contacts/pat.md': note(['name: Pat Lee', 'role: resident'], ['2026-11-03 met — on the service']),
    });
    assert.deepStrictEqual(summary(vault, C, '2026-11-10'), []);
    assert.deepStrictEqual(summary(vault, 'contacts/pat.md', '2026-11-10'), []);
  });

  it('honours configured windows', async () => {
    const vault = await vaultOf(files(['met_at: "[[ASPS 2026]]"', 'met: 2026-10-10']));
    const s = settingsWith({ conferenceFollowUpFromDays: 1, conferenceFollowUpDueDays: 2 });
    assert.deepStrictEqual(timeline(vault, C, 'conference-follow-up', ['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15'], s), [
      '2026-10-12 -', '2026-10-13 info', '2026-10-14 info', '2026-10-15 warning',
    ]);
    assert.match(on(vault, C, '2026-10-13', s)[0].message, /your settings say/);
  });
});

describe('rule awaiting-reply', () => {
  it('suggests one nudge from day 7 (info) and is overdue after day 10 (warning)', async () => {
    const vault = await vaultOf({ [C]: jane([], ['2026-11-01 emailed — asked about research']) });
    assert.deepStrictEqual(timeline(vault, C, 'awaiting-reply', ['2026-11-07', '2026-11-08', '2026-11-11', '2026-11-12']), [
      '2026-11-07 -', '2026-11-08 info', '2026-11-11 info', '2026-11-12 warning',
    ]);
    const [f] = on(vault, C, '2026-11-12');
    assert.strictEqual(f.due, '2026-11-11');
    assert.strictEqual(f.template, 'polite-follow-up');
    assert.strictEqual(f.range.start.line, 8, 'points at the email');
  });

  it('is answered by a reply, a call or a meeting after the email, including later the same day', async () => {
    for (const entry of ['2026-11-03 replied — yes', '2026-11-03 call — talked', '2026-11-01 received — quick answer']) {
      const vault = await vaultOf({ [C]: jane([], ['2026-11-01 emailed — asked', entry]) });
      assert.deepStrictEqual(summary(vault, C, '2026-11-20').filter((s) => s.startsWith('awaiting')), [], entry);
    }
  });

  it('does not wait for an answer to a thank-you', async () => {
    const vault = await vaultOf({ [C]: jane([], ['2026-11-01 thanked — thank-you note']) });
    assert.deepStrictEqual(summary(vault, C, '2026-11-20'), []);
  });
});

describe('rule attempts-exhausted', () => {
  const log = ['2026-10-15 emailed — sent my abstract', '2026-10-27 followed-up — did you read it?'];

  it('after two unanswered emails, hints to stop once the second has waited 7 days, instead of awaiting-reply', async () => {
    const vault = await vaultOf({ [C]: jane([], log) });
    assert.deepStrictEqual(timeline(vault, C, 'attempts-exhausted', ['2026-11-02', '2026-11-03', '2026-12-30']), [
      '2026-11-02 -', '2026-11-03 hint', '2026-12-30 hint',
    ]);
    assert.deepStrictEqual(summary(vault, C, '2026-11-20'), ['attempts-exhausted:hint']);
    assert.match(on(vault, C, '2026-11-20')[0].message, /2 messages without a reply.*dormant/);
  });

  it('counts only the attempts since the last answer', async () => {
    const vault = await vaultOf({ [C]: jane([], ['2026-09-01 emailed — one', '2026-09-03 replied — yes', '2026-10-27 emailed — two']) });
    assert.deepStrictEqual(summary(vault, C, '2026-11-20'), ['awaiting-reply:warning']);
  });

  it('follows maxAttempts', async () => {
    const vault = await vaultOf({ [C]: jane([], log) });
    assert.deepStrictEqual(summary(vault, C, '2026-11-20', settingsWith({ maxAttempts: 3 })), ['awaiting-reply:warning']);
    const once = await vaultOf({ [C]: jane([], [log[0]]) });
    assert.deepStrictEqual(timeline(once, C, 'attempts-exhausted', ['2026-10-21', '2026-10-22'], settingsWith({ maxAttempts: 1 })), [
      '2026-10-21 -', '2026-10-22 hint',
    ]);
  });
});

describe('rule reply-owed', () => {
  it('is info on the day they wrote, still info on the due day, a warning after 2 days', async () => {
    const vault = await vaultOf({ [C]: jane([], ['2026-11-24 received — asked for help with data']) });
    assert.deepStrictEqual(timeline(vault, C, 'reply-owed', ['2026-11-23', '2026-11-24', '2026-11-26', '2026-11-27']), [
      '2026-11-23 -', '2026-11-24 info', '2026-11-26 info', '2026-11-27 warning',
    ]);
    assert.match(on(vault, C, '2026-11-24')[0].message, /wrote on 2026-11-24 \(today\), no answer logged; the guide says reply within 24–48 hours \(by 2026-11-26\)\. Their message: "asked for help with data"$/);
  });

  it('is cleared by your email, call or meeting after theirs; same-day entries count in file order', async () => {
    const answered = await vaultOf({ [C]: jane([], ['2026-11-24 received — question', '2026-11-24 emailed — answer']) });
    assert.deepStrictEqual(summary(answered, C, '2026-11-30'), []);
    const owed = await vaultOf({ [C]: jane([], ['2026-11-24 emailed — question', '2026-11-24 replied — answer']) });
    assert.deepStrictEqual(summary(owed, C, '2026-11-30'), ['reply-owed:warning']);
    const called = await vaultOf({ [C]: jane([], ['2026-11-24 replied — answer', '2026-11-25 call — talked']) });
    assert.deepStrictEqual(summary(called, C, '2026-11-30'), []);
  });

  it('orders the log by date, whatever order it is written in', async () => {
    const vault = await vaultOf({ [C]: jane([], ['2026-11-25 emailed — answered', '2026-11-24 received — question']) });
    assert.deepStrictEqual(summary(vault, C, '2026-11-30'), []);
  });
});

describe('rule keep-in-touch', () => {
  it('reminds a mentor 60 days after the last contact', async () => {
    const vault = await vaultOf({ [C]: jane(['mentor: faculty'], ['2026-09-10 meeting — statement review']) });
    assert.deepStrictEqual(timeline(vault, C, 'keep-in-touch', ['2026-11-08', '2026-11-09', '2026-12-09', '2026-12-10']), [
      '2026-11-08 -', '2026-11-09 info', '2026-12-09 info', '2026-12-10 -',
    ]);
    // More than 30 days past due it is no longer "N days late": a reconnect hint stands for it.
    assert.deepStrictEqual(summary(vault, C, '2026-12-10'), ['reconnect:hint']);
    const [f] = on(vault, C, '2026-11-09');
    assert.strictEqual(f.template, 'keep-in-touch');
    assert.match(f.message, /Last contact 2026-09-10 \(meeting, 60 days ago\); the cadence for mentors is every 60 days/);
  });

  it('uses 45 days for sponsors, the contact\'s own cadence first, and none for others by default', async () => {
    const vault = await vaultOf({
      'contacts/s.md': note(['name: S', 'sponsor: true', 'mentor: faculty'], ['2026-09-10 call — update']),
      'contacts/c.md': note(['name: C', 'cadence: 2w'], ['2026-09-10 call — update']),
      'contacts/o.md': note(['name: O', 'role: faculty'], ['2026-01-10 call — update']),
    });
    assert.deepStrictEqual(timeline(vault, 'contacts/s.md', 'keep-in-touch', ['2026-10-24', '2026-10-25']), ['2026-10-24 -', '2026-10-25 info']);
    assert.deepStrictEqual(timeline(vault, 'contacts/c.md', 'keep-in-touch', ['2026-09-23', '2026-09-24']), ['2026-09-23 -', '2026-09-24 info']);
    assert.deepStrictEqual(summary(vault, 'contacts/o.md', '2026-11-25'), []);
    assert.deepStrictEqual(summary(vault, 'contacts/o.md', '2026-04-20', settingsWith({ otherCadenceDays: 90 })), ['keep-in-touch:info']);
  });

  it('takes the latest of last_contact and the log, ignoring plain notes', async () => {
    const vault = await vaultOf({ [C]: jane(['mentor: faculty', 'last_contact: 2026-10-01'], ['2026-09-10 meeting — old', '2026-11-20 note — read her paper']) });
    assert.deepStrictEqual(timeline(vault, C, 'keep-in-touch', ['2026-11-29', '2026-11-30']), ['2026-11-29 -', '2026-11-30 info']);
    assert.strictEqual(on(vault, C, '2026-11-30')[0].range.start.line, 5, 'points at last_contact');
  });

  it('stays quiet while another rule owns the next step (open follow_up, awaited reply, owed reply)', async () => {
    for (const [fm, log] of [
      [['follow_up: 2027-01-10'], ['2026-09-10 meeting — old']],
      [[], ['2026-09-10 emailed — asked']],
      [[], ['2026-09-10 received — asked me']],
    ] as [string[], string[]][]) {
      const vault = await vaultOf({ [C]: jane(['mentor: faculty', ...fm], log) });
      assert.ok(!on(vault, C, '2026-12-20').some((f) => f.code === 'keep-in-touch'), log[0]);
    }
  });

  it('says nothing without any date to count from', async () => {
    const vault = await vaultOf({ [C]: jane(['mentor: faculty']) });
    assert.deepStrictEqual(summary(vault, C, '2026-11-25'), []);
  });
});

describe('silencing', () => {
  const busy = (fm: string[]) => jane(['follow_up: 2026-11-01', 'mentor: faculty', ...fm], ['2026-06-01 emailed — asked']);

  it('status paused, dormant and archived silence every reminder', async () => {
    for (const status of ['paused', 'dormant', 'archived', 'inactive']) {
      const vault = await vaultOf({ [C]: busy([`status: ${status}`]) });
      assert.deepStrictEqual(summary(vault, C, '2026-11-25'), [], status);
    }
    const waiting = await vaultOf({ [C]: busy(['status: waiting']) });
    assert.notDeepStrictEqual(summary(waiting, C, '2026-11-25'), []);
  });

  it('snooze_until silences while today is before it; reminders come back on that day', async () => {
    const vault = await vaultOf({ [C]: busy(['snooze_until: 2026-12-01']) });
    assert.deepStrictEqual(summary(vault, C, '2026-11-30'), []);
    // The June email's wait lapsed long ago (a reconnect hint); follow_up is exactly 30 days late and still counts.
    assert.deepStrictEqual(found(vault, C, '2026-12-01'), ['follow-up-due:error', 'reconnect:hint']);
    assert.deepStrictEqual(found(vault, C, '2026-11-30', settingsWith({ agingLimitDays: 3650 })), []);
    assert.deepStrictEqual(found(vault, C, '2026-12-01', settingsWith({ agingLimitDays: 3650 })), ['follow-up-due:error', 'awaiting-reply:warning']);
  });

  it('a rule can be turned off or given a fixed severity', async () => {
    const vault = await vaultOf({ [C]: busy([]) });
    const fresh = settingsWith({ agingLimitDays: 3650 });
    assert.deepStrictEqual(summary(vault, C, '2026-11-25', settingsWith({ agingLimitDays: 3650, rules: { 'follow-up-due': 'off', 'awaiting-reply': 'hint' } })), ['awaiting-reply:hint']);
    assert.deepStrictEqual(found(vault, C, '2026-11-25', fresh), ['follow-up-due:error', 'awaiting-reply:warning']);
    // Aging off with the reconnect rule: old reminders stay as they were.
    assert.deepStrictEqual(found(vault, C, '2026-11-25', settingsWith({ rules: { reconnect: 'off' } })), ['follow-up-due:error', 'awaiting-reply:warning']);
  });
});
