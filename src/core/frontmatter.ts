import * as yaml from 'js-yaml';
import { ProblemCode, lineRange, problem, wholeLine } from './problems';
import type { Problem } from './types';

export interface Frontmatter {
  /** Every scalar is a string (FAILSAFE schema): `zip: 01234` stays `01234`, dates stay as written. */
  data: Record<string, unknown>;
  /** Top-level keys, normalised (lower case, `-` and spaces as `_`), to their 0-based line. */
  keyLines: Record<string, number>;
  /** 0-based line of the closing delimiter; -1 when there is no frontmatter block. */
  end: number;
  /** First line of the body. */
  bodyStart: number;
  /** The block exists but could not be read: its data is empty and edits must be refused. */
  broken: boolean;
  problems: Problem[];
}

const OPEN = /^---[ \t]*$/;
const OPEN_WITH_LANGUAGE = /^---[ \t]*([A-Za-z][\w-]*)[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
/** A frontmatter block longer than this is not a note's metadata; it is reported, not parsed. */
const MAX_FRONTMATTER_LINES = 5000;

export function normalizeKey(key: string): string {
  // Most keys are normalised already (lower case, digits, `_`): skip three string operations.
  return NORMALISED_KEY.test(key) ? key : key.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

const NORMALISED_KEY = /^[a-z0-9_]*$/;

const EMPTY = (): Frontmatter => ({ data: {}, keyLines: {}, end: -1, bodyStart: 0, broken: false, problems: [] });

/**
 * Reads the YAML block at the top of a note. It never evaluates anything: languages
 * other than YAML (`---js`, `---coffee`) are reported, anchors and aliases are refused
 * (an alias bomb is cheap to parse but explodes whoever walks the result), and all
 * scalars are kept as strings for the typed layer to interpret.
 */
export function readFrontmatter(lines: readonly string[]): Frontmatter {
  const result = EMPTY();
  if (lines.length === 0) return result;
  const first = lines[0];
  let language = 'yaml';
  if (!OPEN.test(first)) {
    const lang = OPEN_WITH_LANGUAGE.exec(first);
    if (!lang) return result;
    language = lang[1].toLowerCase();
  }

  let close = -1;
  const limit = Math.min(lines.length, MAX_FRONTMATTER_LINES + 1);
  for (let i = 1; i < limit; i++) {
    const c = lines[i].charCodeAt(0);
    // 45 '-', 46 '.': only those can start a closing delimiter.
    if ((c === 45 || c === 46) && CLOSE.test(lines[i])) {
      close = i;
      break;
    }
  }
  if (close === -1) {
    result.broken = true;
    result.problems.push(problem(ProblemCode.frontmatterUnclosed, 'error',
      lines.length > MAX_FRONTMATTER_LINES
        ? `Frontmatter is not closed within ${MAX_FRONTMATTER_LINES} lines: add a line '---' after the last field.`
        : "Frontmatter is not closed: add a line '---' after the last field.",
      wholeLine(lines, 0)));
    return result;
  }
  result.end = close;
  result.bodyStart = close + 1;

  if (language !== 'yaml' && language !== 'yml') {
    result.broken = true;
    result.problems.push(problem(ProblemCode.frontmatterLanguage, 'error',
      `Frontmatter language '${language}' is not supported; Rapport reads YAML only and never runs code from a note. Change the first line to '---'.`,
      wholeLine(lines, 0)));
    return result;
  }

  scanKeys(lines, close, result);
  // Tabs are left to js-yaml, which accepts them where YAML does (a whitespace-only line,
  // inside a block scalar or a quoted continuation); where it fails on a tab-indented
  // line, the problem says so on that line.

  const simple = readSimpleYaml(lines, 1, close);
  if (simple !== null) {
    result.data = normalizedKeys(simple);
    return result;
  }

  const source = lines.slice(1, close).join('\n');
  let anchorLine = -1;
  let parsed: unknown;
  try {
    parsed = yaml.load(source, {
      schema: yaml.FAILSAFE_SCHEMA,
      // json: duplicate keys keep the last value instead of throwing; scanKeys reports them.
      json: true,
      // Without an '&' there can be no anchor: skip the per-node callback on the hot path.
      listener: source.includes('&') ? (event, state) => {
        // An anchor is the only way to make an alias; refusing anchors refuses aliases.
        const anchor = (state as yaml.State & { anchor?: string | null }).anchor;
        if (event === 'close' && anchor != null && anchorLine === -1) anchorLine = state.line;
      } : undefined,
    });
  } catch (e) {
    result.broken = true;
    if (e instanceof yaml.YAMLException) {
      const line = 1 + Math.min(Math.max(e.mark?.line ?? 0, 0), close - 2);
      const col = Math.max(e.mark?.column ?? 0, 0);
      const reason = e.reason ?? e.message;
      const isAlias = /unidentified alias/.test(reason);
      const tabLine = firstTabIndented(lines, 1, close, line);
      if (tabLine !== -1) {
        result.problems.push(problem(ProblemCode.frontmatterTab, 'error',
          'Tab used for indentation in frontmatter; YAML allows spaces only.', lineRange(tabLine, 0, lines[tabLine].length - lines[tabLine].trimStart().length)));
        return result;
      }
      result.problems.push(problem(isAlias ? ProblemCode.frontmatterAlias : ProblemCode.frontmatterInvalid, 'error',
        isAlias ? 'YAML aliases are not allowed in frontmatter.' : `Invalid YAML in frontmatter: ${reason} (line ${line + 1}, column ${col + 1}).`,
        lineRange(line, Math.min(col, (lines[line] ?? '').length), (lines[line] ?? '').length)));
    } else {
      result.problems.push(problem(ProblemCode.frontmatterInvalid, 'error', `Frontmatter could not be read: ${String(e)}`, wholeLine(lines, 0)));
    }
    return result;
  }
  if (anchorLine !== -1) {
    result.broken = true;
    const line = 1 + Math.min(anchorLine, close - 2);
    result.problems.push(problem(ProblemCode.frontmatterAlias, 'error',
      'YAML anchors and aliases (&name, *name) are not allowed in frontmatter; write the value out.', wholeLine(lines, line)));
    return result;
  }
  if (parsed == null) return result;
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    result.broken = true;
    result.problems.push(problem(ProblemCode.frontmatterNotMapping, 'error',
      'Frontmatter must be a set of `key: value` fields, not a single value or a list.', wholeLine(lines, 1)));
    return result;
  }
  result.data = normalizedKeys(detachAll(parsed) as Record<string, unknown>);
  return result;
}

/**
 * The keys notes usually have. A key cut from a line is a new string; used as a property
 * name, V8 must look it up among its interned names on every access, on a slow path
 * (a third of the frontmatter's cost). The same name from this table is the interned
 * string itself, so the lookups that follow are fast.
 */
const SHARED_KEYS: ReadonlyMap<string, string> = new Map([
  'name', 'full_name', 'title_name', 'type', 'title', 'honorific', 'role', 'mentor', 'mentor_type', 'mentor_kind', 'sponsor',
  'institution', 'organization', 'organisation', 'company', 'hospital', 'program', 'position', 'job_title', 'email', 'e_mail',
  'phone', 'tel', 'telephone', 'interests', 'interest', 'met', 'met_on', 'first_met', 'met_at', 'met_where', 'event',
  'follow_up', 'next_follow_up', 'followup', 'due', 'last_contact', 'last_contacted', 'prm_last_contacted', 'cadence',
  'keep_in_touch', 'frequency', 'status', 'snooze_until', 'snoozed_until', 'snooze', 'tags', 'aliases', 'start', 'date',
  'start_date', 'end', 'end_date', 'location', 'where', 'city', 'goals', 'shortlist', 'people_to_meet', 'kind',
  'rotation_kind', 'contacts', 'people', 'team', 'program_director', 'pd', 'coordinator', 'website', 'url', 'school',
  'medical_school', 'year', 'class_year', 'level', 'id', 'description', 'subject', 'fits', 'audience', 'department',
  'linkedin', 'source', 'imported', 'role_guessed', 'summary', 'notes', 'address', 'created', 'updated',
].map((key) => [key, key]));

function sharedKey(key: string): string {
  return SHARED_KEYS.get(key) ?? key;
}

/** `/^[ ]*\t/`: a tab in the indentation, without a regex on every line. */
function tabIndented(line: string): boolean {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return line.charCodeAt(i) === 9;
}

/** The tab-indented line js-yaml stopped at (or the one just before, where it reports the next line), or -1. */
function firstTabIndented(lines: readonly string[], from: number, to: number, errorLine: number): number {
  for (const i of [errorLine, errorLine - 1]) {
    if (i >= from && i < to && tabIndented(lines[i]) && lines[i].trim() !== '') return i;
  }
  return -1;
}

/**
 * The mapping with its keys normalised. Keys of a note are usually normalised already
 * (`met_at`, `follow_up`): then the mapping itself is the answer and no copy is made.
 */
function normalizedKeys(parsed: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(parsed);
  let same = true;
  for (const key of keys) {
    if (normalizeKey(key) !== key) {
      same = false;
      break;
    }
  }
  if (same) return parsed;
  const data: Record<string, unknown> = {};
  for (const key of keys) setOwn(data, normalizeKey(key), parsed[key]);
  return data;
}

/**
 * `object[key] = value`, except that a key named `__proto__` becomes a plain field
 * (as js-yaml makes it) instead of replacing the object's prototype.
 */
function setOwn<T>(object: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

function scanKeys(lines: readonly string[], close: number, result: Frontmatter): void {
  for (let i = 1; i < close; i++) {
    const line = lines[i];
    const c = line.charCodeAt(0);
    // A top-level key starts in column 0 with neither a space, a tab, a comment nor a list dash followed by a space.
    if (c === 32 || c === 9 || c === 35 || Number.isNaN(c)) continue;
    let raw: string;
    const end = wordKeyEnd(line);
    if (end !== -1) raw = line.slice(0, end);
    else {
      const key = topLevelKey(line);
      if (key === null) continue;
      raw = key;
    }
    const key = sharedKey(normalizeKey(raw));
    // Own keys only: a key named `constructor` or `__proto__` is not already "there".
    // (`in` first: it is the cheap test, and false for nearly every key.)
    if (key in result.keyLines && Object.hasOwn(result.keyLines, key)) {
      result.problems.push(problem(ProblemCode.duplicateKey, 'error',
        `Duplicate key '${raw.trim()}' (first on line ${result.keyLines[key] + 1}); the last value is used. Remove one of them.`,
        lineRange(i, 0, raw.length)));
    } else {
      setOwn(result.keyLines, key, i);
    }
  }
}

/**
 * A top-level key at the start of the line: `"quoted"`, `'quoted'`, or plain text up
 * to the first `:` that is followed by a blank or the end (no `#` before it), without
 * trailing blanks. Read by hand: the regex it replaces (a lazy `[^:#]*?` before
 * `[ \t]*:`) took quadratic time on a long line of spaces.
 */
export function topLevelKey(line: string): string | null {
  const first = line.charCodeAt(0);
  let keyEnd: number;
  let key: string;
  if (first === 34 || first === 39) {
    const close = line.indexOf(first === 34 ? '"' : "'", 1);
    if (close <= 1) return null;
    key = line.slice(1, close);
    keyEnd = close + 1;
  } else {
    // Not a blank, `#`, `:`, a quote, `?`, `[` or `{`; `-` only when followed by a non-blank other than `:`.
    if (first === 35 || first === 58 || first === 63 || first === 91 || first === 123 || first === 32 || first === 9 || Number.isNaN(first)) return null;
    if (first === 45) {
      const second = line.charCodeAt(1);
      if (Number.isNaN(second) || second === 32 || second === 9 || second === 58) return null;
    }
    let i = 1;
    for (; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 35) return null;
      if (c === 58) break;
    }
    if (i >= line.length) return null;
    const after = line.charCodeAt(i + 1);
    if (!(Number.isNaN(after) || after === 32 || after === 9)) return null;
    let end = i;
    while (end > 1 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
    return line.slice(0, end);
  }
  let i = keyEnd;
  while (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9) i++;
  if (line.charCodeAt(i) !== 58) return null;
  const after = line.charCodeAt(i + 1);
  return Number.isNaN(after) || after === 32 || after === 9 ? key : null;
}

/**
 * The common key shape, `word_chars:` followed by a space, a tab or the end of the line:
 * the index of its colon, or -1 for anything else (TOP_LEVEL_KEY decides). For such a
 * line TOP_LEVEL_KEY's key is exactly the characters before the colon, and a sticky
 * `test` finds it without building a match.
 */
function wordKeyEnd(line: string): number {
  WORD_KEY.lastIndex = 0;
  return WORD_KEY.test(line) ? WORD_KEY.lastIndex : -1;
}

const WORD_KEY = /[A-Za-z0-9_]+(?=:(?:[ \t]|$))/y;

/**
 * A copy of `text` that does not keep the note's whole text alive. V8 makes a substring
 * of 13 or more characters a view into its parent string, so a value cut from a line
 * would pin the file's text in memory for as long as the note stays indexed. Shorter
 * substrings are copies already. (Concatenating then slicing forces the copy.)
 */
export function detach(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/**
 * An exact-size copy of an array built with `push`. Growing by push leaves up to 16
 * spare slots (~130 bytes), which a note would keep for as long as it is indexed;
 * the copy costs less than that memory costs the garbage collector.
 */
export function compact<T>(items: T[]): T[] {
  return items.length === 0 ? items : items.slice();
}

/** `detach` on every string of a value js-yaml read (arrays and mappings are updated in place). */
function detachAll(value: unknown): unknown {
  if (typeof value === 'string') return detach(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = detachAll(value[i]);
  } else if (value !== null && typeof value === 'object') {
    const mapping = value as Record<string, unknown>;
    for (const key of Object.keys(mapping)) setOwn(mapping, key, detachAll(mapping[key]));
  }
  return value;
}

// ---------------------------------------------------------------- the simple-YAML reader

/**
 * Characters the simple reader accepts anywhere: printable ASCII and the printable BMP.
 * Everything else (tabs, control characters, surrogate pairs, a BOM, U+FFFE/FFFF) is left
 * to js-yaml, which rejects some of it and has its own rules for the rest.
 */
const UNSAFE_CHAR = /[^\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;

/** Character codes the fast path compares `charCodeAt` against (a plain object: they are numbers, not a type). */
const Char = {
  Space: 32, Bang: 33, Quote: 34, Hash: 35, Percent: 37, Amp: 38, Apos: 39, Star: 42,
  Comma: 44, Dash: 45, Colon: 58, Gt: 62, Question: 63, At: 64, LBracket: 91, Backslash: 92,
  RBracket: 93, Backtick: 96, LBrace: 123, Pipe: 124, RBrace: 125,
} as const;

/**
 * Reads the frontmatter most notes have, exactly as js-yaml's FAILSAFE schema (with
 * `json: true`) would, several times faster: top-level `key: value` lines whose value is
 * a one-line plain scalar, a `"quoted"` or `'quoted'` string without escapes, a one-line
 * flow list of such scalars (`[a, "b"]`), nothing (null), or a block list of them on the
 * lines below (`  - item`). Full-line comments and blank lines are skipped.
 *
 * Returns null, so that js-yaml reads the block, for anything else: other key shapes,
 * `__proto__`, anchors, aliases, tags, block scalars, flow mappings, nesting, escapes,
 * comments after a value, multi-line scalars, unusual characters. It never reports an
 * error itself; js-yaml does, with its own message and line. The equivalence is tested
 * against js-yaml on every sample note, fixture and many generated variations.
 */
export function readSimpleYaml(lines: readonly string[], from: number, to: number): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  let i = from;
  while (i < to) {
    const line = lines[i];
    if (UNSAFE_CHAR.test(line)) return null;
    if (isBlankOrComment(line)) {
      i++;
      continue;
    }
    const colon = simpleKeyEnd(line);
    if (colon === -1) return null;
    const key = sharedKey(line.slice(0, colon));
    if (key === '__proto__') return null;
    let start = colon + 1;
    while (line.charCodeAt(start) === Char.Space) start++;
    i++;
    if (start < line.length) {
      const value = line.charCodeAt(start) === Char.LBracket ? flowList(line, start) : scalar(line, start);
      if (value === undefined) return null;
      out[key] = value;
      // A following line that is indented would continue or nest under this value:
      // the loop declines it, as it declines any line that is not a key.
      continue;
    }
    // `key:` alone: a block list on the lines below, or no value at all.
    let next = i;
    while (next < to && isBlankOrComment(lines[next])) {
      if (UNSAFE_CHAR.test(lines[next])) return null;
      next++;
    }
    if (next === to || (lines[next].charCodeAt(0) !== Char.Space && !isItem(lines[next], 0))) {
      out[key] = null;
      i = next;
      continue;
    }
    const indent = indentOf(lines[next]);
    if (!isItem(lines[next], indent)) return null;
    const items: string[] = [];
    for (; next < to; next++) {
      const itemLine = lines[next];
      if (UNSAFE_CHAR.test(itemLine)) return null;
      if (isBlankOrComment(itemLine)) continue;
      const lineIndent = indentOf(itemLine);
      if (lineIndent === indent && isItem(itemLine, indent)) {
        let itemStart = indent + 2;
        while (itemLine.charCodeAt(itemStart) === Char.Space) itemStart++;
        const item = itemStart < itemLine.length ? scalar(itemLine, itemStart) : undefined;
        if (item === undefined) return null;
        items.push(item);
      } else if (lineIndent === 0) {
        break; // the next key
      } else {
        return null; // a continuation line or a nested structure
      }
    }
    out[key] = compact(items);
    i = next;
  }
  return out;
}

function isBlankOrComment(line: string): boolean {
  const indent = indentOf(line);
  return indent === line.length || line.charCodeAt(indent) === Char.Hash;
}

function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === Char.Space) i++;
  return i;
}

/** `- ` at `indent`. */
function isItem(line: string, indent: number): boolean {
  return line.charCodeAt(indent) === Char.Dash && line.charCodeAt(indent + 1) === Char.Space;
}

/**
 * A simple key: letters, digits, `_` and `-` (not first), single spaces between words,
 * then `:` and a space or the end of the line. Sticky, and used with `test`: the regex
 * engine is native code even before the JIT warms up, and `test` builds no match.
 */
const SIMPLE_KEY = /[A-Za-z0-9_](?:[A-Za-z0-9_-]| [A-Za-z0-9_-])*(?=:(?: |$))/y;

/** The colon of a simple key starting the line, or -1. */
function simpleKeyEnd(line: string): number {
  SIMPLE_KEY.lastIndex = 0;
  return SIMPLE_KEY.test(line) ? SIMPLE_KEY.lastIndex : -1;
}

/** Characters that cannot start a plain scalar here (YAML indicators), plus `-`, `?` and `:` to stay simple. */
function startsPlain(c: number): boolean {
  switch (c) {
    case Char.Comma: case Char.LBracket: case Char.RBracket: case Char.LBrace: case Char.RBrace:
    case Char.Hash: case Char.Amp: case Char.Star: case Char.Bang: case Char.Pipe: case Char.Gt:
    case Char.Apos: case Char.Quote: case Char.Percent: case Char.At: case Char.Backtick:
    case Char.Dash: case Char.Question: case Char.Colon:
      return false;
    default:
      return true;
  }
}

/** The end of `line` without trailing spaces. */
function trimmedEnd(line: string): number {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === Char.Space) end--;
  return end;
}

