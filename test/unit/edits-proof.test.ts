import * as assert from 'assert';
import { assertLinear } from './scaling';
import * as yaml from 'js-yaml';
import { appendInteraction, applyEdits, completeTask, redactEdit, setFrontmatterField, type EditResult, type TextEdit } from '../../src/core/edits';
import { FOLLOW_UP_ALIASES, SNOOZE_ALIASES } from '../../src/core/resolutions';

/**
 * Every note edit over thousands of generated frontmatters (flow lists over several
 * lines, multi-line plain and quoted scalars, block scalars, comments on their own
 * indented lines, CRLF, CR, mixed endings, a BOM, `...` as the closing line): each edit
 * is either refused or proven by js-yaml — the result reads, the edited key has its
 * new value, every other key is unchanged and every byte outside the changed lines is
 * the same.
 */

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['name', 'status', 'follow_up', 'due', 'snooze_until', 'tags', 'notes', 'institution', 'Status', 'met_at'];

/** One top-level entry in one of many shapes, as lines. */
function entry(key: string, r: () => number): string[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const word = () => pick(['active', 'paused', 'mentor', 'x', "O'Brien", 'a b', '2026-11-02', 'status', 'follow_up']);
  switch (Math.floor(r() * 16)) {
    case 0: return [`${key}: ${word()}`];
    case 1: return [`${key}: ${word()}  # ${word()}`];
    case 2: return [`${key}: [${word()},`, `status: paused]`];
    case 3: return [`${key}: [${word()},`, `  ${word()}, "q # r"`, `]  # after`];
    case 4: return [`${key}: "first`, `status: dormant"`];
    case 5: return [`${key}: 'it''s`, `  follow_up: 2026-01-01'`];
    case 6: return [`${key}: |`, `  line one`, `  # not a comment`, ``, `  status: inside`];
    case 7: return [`${key}: >-`, `  folded`, `  text: here`];
    case 8: return [`${key}: plain`, `  continued: no`, `  # an indented comment`];
    case 9: return [`${key}:`, `  - a`, `  # between items`, `  - b`, `  # trailing comment`];
    case 10: return [`${key}:`, `- a`, `- "b: c"`];
    case 11: return [`${key}:`, `  sub: "x`, `status: y"`];
    case 12: return [`${key}: {a: 1,`, `  b: [2, 3]}`];
    case 13: return [`${key}:`];
    case 14: return [`${key}: "esc \\" # not a comment"  # a comment`];
    default: return [`"${key}": ${word()}`];
  }
}

function frontmatter(r: () => number): string {
  const lines = ['---'];
  const used = new Set<string>();
  const n = 1 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    const key = KEYS[Math.floor(r() * KEYS.length)];
    if (used.has(key.toLowerCase())) continue;
    used.add(key.toLowerCase());
    if (r() < 0.2) lines.push(r() < 0.5 ? '# own-line comment' : '   # indented comment');
    if (r() < 0.1) lines.push('');
    lines.push(...entry(key, r));
  }
  if (r() < 0.2) lines.push('  # comment before the end');
  lines.push(r() < 0.2 ? '...' : '---', '', '## Interactions', '- 2026-10-01 met: at a conference', '', '- [ ] Send slides 📅 2026-11-01', '');
  const endings = ['\n', '\r\n', '\r', 'mixed'] as const;
  const ending = endings[Math.floor(r() * endings.length)];
  let text = '';
  for (let i = 0; i < lines.length; i++) {
    const nl = ending === 'mixed' ? (['\n', '\r\n', '\r'] as const)[Math.floor(r() * 3)] : ending;
    text += lines[i] + (i < lines.length - 1 ? nl : '');
  }
  return r() < 0.2 ? '\uFEFF' + text : text;
}

