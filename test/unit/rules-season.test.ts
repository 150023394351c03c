import * as assert from 'assert';
import { evaluateVault, scheduleNote } from '../../src/core/rules';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { note, on, settingsWith, summary, timeline, vaultOf } from './rulesSupport';

/** The season's rules, each boundary read as the day before, of and after. */

const PROGRAM = (extra: string[]) => note(['type: program', 'name: Bayside Plastic Surgery', 'institution: Bayside Medical Center', 'website: https://bayside.example', ...extra]);

describe('season rules: letters', () => {
  it('letter-no-answer: info from day 7, warning from day 10; silent once agreed, declined, answered or followed up', async () => {
    const vault = await vaultOf({
      'contacts/a.md': note(['name: A', 'role: faculty', 'letter:', '  asked: 2026-06-01']),
      'contacts/agreed.md': note(['name: Agreed', 'letter:', '  asked: 2026-06-01', '  agreed: 2026-06-03']),
      'contacts/declined.md': note(['name: Declined', 'letter:', '  asked: 2026-06-01', '  declined: 2026-06-03']),
      'contacts/replied.md': note(['name: Replied', 'letter:', '  asked: 2026-06-01'], ['2026-06-02 replied — Let me think about it']),
      'contacts/nudged.md': note(['name: Nudged', 'letter:', '  asked: 2026-06-01'], ['2026-06-08 followed-up — Gentle follow-up']),
      'contacts/same-day.md': note(['name: Same day', 'letter:', '  asked: 2026-06-01'], ['2026-06-01 emailed — The request']),
    });
    assert.deepStrictEqual(timeline(vault, 'contacts/a.md', 'letter-no-answer', ['2026-06-07', '2026-06-08', '2026-06-09', '2026-06-10', '2026-06-11', '2026-06-12']),
      ['2026-06-07 -', '2026-06-08 info', '2026-06-09 info', '2026-06-10 info', '2026-06-11 warning', '2026-06-12 warning']);
    const f = on(vault, 'contacts/a.md', '2026-06-11')[0];
    assert.strictEqual(f.range.start.line, 4, 'points at asked:');
    assert.strictEqual(f.template, 'polite-follow-up');
    for (const p of ['agreed', 'declined', 'replied', 'nudged']) assert.deepStrictEqual(summary(vault, `contacts/${p}.md`, '2026-06-20').filter((s) => s.startsWith('letter-no-answer')), [], p);
    // The ask itself logged on the day is not an answer.
    assert.ok(summary(vault, 'contacts/same-day.md', '2026-06-12').includes('letter-no-answer:warning'));
  });

  it('letter-no-answer: the numbers are settings', async () => {
    const vault = await vaultOf({ 'contacts/a.md': note(['name: A', 'letter:', '  asked: 2026-06-01']) });
    const s = settingsWith({ letterNoAnswerNudgeDays: 3, letterNoAnswerOverdueDays: 5 });
    assert.deepStrictEqual(timeline(vault, 'contacts/a.md', 'letter-no-answer', ['2026-06-03', '2026-06-04', '2026-06-05', '2026-06-06'], s),
      ['2026-06-03 -', '2026-06-04 info', '2026-06-05 info', '2026-06-06 warning']);
    assert.match(on(vault, 'contacts/a.md', '2026-06-06', s)[0].message, /your settings say/);
  });

  it('letter-materials: from the day they agreed, a warning after 3 days, gone once materials_sent', async () => {
    const vault = await vaultOf({
      'contacts/a.md': note(['name: A', 'letter:', '  asked: 2026-06-01', '  agreed: 2026-06-10']),
      'contacts/sent.md': note(['name: Sent', 'letter:', '  asked: 2026-06-01', '  agreed: 2026-06-10', '  materials_sent: 2026-06-11']),
    });
    assert.deepStrictEqual(timeline(vault, 'contacts/a.md', 'letter-materials', ['2026-06-09', '2026-06-10', '2026-06-12', '2026-06-13', '2026-06-14']),
      ['2026-06-09 -', '2026-06-10 info', '2026-06-12 info', '2026-06-13 info', '2026-06-14 warning']);
    assert.strictEqual(on(vault, 'contacts/a.md', '2026-06-14')[0].range.start.line, 4, 'points at agreed:');
    assert.deepStrictEqual(summary(vault, 'contacts/sent.md', '2026-06-20'), []);
  });

  it('letter-reminder: info from 14 days before due, a warning after it; the assistant when given; the season\'s reviewsOpen by default', async () => {
    const vault = await vaultOf({
      'contacts/a.md': note(['name: A', 'letter:', '  agreed: 2026-06-10', '  materials_sent: 2026-06-11', '  due: 2026-09-23']),
      'contacts/assisted.md': note(['name: Assisted', 'letter:', '  agreed: 2026-06-10', '  materials_sent: 2026-06-11', '  assistant: Pat Lee <pat@example.org>']),
      'contacts/done.md': note(['name: Done', 'letter:', '  agreed: 2026-06-10', '  due: 2026-09-23', '  uploaded: 2026-09-01']),
    });
    assert.deepStrictEqual(timeline(vault, 'contacts/a.md', 'letter-reminder', ['2026-09-08', '2026-09-09', '2026-09-23', '2026-09-24']),
      ['2026-09-08 -', '2026-09-09 info', '2026-09-23 info', '2026-09-24 warning']);
    assert.strictEqual(on(vault, 'contacts/a.md', '2026-09-24')[0].template, 'letter-reminder');
    // No due and no season date: nothing to remind about.
    assert.deepStrictEqual(summary(vault, 'contacts/assisted.md', '2026-12-01'), []);
    const season = settingsWith({ season: { reviewsOpen: '2026-09-23' } });
    const f = on(vault, 'contacts/assisted.md', '2026-09-24', season)[0];
    assert.strictEqual(`${f.code}:${f.severity}:${f.template}`, 'letter-reminder:warning:letter-reminder-assistant');
    assert.match(f.message, /assistant, Pat Lee <pat@example\.org>/);
    assert.deepStrictEqual(summary(vault, 'contacts/done.md', '2026-09-24').filter((x) => x.startsWith('letter-reminder')), []);
  });

  it('letter-reminder: a reminder logged in the window answers it; after the deadline only one logged since does', async () => {
    const vault = await vaultOf({
      'contacts/a.md': note(['name: A', 'letter:', '  agreed: 2026-06-10', '  materials_sent: 2026-06-11', '  due: 2026-09-23'], ['2026-09-15 emailed — Gentle reminder']),
    });
    assert.deepStrictEqual(timeline(vault, 'contacts/a.md', 'letter-reminder', ['2026-09-15', '2026-09-23', '2026-09-24']),
      ['2026-09-15 -', '2026-09-23 -', '2026-09-24 warning']);
  });

  it('letter-thank-you: from the upload, a warning after 3 days; thanked: or a thanked entry clears it', async () => {
    const vault = await vaultOf({
      'contacts/a.md': note(['name: A', 'letter:', '  agreed: 2026-06-10', '  uploaded: 2026-09-10']),
      'contacts/field.md': note(['name: F', 'letter:', '  agreed: 2026-06-10', '  uploaded: 2026-09-10', '  thanked: 2026-09-11']),
      'contacts/logged.md': note(['name: L', 'letter:', '  agreed: 2026-06-10', '  uploaded: 2026-09-10'], ['2026-09-12 thanked — Thank-you note']),
    });
    assert.deepStrictEqual(timeline(vault, 'contacts/a.md', 'letter-thank-you', ['2026-09-09', '2026-09-10', '2026-09-13', '2026-09-14']),
      ['2026-09-09 -', '2026-09-10 info', '2026-09-13 info', '2026-09-14 warning']);
    assert.deepStrictEqual(summary(vault, 'contacts/field.md', '2026-09-20'), []);
    assert.deepStrictEqual(summary(vault, 'contacts/logged.md', '2026-09-20'), []);
  });

  it('reads letters written as a flow mapping, and reports a bad date on its own line', async () => {
    const vault = await vaultOf({
      'contacts/flow.md': note(['name: Flow', 'letter: { asked: 2026-06-01 }']),
      'contacts/bad.md': note(['name: Bad', 'letter:', '  asked: 2026-06-01', '  agreed: 2026-13-40', '  colour: red']),
    });
    assert.deepStrictEqual(summary(vault, 'contacts/flow.md', '2026-06-11'), ['letter-no-answer:warning']);
    const problems = vault.get('contacts/bad.md')!.problems.map((p) => `${p.range.start.line}:${p.code}`);
    assert.deepStrictEqual(problems, ['4:invalid-date', '5:invalid-value']);
    // The bad agreed date is not read: the request still counts as unanswered.
    assert.deepStrictEqual(summary(vault, 'contacts/bad.md', '2026-06-11'), ['letter-no-answer:warning']);
  });
});

