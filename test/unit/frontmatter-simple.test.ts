import * as assert from 'assert';
import * as fs from 'fs';
import * as yaml from 'js-yaml';
import * as path from 'path';
import { readFrontmatter, readSimpleYaml } from '../../src/core/frontmatter';
import { parseNote, splitLines } from '../../src/core/parseNote';
import type { ContactNote } from '../../src/core/types';
import { syntheticNote } from '../../scripts/bench/generate';
import blockFixture from '../fixtures/frontmatter-blocks.json';

/*
 * The simple frontmatter reader must give exactly what js-yaml gives (FAILSAFE schema,
 * `json: true`, as readFrontmatter calls it) whenever it accepts a block, and decline
 * (return null) whenever js-yaml would fail or see anything it does not handle.
 */

const ROOT = path.resolve(__dirname, '../..');

function markdownFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...markdownFiles(full));
    else if (entry.name.endsWith('.md')) out.push(full);
  }
  return out.sort();
}

/** js-yaml's reading, or an error; `anchored` when the block declares an anchor. */
function jsYaml(source: string): { ok: true; value: unknown; anchored: boolean } | { ok: false } {
  let anchored = false;
  try {
    const value = yaml.load(source, {
      schema: yaml.FAILSAFE_SCHEMA,
      json: true,
      listener: (event, state) => {
        if (event === 'close' && (state as yaml.State & { anchor?: string | null }).anchor != null) anchored = true;
      },
    });
    return { ok: true, value, anchored };
  } catch {
    return { ok: false };
  }
}

/** Checks one block; true when the simple reader accepted it. */
function check(source: string, label: string): boolean {
  const lines = ['---', ...source.split('\n'), '---'];
  const simple = readSimpleYaml(lines, 1, lines.length - 1);
  if (simple === null) return false;
  const reference = jsYaml(source);
  assert.ok(reference.ok, `${label}: the simple reader accepted a block js-yaml rejects:\n${source}`);
  assert.ok(!reference.anchored, `${label}: the simple reader accepted an anchor:\n${source}`);
  // An empty block is `{}` here and null/undefined for js-yaml; readFrontmatter treats both as no fields.
  const expected = reference.value ?? {};
  assert.deepStrictEqual(simple, expected, `${label}:\n${source}`);
  assert.deepStrictEqual(Object.keys(simple), Object.keys(expected), `${label}: key order\n${source}`);
  return true;
}