/** The block between the delimiters, as js-yaml reads it, or null. */
function oracle(text: string): Record<string, unknown> | null {
  const body = text.replace(/^\uFEFF/, '');
  const lines = body.split(/\r\n|\r|\n/);
  if (lines[0] !== '---') return {};
  const close = lines.findIndex((l, i) => i > 0 && (l === '---' || l === '...'));
  if (close === -1) return null;
  try {
    const data = yaml.load(lines.slice(1, close).join('\n'), { schema: yaml.FAILSAFE_SCHEMA, json: true });
    return data == null ? {} : typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Lines with their terminators, so a byte comparison sees line endings too. */
function rawLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** Every line before the first edited line and after the last one is byte-identical. */
function assertOutsideUnchanged(before: string, after: string, edits: readonly TextEdit[], context: string): void {
  assert.strictEqual(after.startsWith('\uFEFF'), before.startsWith('\uFEFF'), `BOM kept: ${context}`);
  const a = rawLines(before);
  const b = rawLines(after);
  const first = Math.min(...edits.map((e) => e.range.start.line));
  const last = Math.max(...edits.map((e) => e.range.end.line));
  for (let i = 0; i < first; i++) assert.strictEqual(b[i], a[i], `line ${i} before the edit changed: ${context}`);
  const tailA = a.slice(last + 1);
  const tailB = b.slice(b.length - tailA.length);
  assert.deepStrictEqual(tailB, tailA, `lines after the edit changed: ${context}`);
}

function checkField(text: string, result: EditResult, keys: readonly string[], value: string | null, context: string): 'ok' | 'refused' {
  if (!result.ok) {
    assert.ok(result.reason.length > 0);
    return 'refused';
  }
  const before = oracle(text);
  assert.ok(before !== null, `an edit was offered on frontmatter js-yaml cannot read: ${context}`);
  const after = applyEdits(text, result.edits);
  const read = oracle(after);
  assert.ok(read !== null, `the result does not read: ${context}\n${JSON.stringify(after)}`);
  const changed = Object.keys({ ...before, ...read }).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(read[k]));
  assert.ok(changed.length <= 1, `more than one key changed (${changed.join(', ')}): ${context}\n${JSON.stringify(after)}`);
  const normal = (k: string) => k.toLowerCase().replace(/[\s-]+/g, '_');
  if (changed.length === 1) assert.ok(keys.map(normal).includes(normal(changed[0])), `'${changed[0]}' changed: ${context}\n${JSON.stringify(after)}`);
  const edited = Object.keys(read).filter((k) => keys.map(normal).includes(normal(k)));
  if (value === null) assert.ok(changed.length === 0 || !(changed[0] in read), `removed key still there: ${context}`);
  else assert.ok(edited.some((k) => read[k] === value), `the new value does not read back: ${context}\n${JSON.stringify(after)}`);
  if (result.edits.length > 0) assertOutsideUnchanged(text, after, result.edits, context);
  return 'ok';
}

describe('note edits are proven or refused', () => {
  it('over 3000 generated frontmatters × every edit kind', () => {
    const r = rng(13);
    const counts = { ok: 0, refused: 0 };
    for (let n = 0; n < 3000; n++) {
      const text = frontmatter(r);
      const context = JSON.stringify(text);
      const tally = (x: 'ok' | 'refused') => counts[x]++;
      tally(checkField(text, setFrontmatterField(text, 'status', 'dormant'), ['status'], 'dormant', context));
      tally(checkField(text, setFrontmatterField(text, 'snooze_until', '2026-12-01', SNOOZE_ALIASES), ['snooze_until', ...SNOOZE_ALIASES], '2026-12-01', context));
      tally(checkField(text, setFrontmatterField(text, 'follow_up', null, FOLLOW_UP_ALIASES), ['follow_up', ...FOLLOW_UP_ALIASES], null, context));
      tally(checkField(text, setFrontmatterField(text, 'notes', 'a: "b" # c\nd'), ['notes'], 'a: "b" # c\nd', context));
      const logged = appendInteraction(text, '2026-11-25', 'emailed', 'hello\u001b[2J');
      if (logged.ok) {
        const after = applyEdits(text, logged.edits);
        assert.deepStrictEqual(oracle(after), oracle(text), context);
        assertOutsideUnchanged(text, after, logged.edits, context);
        assert.ok(!after.includes('\u001b'), 'control characters do not reach the note');
        counts.ok++;
      } else counts.refused++;
      const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
      const task = lines.findIndex((l) => l.startsWith('- [ ]'));
      const ticked = completeTask(text, task);
      assert.ok(ticked.ok || oracle(text) === null, context);
      if (ticked.ok) assertOutsideUnchanged(text, applyEdits(text, ticked.edits), ticked.edits, context);
      // Redact a word inside the frontmatter: its key may change, nothing else.
      const wordLine = lines.findIndex((l, i) => i > 0 && i < 12 && /\bx\b|active|paused|mentor/.test(l));
      if (wordLine !== -1) {
        const m = /\bx\b|active|paused|mentor/.exec(lines[wordLine])!;
        const red = redactEdit(text, { start: { line: wordLine, character: m.index }, end: { line: wordLine, character: m.index + m[0].length } }, '[REDACTED]');
        if (red.ok) {
          const before = oracle(text)!;
          const read = oracle(applyEdits(text, red.edits));
          assert.ok(read !== null, `redaction breaks the frontmatter: ${context}`);
          const changed = Object.keys({ ...before, ...read }).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(read[k]));
          assert.ok(changed.length <= 1 && changed.every((k) => JSON.stringify(read[k]).includes('[REDACTED]')), `redaction changed ${changed.join(', ')}: ${context}`);
          counts.ok++;
        } else counts.refused++;
      }
    }
    // Most edits are possible: refusing everything would pass the checks above.
    assert.ok(counts.ok > counts.refused * 2, JSON.stringify(counts));
  });

  it('never rewrites a line inside a flow list that spans lines', () => {
    const text = '---\ntags: [mentor,\nstatus: paused]\n---\n';
    const r = setFrontmatterField(text, 'status', 'dormant');
    assert.ok(r.ok);
    assert.strictEqual(applyEdits(text, r.edits), '---\ntags: [mentor,\nstatus: paused]\nstatus: dormant\n---\n');
  });

  it('does not delete text of a multi-line quoted value when marking done', () => {
    const text = '---\nfollow_up: 2026-11-01\nnotes: "first line\nfollow_up: not a key"\n---\n';
    const r = setFrontmatterField(text, 'follow_up', null, FOLLOW_UP_ALIASES);
    assert.ok(r.ok);
    assert.strictEqual(applyEdits(text, r.edits), '---\nnotes: "first line\nfollow_up: not a key"\n---\n');
  });

  it('keeps an indented comment line after the value it follows', () => {
    const text = '---\nfollow_up: 2026-11-01\n  # ask about research\nstatus: active\n---\n';
    const r = setFrontmatterField(text, 'follow_up', null, FOLLOW_UP_ALIASES);
    assert.ok(r.ok);
    assert.strictEqual(applyEdits(text, r.edits), '---\n  # ask about research\nstatus: active\n---\n');
  });

  it('refuses a key written twice, and says why', () => {
    const text = '---\nstatus: active\nstatus: paused\n---\n';
    const r = setFrontmatterField(text, 'status', 'dormant');
    assert.ok(!r.ok && /more than once/.test(r.reason));
  });

  it('refuses tags and anchors it cannot place', () => {
    const r = setFrontmatterField('---\nstatus: !!str active\n---\n', 'status', 'dormant');
    assert.ok(!r.ok && /tags/.test(r.reason));
  });

  it('redacts a whole frontmatter value by quoting it rather than making it a list', () => {
    const text = '---\nmrn: 1234567\n---\n';
    const r = redactEdit(text, { start: { line: 1, character: 5 }, end: { line: 1, character: 12 } }, '[REDACTED]');
    assert.ok(r.ok);
    assert.deepStrictEqual(oracle(applyEdits(text, r.edits)), { mrn: '[REDACTED]' });
  });

  it('is linear on a crafted line (100k spaces before a value, a long unclosed run)', () => {
    const crafted: [string, (n: number) => string][] = [
      ['spaces before a value', (n) => `---\nstatus: a${' '.repeat(n)}b\n---\n`],
      ['escaped quotes', (n) => `---\nstatus: "${'\\"'.repeat(n / 2)}"\n---\n`],
      ['an unclosed flow run', (n) => `---\nnotes: ${'[a, '.repeat(n / 5)}${']'.repeat(n / 5)}\nstatus: x\n---\n`],
    ];
    for (const [label, make] of crafted) {
      assertLinear(label, (n) => {
        const text = make(n);
        const tail = ' '.repeat(n) + 'x';
        return () => {
          setFrontmatterField(text, 'status', 'dormant');
          setFrontmatterField(text, 'follow_up', null, FOLLOW_UP_ALIASES);
          appendInteraction(text, '2026-11-25', 'emailed', tail);
        };
      }, 25_000);
    }
  });
});