describe('season rules: interviews', () => {
  it('interview-respond: a warning until respond_by, an error after; scheduling or declining clears it', async () => {
    const vault = await vaultOf({
      'programs/a.md': PROGRAM(['interview:', '  invited: 2026-11-12', '  respond_by: 2026-11-13']),
      'programs/nodate.md': PROGRAM(['interview:', '  invited: 2026-11-12']),
      'programs/scheduled.md': PROGRAM(['interview:', '  invited: 2026-11-12', '  date: 2026-12-04']),
      'programs/declined.md': PROGRAM(['interview:', '  invited: 2026-11-12', '  declined: 2026-11-13']),
    });
    assert.deepStrictEqual(timeline(vault, 'programs/a.md', 'interview-respond', ['2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14']),
      ['2026-11-11 -', '2026-11-12 warning', '2026-11-13 warning', '2026-11-14 error']);
    assert.strictEqual(on(vault, 'programs/a.md', '2026-11-14')[0].range.start.line, 7, 'points at respond_by:');
    assert.strictEqual(on(vault, 'programs/a.md', '2026-11-14')[0].template, 'interview-response');
    // Without respond_by: interviewRespondDays (1) after the invitation.
    assert.deepStrictEqual(timeline(vault, 'programs/nodate.md', 'interview-respond', ['2026-11-13', '2026-11-14']), ['2026-11-13 warning', '2026-11-14 error']);
    assert.deepStrictEqual(summary(vault, 'programs/scheduled.md', '2026-11-20'), []);
    assert.deepStrictEqual(summary(vault, 'programs/declined.md', '2026-11-20'), []);
  });

  it('interview-prep: within 7 days of the interview, until the day, naming the people there with their last contact', async () => {
    const vault = await vaultOf({
      'programs/bayside.md': PROGRAM(['interview:', '  invited: 2026-11-12', '  date: 2026-12-04']),
      'contacts/linked.md': note(['name: Rae Linked', 'title: Dr.', 'role: faculty', 'program: "[[Bayside Plastic Surgery]]"'], ['2026-10-01 met — Grand rounds']),
      'contacts/same-place.md': note(['name: Sam Place', 'role: coordinator', 'institution: Bayside Medical Center']),
      'contacts/elsewhere.md': note(['name: Else Where', 'role: faculty', 'institution: Northgate']),
    });
    assert.deepStrictEqual(timeline(vault, 'programs/bayside.md', 'interview-prep', ['2026-11-26', '2026-11-27', '2026-12-04', '2026-12-05']),
      ['2026-11-26 -', '2026-11-27 info', '2026-12-04 info', '2026-12-05 -']);
    const msg = on(vault, 'programs/bayside.md', '2026-12-01')[0].message;
    assert.match(msg, /Dr\. Rae Linked \(faculty, last contact 2026-10-01\); Sam Place \(coordinator, no contact logged\)/);
    assert.doesNotMatch(msg, /Else Where/);
    assert.match(msg, /https:\/\/bayside\.example/);
  });

  it('interview-prep: the list of names is bounded', async () => {
    const files: Record<string, string> = { 'programs/bayside.md': PROGRAM(['interview:', '  date: 2026-12-04']) };
    for (let i = 0; i < 30; i++) files[`contacts/p${i}.md`] = note([`name: Person ${String(i).padStart(2, '0')}`, 'institution: Bayside Medical Center']);
    const vault = await vaultOf(files);
    const msg = on(vault, 'programs/bayside.md', '2026-12-01')[0].message;
    assert.strictEqual(msg.match(/Person/g)!.length, 12);
    assert.match(msg, /and 18 more\.$/);
  });
});