function blockOf(text: string): string | null {
  const { lines } = splitLines(text);
  const fm = readFrontmatter(lines);
  return fm.end > 0 ? lines.slice(1, fm.end).join('\n') : null;
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = [
  'name', 'Name', 'met_at', 'prm-last-contacted', 'first name', '2024', 'a_b', 'NAME', 'x-y z', 'tags', 'interests',
  '__proto__', 'constructor', 'key ', 'a  b', '"quoted"', "'single'", '? k', '-k', 'k.k', 'ключ', 'e-mail', '_x', 'a-',
];
const VALUES = [
  '', 'plain', 'Jane Smith', 'Dr.', '2026-10-12', '01234', '~', 'null', 'true', '"[[ASPS 2026]]"', '[[ASPS 2026]]',
  '[a, b]', '[]', '[ ]', '[a,b]', '[a, ]', '[a,,b]', '[ a , b ]', '[a  b, c]', '"a \\" b"', '"a # b"', 'a # b', 'a#b',
  'a: b', 'a:b', 'a:', '&x a', '*x', '!tag a', '!!str a', '|', '>', '{a: b}', "'it''s'", "'x'", '"x" y', '- a', '? a',
  ': a', '@a', '`a`', '%a', 'R&D', 'a, b', 'a [b]', 'a {b}', 'Zürich', 'naïve', '— dash', '📅 2026', 'a\tb', 'é',
  '\u00a0a', 'a\u0085b', '"a\u0007"', 'x  ', 'a\'b', 'a"b', '"', "'", '""', "''", '[a, [b]]', '[a: b]', '[a, "b"]',
  '[-a]', '[a-b]', '[?a]', '[a #b]', '[a#b]', '[a,b', 'a]', '"a\\nb"', '" spaced "', "' spaced '", '-1', '-', '?', ':',
  'a - b', 'a -b', 'http://x.org/a?b=c#d', 'a\u2028b', 'a\ufeffb', '\ufffe', 'x: y: z', '[O\'Brien, a]', '[`a`]',
  '["[[A]]", "[[B]]"]', "['a', b]", '["a", ]', '["a" b]', '["a":b]', '["a\\"b"]', '["a,b", c]', "['a''b']",
  '[ "a" , "b" ]', '["a"]', '[""]', "['']", '["]', '[a, "b]', '["a #b", c]', '["a: b"]',
];
const FOLLOWERS = [
  '', '   ', '# comment', '  # indented comment', '- item', '  - item', '    - item', '  -  spaced item', '  - "quoted"',
  "  - 'single'", '  - [a]', '  - a: b', '  -', '  - ', '  continuation', 'bare words', '  key: nested', '- ', '-x',
  '\t- tab', '  - a # c', '  - a#c', ' - one space', '  - &a x', '  - *a', '  - |', '...x', '%YAML 1.2',
];

function generated(count: number, seed: number): string[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const lines: string[] = [];
    const entries = 1 + Math.floor(next() * 6);
    for (let e = 0; e < entries; e++) {
      const key = next() < 0.7 ? pick(KEYS.slice(0, 11)) : pick(KEYS);
      const value = next() < 0.6 ? pick(VALUES.slice(0, 20)) : pick(VALUES);
      lines.push(value === '' ? `${key}:` : `${key}: ${value}`);
      const followers = next() < 0.5 ? 0 : Math.floor(next() * 4);
      for (let f = 0; f < followers; f++) {
        const line = pick(FOLLOWERS);
        lines.push(line.includes('item') && next() < 0.5 ? line.replace('item', pick(VALUES.slice(1))) : line);
      }
    }
    out.push(lines.join('\n'));
  }
  return out;
}

describe('simple frontmatter reader', () => {
  it('agrees with js-yaml on every sample-vault note, template and doc page', () => {
    const files = [...markdownFiles(path.join(ROOT, 'examples')), ...markdownFiles(path.join(ROOT, 'templates')),
      ...markdownFiles(path.join(ROOT, 'media')), ...markdownFiles(path.join(ROOT, 'test'))];
    let accepted = 0;
    let blocks = 0;
    for (const file of files) {
      const block = blockOf(fs.readFileSync(file, 'utf8'));
      if (block === null) continue;
      blocks++;
      if (check(block, path.relative(ROOT, file))) accepted++;
    }
    assert.ok(blocks >= 40, `only ${blocks} blocks found`);
    // The sample vault is what notes look like: the fast path must take most of it.
    assert.ok(accepted / blocks > 0.6, `the simple reader took only ${accepted} of ${blocks} blocks`);
  });

  it('agrees with js-yaml on every block the unit tests use', () => {
    let accepted = 0;
    for (const [i, block] of blockFixture.blocks.entries()) if (check(block, `fixture block ${i}`)) accepted++;
    assert.ok(accepted > blockFixture.blocks.length / 2, `the simple reader took only ${accepted} of ${blockFixture.blocks.length}`);
  });

  it('agrees with js-yaml on the bench notes', () => {
    for (let i = 0; i < 200; i++) assert.ok(check(blockOf(syntheticNote(i))!, `bench note ${i}`), `bench note ${i} declined`);
  });

  it('agrees with js-yaml on generated variations, and declines what it must', () => {
    const blocks = generated(3000, 20261125);
    let accepted = 0;
    for (const [i, block] of blocks.entries()) if (check(block, `variation ${i}`)) accepted++;
    // Both ways must be exercised: many accepted, many declined.
    assert.ok(accepted > 300 && accepted < 2700, `accepted ${accepted} of ${blocks.length}`);
  });

  it('reads each supported shape to the exact js-yaml value', () => {
    const source = [
      'name: Jane Smith ', 'title: "Dr."', "quote: 'it is'", 'empty:', 'tags: [a, b c,  d ]', 'none: []',
      'list:', '  - one', '  -   two', '# a comment', '  - "three"', 'flat:', '- x', '- y', 'zip: 01234', 'url: http://a.org/b#c',
      'Mixed-Case key: v', 'Name: again',
    ].join('\n');
    const lines = ['---', ...source.split('\n'), '---'];
    const simple = readSimpleYaml(lines, 1, lines.length - 1);
    assert.deepStrictEqual(simple, {
      name: 'Jane Smith', title: 'Dr.', quote: 'it is', empty: null, tags: ['a', 'b c', 'd'], none: [],
      list: ['one', 'two', 'three'], flat: ['x', 'y'], zip: '01234', url: 'http://a.org/b#c', 'Mixed-Case key': 'v', Name: 'again',
    });
    check(source, 'shapes');
  });

  it('declines what js-yaml must judge: anchors, aliases, nesting, escapes, comments after values', () => {
    for (const source of ['a: &x 1', 'a: *x', 'a: !!str 1', 'a: |\n  x', 'a: {b: c}', 'a: "\\n"', 'a: b # c', 'a:\n  b: c',
      'a: b\n  c', 'a:\n  - b\n    c', '__proto__: x', 'a: [b, [c]]', 'a:\tb', '"a": b', 'a : b']) {
      const lines = ['---', ...source.split('\n'), '---'];
      assert.strictEqual(readSimpleYaml(lines, 1, lines.length - 1), null, source);
    }
  });
});

