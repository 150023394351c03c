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
const TOP_LEVEL_KEY = /^(?:"([^"]+)"|'([^']+)'|([^\s#:'"\-?[{][^:#]*?|-[^\s:][^:#]*?))[ \t]*:(?:[ \t]|$)/;
/** A frontmatter block longer than this is not a note's metadata; it is reported, not parsed. */
const MAX_FRONTMATTER_LINES = 5000;

export function normalizeKey(key: string): string {
  return key.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

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
    if (CLOSE.test(lines[i])) {
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
  let tabs = false;
  for (let i = 1; i < close; i++) {
    if (/^[ ]*\t/.test(lines[i])) {
      tabs = true;
      result.problems.push(problem(ProblemCode.frontmatterTab, 'error',
        'Tab used for indentation in frontmatter; YAML allows spaces only.', lineRange(i, 0, lines[i].length - lines[i].trimStart().length)));
    }
  }
  if (tabs) {
    result.broken = true;
    result.data = {};
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
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) data[normalizeKey(key)] = value;
  result.data = data;
  return result;
}

function scanKeys(lines: readonly string[], close: number, result: Frontmatter): void {
  for (let i = 1; i < close; i++) {
    const c = lines[i].charCodeAt(0);
    // A top-level key starts in column 0 with neither a space, a tab, a comment nor a list dash followed by a space.
    if (c === 32 || c === 9 || c === 35 || Number.isNaN(c)) continue;
    const m = TOP_LEVEL_KEY.exec(lines[i]);
    if (!m) continue;
    const raw = m[1] ?? m[2] ?? m[3] ?? '';
    const key = normalizeKey(raw);
    if (key in result.keyLines) {
      result.problems.push(problem(ProblemCode.duplicateKey, 'error',
        `Duplicate key '${raw.trim()}' (first on line ${result.keyLines[key] + 1}); the last value is used. Remove one of them.`,
        lineRange(i, 0, raw.length)));
    } else {
      result.keyLines[key] = i;
    }
  }
}