describe('post-interview policy (ACEPS)', () => {
  const files = () => ({
    'programs/bayside.md': PROGRAM(['application: { applied: 2026-09-03, system: ERAS }', 'interview:', '  invited: 2026-11-12', '  date: 2026-11-20']),
    'programs/ridge.md': note(['type: program', 'name: Ridge', 'institution: Ridge Hospital']),
    'contacts/faculty.md': note(['name: Fay Culty', 'role: faculty', 'program: "[[Bayside Plastic Surgery]]"', 'cadence: 30d', 'follow_up: 2026-11-25'],
      ['2026-10-01 meeting — Clinic', '2026-11-20 met — Interview day', '2026-11-21 emailed — Thank-you after the interview', '2026-11-22 replied — Thanks'],
      ['- [ ] Return the library book 📅 2026-11-26']),
    'contacts/pd.md': note(['name: Pat Director', 'role: program-director', 'institution: Bayside Medical Center'], ['2026-11-23 call — Asked about my rank']),
    'contacts/mentor.md': note(['name: Men Tor', 'role: faculty', 'mentor: faculty', 'institution: Bayside Medical Center', 'cadence: 30d'], ['2026-11-22 emailed — Update']),
    'contacts/resident.md': note(['name: Res Ident', 'role: resident', 'institution: Bayside Medical Center', 'cadence: 30d'], ['2026-10-01 meeting — Coffee']),
    'contacts/coordinator.md': note(['name: Co Ord', 'role: coordinator', 'institution: Bayside Medical Center'], ['2026-11-21 received — Parking details']),
    'contacts/other-program.md': note(['name: Oth Er', 'role: faculty', 'institution: Ridge Hospital', 'cadence: 30d'], ['2026-10-01 meeting — Clinic']),
  });

  it('post-interview-contact: warns on each log line of contact with non-mentor faculty after the interview day, citing the policy', async () => {
    const vault = await vaultOf(files());
    const f = on(vault, 'contacts/faculty.md', '2026-11-25').filter((x) => x.code === 'post-interview-contact');
    assert.deepStrictEqual(f.map((x) => `${x.severity}:${x.range.start.line}`), ['warning:14'], 'the email of 11-21, not the interview day itself nor their reply');
    assert.match(f[0].message, /ACEPS Uniform Policy and Guidelines for Post Interview Communication \(updated August 2022\)/);
    assert.strictEqual(f[0].template, undefined);
    assert.ok(summary(vault, 'contacts/pd.md', '2026-11-25').includes('post-interview-contact:warning'), 'by institution; a call counts');
    for (const p of ['mentor', 'resident', 'coordinator', 'other-program']) {
      assert.ok(!summary(vault, `contacts/${p}.md`, '2026-11-25').some((s) => s.startsWith('post-interview-contact')), p);
    }
    // Shows from the day of the message, not before.
    assert.deepStrictEqual(timeline(vault, 'contacts/faculty.md', 'post-interview-contact', ['2026-11-20', '2026-11-21']), ['2026-11-20 -', '2026-11-21 warning']);
  });

  it('quiet: after the interview day no rule suggests writing to non-mentor faculty; their own tasks stay, with the policy named', async () => {
    const vault = await vaultOf(files());
    // Up to the interview day the planned follow_up is still listed; the day after, it is gone.
    const keys = (day: string) => scheduleNote(vault, vault.get('contacts/faculty.md')!, day, DEFAULT_SETTINGS).map((f) => `${f.code}:${f.key}`);
    assert.ok(keys('2026-11-20').includes('follow-up-due:follow_up'));
    assert.ok(!keys('2026-11-21').includes('follow-up-due:follow_up'));
    const after = on(vault, 'contacts/faculty.md', '2026-11-26');
    assert.deepStrictEqual(after.map((f) => f.code).sort(), ['follow-up-due', 'post-interview-contact']);
    const task = after.find((f) => f.code === 'follow-up-due')!;
    assert.match(task.key, /^task:/);
    assert.match(task.message, /Your interview at Bayside Plastic Surgery was 2026-11-20: the ACEPS/);
    assert.strictEqual(task.template, undefined);
    // Mentors, residents, the coordinator and other programs' faculty keep their reminders.
    assert.ok(summary(vault, 'contacts/resident.md', '2026-11-26').includes('keep-in-touch:info'));
    assert.ok(summary(vault, 'contacts/coordinator.md', '2026-11-26').some((s) => s.startsWith('reply-owed')));
    assert.ok(summary(vault, 'contacts/mentor.md', '2026-12-01').some((s) => s.startsWith('awaiting-reply')));
    assert.ok(summary(vault, 'contacts/other-program.md', '2026-11-26').includes('keep-in-touch:info'));
  });

  it('quiet holds in the agenda too: nothing for such faculty is listed as coming', async () => {
    const vault = await vaultOf(files());
    const n = vault.get('contacts/faculty.md')!;
    const coming = scheduleNote(vault, n, '2026-11-26', DEFAULT_SETTINGS).map((s) => s.code).sort();
    assert.deepStrictEqual(coming, ['follow-up-due', 'post-interview-contact']);
  });

  it('postInterviewPolicy: off restores every reminder and silences post-interview-contact', async () => {
    const vault = await vaultOf(files());
    const off = settingsWith({ postInterviewPolicy: 'off' });
    // One primary reminder per person: the rest ride along in its \`others\`.
    const codes = on(vault, 'contacts/faculty.md', '2026-11-26', off).flatMap((f) => [f.code, ...(f.others ?? []).map((o) => o.code)]);
    assert.ok(codes.includes('reply-owed'));
    assert.ok(codes.filter((c) => c === 'follow-up-due').length === 2, 'follow_up and the task');
    assert.ok(!codes.includes('post-interview-contact'));
    assert.ok(settingsWith({ postInterviewPolicy: 'aceps' }));
  });

  it('no suggestion to write to a non-mentor faculty member of an interviewed program survives, on any day after the interview', async () => {
    const vault = await vaultOf(files());
    const settings = settingsWith({ season: { matchDay: '2027-03-19' } });
    for (const day of ['2026-11-21', '2026-12-15', '2027-01-31', '2027-03-19', '2027-04-01']) {
      for (const path of ['contacts/faculty.md', 'contacts/pd.md']) {
        const bad = (evaluateVault(vault, day, settings).get(path) ?? []).filter((f) => f.code !== 'post-interview-contact' && !(f.code === 'follow-up-due' && f.key.startsWith('task:')));
        assert.deepStrictEqual(bad.map((f) => f.code), [], `${path} on ${day}`);
      }
    }
  });
});