describe('names of Object.prototype in a note', () => {
  it('are plain keys: not duplicates, never the prototype', () => {
    const note = parseNote('contacts/a.md', '---\nname: A\nconstructor: x\ntoString: y\n__proto__:\n  name: Evil\n---\n');
    assert.deepStrictEqual(note.problems.map((p) => p.code), []);
    assert.strictEqual(note.name, 'A');
    assert.strictEqual(Object.getPrototypeOf(note.frontmatter), Object.prototype);
    assert.deepStrictEqual(Object.keys(note.frontmatter), ['name', 'constructor', 'tostring', '__proto__']);
    assert.deepStrictEqual(note.frontmatter.__proto__, { name: 'Evil' });
    assert.deepStrictEqual(Object.keys(note.keyLines), ['name', 'constructor', 'tostring', '__proto__']);
    assert.strictEqual(note.keyLines.__proto__, 4);
  });

  it('a mapping under __proto__ does not lend its fields to the note', () => {
    const note = parseNote('contacts/jane.md', '---\n__proto__:\n  name: Evil\n---\n');
    assert.strictEqual(note.name, 'jane');
  });

  it('are unknown values, not matches: role, status, type, log kind, folder', () => {
    const note = parseNote('contacts/a.md',
      '---\nname: A\nrole: constructor\nstatus: toString\ntype: valueOf\n---\n## Log\n- 2026-01-01 constructor: hi\n') as ContactNote;
    assert.strictEqual(note.role, null);
    assert.strictEqual(note.status, 'active');
    assert.strictEqual(note.kind, 'contact');
    assert.deepStrictEqual(note.interactions, []);
    assert.deepStrictEqual(note.problems.map((p) => p.code),
      ['unknown-role', 'unknown-status', 'unknown-type', 'unknown-interaction-kind']);
    assert.strictEqual(parseNote('constructor/x.md', '---\nname: X\n---\n').kind, 'other');
  });

  it('log texts keep quotes, backslashes, control characters and wide characters exactly', () => {
    const texts = ['said "hi" \\ there 📅', 'plain text here for sure', '\u0007bell', '', 'é—x'];
    const body = texts.map((t, i) => `- 2026-01-0${i + 1} met:${t === '' ? '' : ' '}${t}`).join('\n');
    const note = parseNote('contacts/a.md', `---\nname: A\n---\n## Log\n${body}\n`);
    assert.deepStrictEqual(note.interactions.map((i) => i.text), texts);
  });
});
