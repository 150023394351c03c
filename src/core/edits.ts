import { scanBody } from './body';
import { outsideLinesKept, provenFieldChange, readRawFrontmatter, sameValue } from './editProof';
import { normalizeKey, readFrontmatter } from './frontmatter';
import { parseNote, splitLines } from './parseNote';
import { yamlQuote } from './newContact';
import { singleLine } from './text';
import type { InteractionKind, Range } from './types';
import { yamlLayout, type YamlEntry } from './yamlExtent';

/**
 * Minimal edits to a note, computed from its current text (an editor's buffer, so
 * unsaved typing is respected). Each returns the few lines it changes and nothing
 * else: comments, key order, quoting and line endings elsewhere stay byte-identical.
 * Every edit is proven before it is returned: the edited text is read again and only
 * the intended value may differ. When that cannot be shown the edit is refused, with
 * the reason, and nothing changes.
 */
export interface TextEdit {
  range: Range;
  newText: string;
}

export type EditResult = { ok: true; edits: TextEdit[] } | { ok: false; reason: string };

const BROKEN = 'The frontmatter of this note cannot be read; fix the problem shown on its first lines, then try again.';

/** Longer than this, a note is not edited in place (the proof re-reads it, and no note is this long). */
export const MAX_EDIT_CHARS = 2 * 1024 * 1024;

function refuse(reason: string): EditResult {
  return { ok: false, reason };
}

function at(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

/** Quotes a value for YAML only when it would otherwise read differently. */
export function yamlScalar(value: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9 ._/@+()-]*$/.test(value) && value.charCodeAt(value.length - 1) !== 32 && !/^(?:true|false|yes|no|on|off|null|~)$/i.test(value)) {
    return value;
  }
  return yamlQuote(value);
}

/** The line terminator of each line ('' for the last), BOM excluded: edits keep each line's own. */
export function lineTerminators(text: string): string[] {
  const out: string[] = [];
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        out.push('\r\n');
        i++;
      } else out.push('\r');
    } else if (c === 10) out.push('\n');
  }
  out.push('');
  return out;
}

/** The terminator to give a line inserted after `line`: that line's own, else the note's. */
function terminatorAfter(ends: readonly string[], line: number, fallback: string): string {
  return ends[line] || fallback;
}

/** The edits touch only their own lines: every other line keeps its bytes and its terminator. */
function linesKept(text: string, after: string, edits: readonly TextEdit[]): boolean {
  if (edits.length === 0) return true;
  const first = Math.min(...edits.map((e) => e.range.start.line));
  const last = Math.max(...edits.map((e) => e.range.end.line));
  return outsideLinesKept(text, after, first, last);
}

const MIXED = 'The line endings around this place are mixed (a lone CR before an LF); Rapport would merge two lines. Edit it by hand.';

/** The ` # comment` (with the spaces before it) after a one-line value. */
function trailingComment(line: string, entry: YamlEntry): string {
  if (entry.lastLine !== entry.keyLine || entry.commentColumn === -1) return '';
  let from = entry.commentColumn;
  while (from > entry.valueColumn && (line.charCodeAt(from - 1) === 32 || line.charCodeAt(from - 1) === 9)) from--;
  return line.slice(from);
}

/**
 * Sets (or, with `null`, removes) one frontmatter field. `aliases` are the other
 * spellings the reader accepts; an existing alias is edited in place rather than
 * adding a second, conflicting key.
 */