/** A block-context scalar from `start` to the end of the line: plain, or quoted without escapes. */
function scalar(line: string, start: number): string | undefined {
  const first = line.charCodeAt(start);
  const end = trimmedEnd(line);
  if (first === Char.Quote || first === Char.Apos) {
    // The closing quote must end the line, with no quote, and no backslash in "...", inside.
    if (end - start < 2 || line.charCodeAt(end - 1) !== first) return undefined;
    const inner = line.slice(start + 1, end - 1);
    if (inner.includes(first === Char.Quote ? '"' : "'") || (first === Char.Quote && inner.includes('\\'))) return undefined;
    return detach(inner);
  }
  if (!startsPlain(first)) return undefined;
  // `: ` would start a mapping, ` #` a comment; a final `:` is a mapping too.
  for (let colon = line.indexOf(':', start); colon !== -1 && colon < end; colon = line.indexOf(':', colon + 1)) {
    if (colon + 1 === end || line.charCodeAt(colon + 1) === Char.Space) return undefined;
  }
  const comment = line.indexOf(' #', start);
  if (comment !== -1 && comment < end) return undefined;
  return detach(line.slice(start, end));
}

const FLOW_PLAIN = /[^,[\]{}#:]*/y;

/**
 * `[a, "b", 'c']` ending the line. Items are plain scalars without flow indicators, `#`
 * or `:`, or quoted strings without escapes; `[]` is the only empty list accepted.
 */
function flowList(line: string, start: number): string[] | undefined {
  const end = trimmedEnd(line) - 1; // the closing bracket
  if (end <= start || line.charCodeAt(end) !== Char.RBracket) return undefined;
  const items: string[] = [];
  let i = start + 1;
  for (;;) {
    while (line.charCodeAt(i) === Char.Space) i++;
    if (i === end && items.length === 0) return items;
    const first = line.charCodeAt(i);
    let itemEnd: number;
    if (first === Char.Quote || first === Char.Apos) {
      const close = line.indexOf(first === Char.Quote ? '"' : "'", i + 1);
      if (close === -1 || close >= end) return undefined;
      const inner = line.slice(i + 1, close);
      if (first === Char.Quote && inner.includes('\\')) return undefined;
      items.push(detach(inner));
      itemEnd = close + 1;
      while (line.charCodeAt(itemEnd) === Char.Space) itemEnd++;
    } else {
      if (!startsPlain(first)) return undefined;
      // The item runs to a comma or the closing bracket; any other indicator, `#` or `:` declines.
      FLOW_PLAIN.lastIndex = i;
      FLOW_PLAIN.test(line);
      itemEnd = FLOW_PLAIN.lastIndex;
      if (itemEnd !== end && line.charCodeAt(itemEnd) !== Char.Comma) return undefined;
      let last = itemEnd;
      while (line.charCodeAt(last - 1) === Char.Space) last--;
      items.push(detach(line.slice(i, last)));
    }
    if (itemEnd === end) return compact(items);
    // After an item: a comma and another item (`[a, ]` and `[a,,b]` are left to js-yaml).
    if (line.charCodeAt(itemEnd) !== Char.Comma) return undefined;
    i = itemEnd + 1;
    while (line.charCodeAt(i) === Char.Space) i++;
    if (i >= end) return undefined;
  }
}
