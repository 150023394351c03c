import * as yaml from 'js-yaml';
import { readFrontmatter } from './frontmatter';
import { splitLines } from './parseNote';

/**
 * The check every frontmatter edit passes before it is offered: the edited text is read
 * again by js-yaml (the reference reader), and only the intended key may differ. An edit
 * the extent scanner got wrong is then refused instead of corrupting a neighbour.
 */
export type FrontmatterRead = { ok: true; data: Record<string, unknown> } | { ok: false };

/** The frontmatter mapping exactly as js-yaml reads it (raw keys, FAILSAFE), or not ok. */
export function readRawFrontmatter(text: string): FrontmatterRead {
  const { lines } = splitLines(text);
  const fm = readFrontmatter(lines);
  if (fm.broken) return { ok: false };
  if (fm.end === -1) return { ok: true, data: {} };
  try {
    const parsed = yaml.load(lines.slice(1, fm.end).join('\n'), { schema: yaml.FAILSAFE_SCHEMA, json: true });
    if (parsed == null) return { ok: true, data: {} };
    if (typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false };
    return { ok: true, data: parsed as Record<string, unknown> };
  } catch {
    return { ok: false };
  }
}

/** Structural equality of two values js-yaml read (strings, null, arrays, mappings). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && sameValue(ra[k], rb[k]));
}

/**
 * Null when `after` differs from `before` only at `key` (which must now read as
 * `expected`, or be gone when `expected` is undefined); else what went wrong.
 */
export function provenFieldChange(before: FrontmatterRead, after: FrontmatterRead, key: string, expected: ((value: unknown) => boolean) | undefined): string | null {
  if (!before.ok) return 'the frontmatter cannot be read';
  if (!after.ok) return 'the edit would leave frontmatter that does not read back';
  const b = before.data;
  const a = after.data;
  if (expected === undefined) {
    if (Object.hasOwn(a, key)) return `'${key}' would still be there`;
  } else if (!Object.hasOwn(a, key) || !expected(a[key])) {
    return `'${key}' would not read back as the new value`;
  }
  for (const k of Object.keys(b)) {
    if (k === key) continue;
    if (!Object.hasOwn(a, k) || !sameValue(b[k], a[k])) return `the edit would change '${k}' as well`;
  }
  for (const k of Object.keys(a)) {
    if (k !== key && !Object.hasOwn(b, k)) return `the edit would add '${k}' as well`;
  }
  return null;
}

/** Lines with their terminators (BOM excluded), so a comparison sees line endings too. */
function rawLines(text: string): string[] {
  const out: string[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/**
 * True when every line before `first` and after `last` (0-based, in `before`) is
 * byte-identical in `after`, terminators included: a lone CR left before an LF would
 * otherwise merge two lines into one.
 */
export function outsideLinesKept(before: string, after: string, first: number, last: number): boolean {
  if ((before.charCodeAt(0) === 0xfeff) !== (after.charCodeAt(0) === 0xfeff)) return false;
  const a = rawLines(before);
  const b = rawLines(after);
  for (let i = 0; i < first && i < a.length; i++) if (a[i] !== b[i]) return false;
  const tail = a.length - (last + 1);
  if (tail <= 0) return true;
  if (b.length < tail) return false;
  for (let i = 1; i <= tail; i++) if (a[a.length - i] !== b[b.length - i]) return false;
  return true;
}