export function setFrontmatterField(text: string, key: string, value: string | null, aliases: readonly string[] = []): EditResult {
  if (text.length > MAX_EDIT_CHARS) return refuse('This note is too large to edit in place.');
  const { lines, eol } = splitLines(text);
  const fm = readFrontmatter(lines);
  if (fm.broken) return refuse(BROKEN);
  const ends = lineTerminators(text);
  const rendered = value === null ? null : `${key}: ${yamlScalar(value)}`;
  let edits: TextEdit[];
  let rawKey = key;
  if (fm.end === -1) {
    if (rendered === null) return { ok: true, edits: [] };
    const nl = terminatorAfter(ends, 0, eol);
    edits = [{ range: at(0, 0), newText: `---${nl}${rendered}${nl}---${nl}` }];
  } else {
    const layout = yamlLayout(lines, 1, fm.end);
    if (!layout.ok) return refuse(`Rapport cannot tell for certain where each value ends (${layout.reason}); edit this field by hand.`);
    const wanted = [key, ...aliases].map(normalizeKey);
    const byKey = (k: string) => layout.entries.filter((e) => normalizeKey(e.key) === k);
    const found = wanted.map(byKey).find((list) => list.length > 0);
    if (found !== undefined && found.length > 1) {
      return refuse(`'${found[0].key}' appears more than once in the frontmatter (lines ${found.map((e) => e.keyLine + 1).join(', ')}); keep one, then try again.`);
    }
    const entry = found?.[0];
    if (entry === undefined) {
      if (rendered === null) return { ok: true, edits: [] };
      edits = [{ range: at(fm.end, 0), newText: `${rendered}${terminatorAfter(ends, fm.end - 1, eol)}` }];
    } else {
      rawKey = entry.key;
      const keyLine = lines[entry.keyLine];
      if (value === null) {
        edits = [{ range: { start: { line: entry.keyLine, character: 0 }, end: { line: entry.lastLine + 1, character: 0 } }, newText: '' }];
      } else {
        // Keep the key as the user spelled it and any comment after a one-line value.
        const newLine = `${keyLine.slice(0, entry.valueColumn)} ${yamlScalar(value)}${trailingComment(keyLine, entry)}`;
        edits = [{ range: { start: { line: entry.keyLine, character: 0 }, end: { line: entry.lastLine, character: lines[entry.lastLine].length } }, newText: newLine }];
      }
    }
  }
  const after = applyEdits(text, edits);
  if (!linesKept(text, after, edits)) return refuse(MIXED);
  const why = provenFieldChange(readRawFrontmatter(text), readRawFrontmatter(after), rawKey, value === null ? undefined : (v) => v === value);
  if (why !== null) return refuse(`Rapport could not change '${rawKey}' safely: ${why}. Edit it by hand.`);
  return { ok: true, edits };
}

/** Appends `- DATE KIND: summary` to the `## Interactions` section, creating the section if missing. */
export function appendInteraction(text: string, date: string, kind: InteractionKind, summary: string): EditResult {
  if (text.length > MAX_EDIT_CHARS) return refuse('This note is too large to edit in place.');
  const { lines, eol } = splitLines(text);
  const fm = readFrontmatter(lines);
  if (fm.broken) return refuse(BROKEN);
  const ends = lineTerminators(text);
  const body = scanBody(lines, fm.bodyStart);
  const clean = singleLine(summary);
  const entry = `- ${date} ${kind}:${clean === '' ? '' : ` ${clean}`}`;
  const lastLine = lines.length - 1;
  let edits: TextEdit[];
  if (body.interactionsHeading !== -1) {
    const insertAt = body.interactionsEnd;
    if (insertAt > lastLine) {
      edits = [{ range: at(lastLine, lines[lastLine].length), newText: `${terminatorAfter(ends, lastLine - 1, eol)}${entry}` }];
    } else {
      // A lone CR before an empty LF line would join them: end the new line with CRLF then.
      let nl = terminatorAfter(ends, insertAt - 1, eol);
      if (nl === '\r' && lines[insertAt] === '' && ends[insertAt] === '\n') nl = '\r\n';
      edits = [{ range: at(insertAt, 0), newText: `${entry}${nl}` }];
    }
  } else {
    // No section yet: add one at the end, separated from what is there by a blank line.
    const nl = terminatorAfter(ends, lastLine - 1, eol);
    const endsWithNewline = lines[lastLine] === '';
    const prefix = endsWithNewline ? (lastLine > 0 && lines[lastLine - 1].trim() !== '' ? nl : '') : `${nl}${nl}`;
    edits = [{ range: at(lastLine, lines[lastLine].length), newText: `${prefix}## Interactions${nl}${nl}${entry}${nl}` }];
  }
  if (edits.some((e) => fm.end !== -1 && e.range.start.line <= fm.end)) return refuse('The log section could not be placed after the frontmatter; add the line by hand.');
  const after = applyEdits(text, edits);
  if (!linesKept(text, after, edits)) return refuse(MIXED);
  const count = (t: string) => {
    const note = parseNote('note.md', t);
    return 'interactions' in note ? note.interactions.filter((i) => i.date === date && i.kind === kind).length : -1;
  };
  const n = count(text);
  if (n === -1 || count(after) !== n + 1 || !sameFrontmatter(text, after)) {
    return refuse('The new log line would not read back as a log entry (is the log section inside a code block?); add it by hand.');
  }
  return { ok: true, edits };
}

