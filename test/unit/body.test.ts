import * as assert from 'assert';
import { parseNote } from '../../src/core/parseNote';
import type { Note } from '../../src/core/types';

const note = (body: string): Note => parseNote('contacts/x.md', `---\nname: X\n---\n${body}`);
const codes = (n: Note) => n.problems.map((p) => [p.code, p.range.start.line]);
const log = (n: Note) => n.interactions.map((i) => [i.date, i.kind, i.line]);

describe('body: code fences a renderer would not close the note with', () => {
  it('reads entries after ```code``` used inline at the start of a line', () => {
    const n = note('## Log\n```code``` is inline\n- 2026-10-01 met: x\n- [ ] task\n');
    assert.deepStrictEqual(log(n), [['2026-10-01', 'met', 5]]);
    assert.strictEqual(n.tasks.length, 1);
  });

  it('an opening fence whose info string holds a backtick is not a fence', () => {
    const n = note('## Log\n``` a`b\n- 2026-10-01 met: x\n');
    assert.deepStrictEqual(log(n), [['2026-10-01', 'met', 5]]);
  });

  it('a closing fence with text after it does not close, and a real fence hides what it holds', () => {
    const n = note('## Log\n```\n- 2026-10-01 met: hidden\n``` not a close\n- [ ] hidden\n```\n- 2026-10-02 met: shown\n');
    assert.deepStrictEqual(log(n), [['2026-10-02', 'met', 9]]);
    assert.deepStrictEqual(n.tasks, []);
  });

  it('a fence opened inside a list item ends with the item', () => {
    const n = note('## Log\n- 2026-10-01 met: x\n  ```\n  code\n- 2026-10-02 emailed: y\n- [ ] task\n');
    assert.deepStrictEqual(log(n), [['2026-10-01', 'met', 4], ['2026-10-02', 'emailed', 7]]);
    assert.strictEqual(n.tasks.length, 1);
  });
});

describe('body: comments, quotes, callouts, numbered lists', () => {
  it('ignores tasks and log lines in <!-- --> and %% %% comments', () => {
    const n = note('## Log\n<!--\n- 2026-10-01 met: x\n- [ ] t\n-->\n%%\n- 2026-10-02 met: y\n- [ ] u\n%%\n- 2026-10-03 met: z\n');
    assert.deepStrictEqual(log(n), [['2026-10-03', 'met', 12]]);
    assert.deepStrictEqual(n.tasks, []);
  });

  it('reads tasks in blockquotes, callouts and numbered lists', () => {
    const n = note('> - [ ] quoted\n\n> [!todo]\n> - [ ] in a callout\n\n1. [ ] numbered\n2) [ ] paren\n');
    assert.deepStrictEqual(n.tasks.map((t) => [t.text, t.line]), [['quoted', 3], ['in a callout', 6], ['numbered', 8], ['paren', 9]]);
  });

  it('reads numbered log entries', () => {
    assert.deepStrictEqual(log(note('## Log\n1. 2026-10-01 met: x\n2. 2026-10-02 called\n')), [['2026-10-01', 'met', 4], ['2026-10-02', 'call', 5]]);
  });
});

describe('body: task statuses (Obsidian Tasks)', () => {
  it('[ ] and [/] are open, [x]/[X] done, [-] cancelled, any other character open', () => {
    const n = note('- [ ] a 📅 2026-11-01\n- [/] b 📅 2026-11-02\n- [x] c\n- [X] d\n- [-] e\n- [?] f\n');
    assert.deepStrictEqual(n.tasks.map((t) => [t.text, t.done, t.status]), [
      ['a', false, ' '], ['b', false, '/'], ['c', true, 'x'], ['d', true, 'X'], ['e', true, '-'], ['f', false, '?'],
    ]);
    assert.strictEqual(n.tasks[1].due, '2026-11-02');
  });
});

describe('body: merge conflicts', () => {
  it('a setext heading underline is not a merge conflict', () => {
    assert.deepStrictEqual(codes(note('Title\n=======\n\ntext\n')), []);
  });

  it('reports a real <<<<<<< / ======= / >>>>>>> triple once, outside code', () => {
    assert.deepStrictEqual(codes(note('<<<<<<< HEAD\na\n=======\nb\n>>>>>>> main\n')), [['merge-conflict', 3]]);
    assert.deepStrictEqual(codes(note('```\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> main\n```\n')), []);
  });
});

