import * as assert from 'assert';
import { promiseTask, splitTopics, meetingSummary, MAX_TOPICS } from '../../src/core/capture';
import { newContactNote } from '../../src/core/newContact';
import { parseNote } from '../../src/core/parseNote';
import { parsePastDate, MAX_DAYS_AGO } from '../../src/core/pastDate';
import type { ContactNote } from '../../src/core/types';

function contact(text: string): ContactNote {
  const note = parseNote('contacts/new.md', text);
  assert.strictEqual(note.kind, 'contact', text);
  assert.deepStrictEqual(note.problems, [], text);
  return note;
}

describe('capture at an event: the guide\'s "name, institution, position, key topics, any promised follow-up"', () => {
  const jotted = {
    name: 'Dr. Jane Smith', role: 'faculty', institution: 'Lakeshore University', position: 'Associate Professor, Hand Surgery',
    metAt: 'ASPS 2026', linkMetAt: true, met: '2026-10-10', topics: 'microsurgery outcomes; away rotations, Microsurgery outcomes',
    promise: 'send her my abstract', promiseDue: '2026-10-15',
  };

  it('writes every answer where the parser reads it: position, interests, the met log line and a dated task', () => {
    const note = contact(newContactNote(jotted).text);
    assert.strictEqual(note.position, 'Associate Professor, Hand Surgery');
    assert.strictEqual(note.institution, 'Lakeshore University');
    assert.deepStrictEqual(note.interests, ['microsurgery outcomes', 'away rotations']);
    assert.strictEqual(note.met, '2026-10-10');
    assert.strictEqual(note.metAt, 'ASPS 2026');
    assert.deepStrictEqual(note.interactions.map((i) => [i.date, i.kind, i.text]),
      [['2026-10-10', 'met', 'at [[ASPS 2026]]; talked about microsurgery outcomes, away rotations']]);
    assert.deepStrictEqual(note.tasks.map((t) => [t.text, t.due, t.done]), [['send her my abstract', '2026-10-15', false]]);
  });

  it('leaves out what was skipped: no position line, no interests, no task; no log line when asked not to', () => {
    const text = newContactNote({ name: 'A B', metAt: 'Grand rounds', met: '2026-10-10', logMeeting: false }).text;
    const note = contact(text);
    assert.ok(!/^position:/m.test(text) && !/^interests:/m.test(text) && !text.includes('- [ ]'), text);
    assert.deepStrictEqual(note.interactions, []);
    assert.strictEqual(note.met, '2026-10-10', 'the date met is still recorded');
  });

  it('a promise without a date is an open task without a due date', () => {
    const note = contact(newContactNote({ name: 'A B', promise: 'intro her to my PI' }).text);
    assert.deepStrictEqual(note.tasks.map((t) => [t.text, t.due]), [['intro her to my PI', null]]);
  });

  it('a 📅 or [due:: typed into the promise cannot change its due date', () => {
    for (const promise of ['send CV 📅 2020-01-01', 'send CV [due:: 2020-01-01]']) {
      const note = contact(newContactNote({ name: 'A', promise, promiseDue: '2026-12-01' }).text);
      assert.strictEqual(note.tasks.length, 1);
      assert.strictEqual(note.tasks[0].due, '2026-12-01', promise);
    }
  });

  it('topics and promises with markdown, links and line breaks stay text on one line', () => {
    const text = newContactNote({ name: 'A', met: '2026-10-10', topics: '[[Evil]] *bold*\n## heading', promise: '<b>x</b>\n- [ ] second task' }).text;
    const note = contact(text);
    assert.deepStrictEqual(note.links, []);
    assert.strictEqual(note.tasks.length, 1, text);
    assert.strictEqual(note.interactions.length, 1);
    assert.deepStrictEqual(note.interests, ['[[Evil]] *bold* ## heading']);
  });

  it('splits topics at commas and semicolons, without repeats, bounded', () => {
    assert.deepStrictEqual(splitTopics(' a ;b,, A ,c '), ['a', 'b', 'c']);
    assert.deepStrictEqual(splitTopics(['x, y', 'z']), ['x', 'y', 'z']);
    assert.strictEqual(splitTopics(Array.from({ length: 50 }, (_, i) => `t${i}`).join(',')).length, MAX_TOPICS);
    assert.deepStrictEqual(splitTopics(null), []);
    assert.strictEqual(meetingSummary(null, false, []), '');
    assert.strictEqual(promiseTask('x', null), '- [ ] x');
  });

  it('adds the captured fields to a vault template that has no place for them, with the proven edits', () => {
    const template = '---\ntype: contact\nname: "{{name}}"\nrole: "{{role}}"\n---\n\n# {{name}}\n\nMet at {{met_at}}.\n';
    const result = newContactNote(jotted, template);
    assert.strictEqual(result.fromTemplate, true, result.problems.join('\n'));
    const note = contact(result.text);
    assert.strictEqual(note.position, 'Associate Professor, Hand Surgery');
    assert.deepStrictEqual(note.interests, ['microsurgery outcomes', 'away rotations']);
    assert.deepStrictEqual(note.interactions.map((i) => i.kind), ['met']);
    assert.deepStrictEqual(note.tasks.map((t) => t.due), ['2026-10-15']);
    assert.ok(result.text.includes('Met at ASPS 2026.'), result.text);
  });

  it('fills {{position}} and {{topics}} in a vault template, and does not log the meeting twice', () => {
    const template = '---\ntype: contact\nname: "{{name}}"\nposition: "{{position}}"\ninterests: "{{topics}}"\n---\n\n## Log\n\n- {{met}} met: at the meeting\n';
    const result = newContactNote(jotted, template);
    const note = contact(result.text);
    assert.strictEqual(note.position, 'Associate Professor, Hand Surgery');
    assert.deepStrictEqual(note.interests, ['microsurgery outcomes', 'away rotations']);
    assert.deepStrictEqual(note.interactions.map((i) => [i.date, i.text]), [['2026-10-10', 'at the meeting']]);
  });
});

describe('a past date as the student types it', () => {
  const today = '2026-11-25';
  it('accepts YYYY-MM-DD, today, yesterday and "N days ago"', () => {
    const ok = (s: string) => {
      const r = parsePastDate(s, today);
      assert.ok(r.ok, s);
      return r.date;
    };
    assert.deepStrictEqual(['2026-11-20', 'today', '', 'Yesterday', '3 days ago', '1 day ago', '  0 days  ago '].map(ok),
      ['2026-11-20', today, today, '2026-11-24', '2026-11-22', '2026-11-24', today]);
    assert.strictEqual(ok(`${MAX_DAYS_AGO} days ago`), '2025-11-24');
    assert.strictEqual(ok('2026-03-01'), '2026-03-01');
  });

  it('refuses what names no single past day', () => {
    for (const s of ['tomorrow', 'last friday', '2026-11-26', '2026-02-30', '26-11-20', '11/20/2026', '-3 days ago', `${MAX_DAYS_AGO + 1} days ago`, '3 weeks ago', '2026-11-20T10:00']) {
      assert.strictEqual(parsePastDate(s, today).ok, false, s);
    }
  });
});