function sameFrontmatter(a: string, b: string): boolean {
  const ra = readRawFrontmatter(a);
  const rb = readRawFrontmatter(b);
  return ra.ok && rb.ok && sameValue(ra.data, rb.data);
}

/** Ticks the task checkbox on `line`. */
export function completeTask(text: string, line: number): EditResult {
  const { lines } = splitLines(text);
  const fm = readFrontmatter(lines);
  if (line < fm.bodyStart) return refuse('That line is in the frontmatter, not a task.');
  const m = /^([ \t]*[-*+][ \t]+\[) \]/.exec(lines[line] ?? '');
  if (!m) return refuse('There is no open task on that line any more.');
  const col = m[1].length;
  const edits = [{ range: { start: { line, character: col }, end: { line, character: col + 1 } }, newText: 'x' }];
  const ticked = applyEdits(text, edits);
  if (!linesKept(text, ticked, edits)) return refuse(MIXED);
  const note = parseNote('note.md', ticked);
  if (!('tasks' in note) || !note.tasks.some((t) => t.line === line && t.done)) return refuse('That line is not a task Rapport reads (inside a code block?).');
  return { ok: true, edits };
}

/**
 * Replaces `range` (one line) with `replacement`, e.g. a patient identifier with
 * `[REDACTED]`. In the body the text is replaced as it is; in the frontmatter the edited
 * value must still read as text with the replacement in it and nothing else may change,
 * else the whole value is rewritten quoted, else the edit is refused.
 */
export function redactEdit(text: string, range: Range, replacement: string): EditResult {
  const { lines } = splitLines(text);
  const line = range.start.line;
  if (range.end.line !== line || line >= lines.length || range.end.character > lines[line].length || range.start.character > range.end.character) {
    return refuse('The text to redact has moved; run the check again.');
  }
  const fm = readFrontmatter(lines);
  const edits = [{ range, newText: replacement }];
  if (fm.end === -1 || line > fm.end) return { ok: true, edits };
  if (fm.broken) return refuse(BROKEN);
  if (line === 0 || line === fm.end) return refuse('The delimiter line cannot be redacted.');
  const layout = yamlLayout(lines, 1, fm.end);
  if (!layout.ok) return refuse(`Rapport cannot tell for certain where each value ends (${layout.reason}); redact it by hand.`);
  const entry = layout.entries.find((e) => e.keyLine <= line && line <= e.lastLine);
  if (entry === undefined) return refuse('That text is in a comment, not a value; redact it by hand.');
  const before = readRawFrontmatter(text);
  const contains = (v: unknown): boolean => (typeof v === 'string' ? v.includes(replacement) : Array.isArray(v) ? v.some(contains) : v !== null && typeof v === 'object' ? Object.values(v).some(contains) : false);
  if (provenFieldChange(before, readRawFrontmatter(applyEdits(text, edits)), entry.key, contains) === null) return { ok: true, edits };
  const old = before.ok ? before.data[entry.key] : undefined;
  const secret = lines[line].slice(range.start.character, range.end.character);
  if (typeof old === 'string' && secret !== '' && old.includes(secret)) return setFrontmatterField(text, entry.key, old.split(secret).join(replacement));
  return refuse('Redacting there would change how the frontmatter reads; redact it by hand.');
}

/** Applies edits to text; used by the CLI, tests and anything outside an editor. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  const starts = [0];
  const re = /\r\n|\r|\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) starts.push(m.index + m[0].length);
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? body.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = body;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return bom + out;
}