describe('body: log lines', () => {
  it('reads [[YYYY-MM-DD]] and **YYYY-MM-DD** dates, and a [[date]] is a link only to a note that exists', () => {
    const n = note('## Interactions\n- [[2026-11-10]] emailed: hi\n- **2026-11-12** replied: yes\n');
    assert.deepStrictEqual(log(n), [['2026-11-10', 'emailed', 4], ['2026-11-12', 'replied', 5]]);
    assert.strictEqual(n.interactions[0].text, 'hi');
  });

  it('a line it cannot read is a problem saying what it expected, with the date it meant when unambiguous', () => {
    const n = note('## Interactions\n- Oct 12, 2026 called: x\n- 11/05/2026 met: y\n- 13/05/2026 met: z\n\nSome prose here.\n');
    const [a, b, c, d] = n.problems;
    assert.deepStrictEqual(n.problems.map((p) => [p.code, p.range.start.line]), [
      ['unreadable-log-line', 4], ['unreadable-log-line', 5], ['unreadable-log-line', 6], ['unreadable-log-line', 8]]);
    assert.match(a.message, /expected a log entry as `- YYYY-MM-DD kind: note`\. Did you mean 2026-10-12\?/);
    assert.deepStrictEqual(a.replacement, { range: { start: { line: 4, character: 2 }, end: { line: 4, character: 14 } }, text: '2026-10-12' });
    assert.strictEqual(b.replacement, undefined, 'never a guess between month and day orders');
    assert.match(b.message, /could be November 5 or May 11/);
    assert.strictEqual(c.replacement?.text, '2026-05-13');
    assert.strictEqual(d.replacement, undefined);
  });

  it('nested items under an entry are its details, not problems', () => {
    const n = note('## Log\n- 2026-10-01 met: x\n  - talked about research\n');
    assert.deepStrictEqual(codes(n), []);
  });
});

describe('body: links', () => {
  it('nothing inside inline code is a link; headings, blocks and aliases are stripped', () => {
    const n = note('See `[[Not A Link]]` and [[A#Heading]], [[B^block]], [[C|Label]].\n');
    assert.deepStrictEqual(n.links.map((l) => [l.target, l.alt ?? null]), [['A', null], ['B', null], ['C', 'Label']]);
  });
});

describe('body: bounded output', () => {
  it('keeps at most 100 problems per note, then one "and N more"', () => {
    const n = note(`## Interactions\n${'- 2026-02-31 met: x\n'.repeat(5000)}`);
    assert.strictEqual(n.problems.length, 101);
    assert.match(n.problems[100].message, /and 4900 more problems/);
  });
});

describe('frontmatter and vault fixes of issue 12', () => {
  it('an invalid frontmatter date names the key as written and offers the date it meant', () => {
    const n = parseNote('contacts/x.md', '---\nname: X\nFollow up: Oct 12, 2026\n---\n');
    const p = n.problems.find((q) => q.code === 'invalid-date')!;
    assert.match(p.message, /in 'Follow up'.*Did you mean 2026-10-12\?/);
    assert.deepStrictEqual(p.replacement, { range: { start: { line: 2, character: 11 }, end: { line: 2, character: 23 } }, text: '2026-10-12' });
  });

  it('accepts frontmatter js-yaml reads with tabs (blank line, block scalar, quoted continuation); a tab indent is refused on its line', () => {
    for (const fm of ['name: A\n\t\nfollow_up: 2026-10-01', 'note: |\n  a\n  \tb\nfollow_up: 2026-10-01', 'q: "a\n\tb"\nfollow_up: 2026-10-01']) {
      const n = parseNote('contacts/x.md', `---\n${fm}\n---\n`);
      assert.deepStrictEqual(n.problems, [], fm);
      assert.strictEqual(n.kind === 'contact' && n.followUp, '2026-10-01', fm);
    }
    const bad = parseNote('contacts/x.md', '---\nname: A\n\tbad: x\n---\n');
    assert.deepStrictEqual(bad.problems.map((p) => [p.code, p.range.start.line]), [['frontmatter-tab', 2]]);
  });

  it('a note whose kind cannot be told gets one problem saying how to make it count', () => {
    for (const path of ['jane.md', 'mentors/jane.md']) {
      const n = parseNote(path, '---\nname: Jane\n---\n');
      assert.deepStrictEqual(n.problems.map((p) => p.code), ['unknown-note-kind'], path);
      assert.match(n.problems[0].message, /type: contact.*contacts\//);
    }
    assert.deepStrictEqual(parseNote('jane.md', '---\ntype: contact\n---\n').problems, []);
  });
});