describe('season rules: eras-update and the Match', () => {
  const vaultFiles = (withApplication: boolean) => ({
    'programs/bayside.md': PROGRAM(withApplication ? ['application: { applied: 2026-09-03, system: ERAS, signal: true }'] : []),
    'programs/ridge.md': note(['type: program', 'name: Ridge', 'institution: Ridge Hospital']),
    'rotations/ridge.md': note(['type: rotation', 'name: Ridge Away', 'program: "[[Ridge]]"', 'start: 2026-07-01', 'end: 2026-07-28', 'contacts: ["[[Rotated Ridge]]"]']),
    'contacts/rotated.md': note(['name: Rotated Ridge', 'role: faculty', 'program: "[[Ridge]]"'], ['2026-07-28 thanked — Thanks']),
    'contacts/applied.md': note(['name: Applied Bay', 'role: faculty', 'institution: Bayside Medical Center'], ['2026-05-01 meeting — Clinic']),
    'contacts/sponsor.md': note(['name: Spon Sor', 'role: chair', 'sponsor: true', 'institution: Elsewhere'], ['2026-08-01 call — Catch-up']),
  });

  it('eras-update: before any application, faculty where you rotated; once one is recorded, the applied programs\' faculty (from the application date)', async () => {
    const before = await vaultOf(vaultFiles(false));
    assert.ok(summary(before, 'contacts/rotated.md', '2026-09-10').includes('eras-update:info'));
    assert.deepStrictEqual(summary(before, 'contacts/applied.md', '2026-09-10'), []);
    const after = await vaultOf(vaultFiles(true));
    assert.deepStrictEqual(summary(after, 'contacts/rotated.md', '2026-09-10'), []);
    assert.deepStrictEqual(timeline(after, 'contacts/applied.md', 'eras-update', ['2026-09-02', '2026-09-03']), ['2026-09-02 -', '2026-09-03 info']);
    assert.match(on(after, 'contacts/applied.md', '2026-09-10')[0].message, /You applied to Bayside Plastic Surgery \(2026-09-03\)/);
    for (const v of [before, after]) assert.ok(summary(v, 'contacts/sponsor.md', '2026-09-10').includes('eras-update:info'), 'sponsors either way');
  });

  it('match-news: from the Match date, mentors, sponsors and letter writers not written to since; the outcome picks the template', async () => {
    const files = {
      'profile.md': note(['type: profile', 'name: Me', 'match:', '  date: 2027-03-19', '  program: "[[Bayside Plastic Surgery]]"']),
      'contacts/mentor.md': note(['name: Men', 'mentor: faculty', 'role: faculty']),
      'contacts/sponsor.md': note(['name: Spon', 'sponsor: true', 'role: chair']),
      'contacts/writer.md': note(['name: Wri', 'role: faculty', 'letter:', '  agreed: 2026-06-01', '  uploaded: 2026-09-01', '  thanked: 2026-09-02']),
      'contacts/declined.md': note(['name: Dec', 'role: faculty', 'letter:', '  asked: 2026-06-01', '  declined: 2026-06-02']),
      'contacts/told.md': note(['name: Told', 'mentor: faculty'], ['2027-03-19 emailed — Matched!']),
      'contacts/plain.md': note(['name: Plain', 'role: faculty']),
    };
    const vault = await vaultOf(files);
    for (const p of ['mentor', 'sponsor', 'writer']) {
      assert.deepStrictEqual(timeline(vault, `contacts/${p}.md`, 'match-news', ['2027-03-18', '2027-03-19', '2027-03-20']), ['2027-03-18 -', '2027-03-19 info', '2027-03-20 info'], p);
    }
    assert.strictEqual(on(vault, 'contacts/mentor.md', '2027-03-19')[0].template, 'match-news-matched');
    for (const p of ['declined', 'told', 'plain']) assert.deepStrictEqual(summary(vault, `contacts/${p}.md`, '2027-03-20'), [], p);
    const unmatched = await vaultOf({ ...files, 'profile.md': note(['type: profile', 'name: Me', 'match: { date: 2027-03-19, unmatched: true }']) });
    assert.strictEqual(on(unmatched, 'contacts/mentor.md', '2027-03-19')[0].template, 'match-news-unmatched');
    // With no profile record, the season's matchDay setting dates it (outcome unknown: no template).
    const bySetting = await vaultOf({ 'contacts/mentor.md': files['contacts/mentor.md'] });
    const f = on(bySetting, 'contacts/mentor.md', '2027-03-19', settingsWith({ season: { matchDay: '2027-03-19' } }));
    assert.deepStrictEqual(f.map((x) => `${x.code}:${x.template ?? '-'}`), ['match-news:-']);
    assert.deepStrictEqual(summary(bySetting, 'contacts/mentor.md', '2027-03-19'), []);
  });

  it('after the Match the season\'s reminders close: shown the day before, gone on the day, not listed as coming', async () => {
    const vault = await vaultOf({
      'profile.md': note(['type: profile', 'name: Me', 'match: { date: 2027-03-19 }']),
      'programs/bayside.md': PROGRAM(['interview:', '  invited: 2027-03-01']),
      'contacts/writer.md': note(['name: Wri', 'role: faculty', 'letter:', '  asked: 2027-03-01']),
      'contacts/late.md': note(['name: Late', 'role: faculty', 'letter:', '  asked: 2027-03-15']),
    });
    assert.deepStrictEqual(timeline(vault, 'programs/bayside.md', 'interview-respond', ['2027-03-18', '2027-03-19']), ['2027-03-18 error', '2027-03-19 -']);
    assert.deepStrictEqual(timeline(vault, 'contacts/writer.md', 'letter-no-answer', ['2027-03-18', '2027-03-19']), ['2027-03-18 warning', '2027-03-19 -']);
    // Due to show only after the Match: never listed.
    assert.deepStrictEqual(scheduleNote(vault, vault.get('contacts/late.md')!, '2027-03-16', DEFAULT_SETTINGS).map((s) => s.code), []);
  });

  it('season settings: dates validated, unknown keys and bad policies reported', () => {
    const s = settingsWith({ season: { reviewsOpen: '2026-09-23', matchDay: null } });
    assert.strictEqual(s.season.reviewsOpen, '2026-09-23');
    assert.strictEqual(DEFAULT_SETTINGS.season.reviewsOpen, null, 'unsourced: unset by default');
    assert.strictEqual(DEFAULT_SETTINGS.postInterviewPolicy, 'aceps');
    assert.throws(() => settingsWith({ season: { reviewsOpen: '2026-02-30' } }), /season\.reviewsOpen/);
    assert.throws(() => settingsWith({ season: { reviewDay: '2026-09-23' } }), /Unknown setting 'season\.reviewDay'/);
    assert.throws(() => settingsWith({ season: '2026-09-23' }), /'season' should be an object/);
    assert.throws(() => settingsWith({ postInterviewPolicy: 'strict' }), /postInterviewPolicy/);
  });
});
