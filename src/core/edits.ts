import { scanBody } from './body';
import { normalizeKey, readFrontmatter } from './frontmatter';
import { splitLines } from './parseNote';
import { yamlQuote } from './newContact';
import type { InteractionKind, Range } from './types';

/**
 * Minimal edits to a note, computed from its current text (an editor's buffer, so
 * unsaved typing is respected). Each returns the few lines it changes and nothing
 * else: comments, key order, quoting and line endings elsewhere stay byte-identical.
 */
export interface TextEdit {
  range: Range;
  newText: string;
}

export type EditResult = { ok: true; edits: TextEdit[] } | { ok: false; reason: string };

const BROKEN = 'The frontmatter of this note cannot be read; fix the problem shown on its first lines, then try again.';

function at(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

/** Quotes a value for YAML only when it would otherwise read differently. */
export function yamlScalar(value: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9 ._/@+()-]*$/.test(value) && !/[ ]$/.test(value) && !/^(?:true|false|yes|no|on|off|null|~)$/i.test(value)) {
    return value;
  }
  return yamlQuote(value);
}

/** The lines a key's value spans: the key line and any more-indented continuation lines. */
function valueExtent(lines: readonly string[], keyLine: number, close: number): number {
  let last = keyLine;
  for (let i = keyLine + 1; i < close; i++) {
    if (/^\s+\S/.test(lines[i]) || /^\s*-\s/.test(lines[i])) last = i;
    else if (lines[i].trim() === '') continue;
    else break;
  }
  return last;
}

/**
 * Sets (or, with `null`, removes) one frontmatter field. `aliases` are the other
 * spellings the reader accepts; an existing alias is edited in place rather than
 * adding a second, conflicting key.
 */
export function setFrontmatterField(text: string, key: string, value: string | null, aliases: readonly string[] = []): EditResult {
  const { lines, eol } = splitLines(text);
  const fm = readFrontmatter(lines);
  if (fm.broken) return { ok: false, reason: BROKEN };
  const existing = [key, ...aliases].map(normalizeKey).find((k) => k in fm.keyLines);
  const rendered = value === null ? null : `${key}: ${yamlScalar(value)}`;

  if (fm.end === -1) {
    if (rendered === null) return { ok: true, edits: [] };
    return { ok: true, edits: [{ range: at(0, 0), newText: `---${eol}${rendered}${eol}---${eol}` }] };
  }
  if (existing === undefined) {
    if (rendered === null) return { ok: true, edits: [] };
    return { ok: true, edits: [{ range: at(fm.end, 0), newText: `${rendered}${eol}` }] };
  }
  const line = fm.keyLines[existing];
  const last = valueExtent(lines, line, fm.end);
  const original = lines[line];
  if (rendered === null) {
    return { ok: true, edits: [{ range: { start: { line, character: 0 }, end: { line: last + 1, character: 0 } }, newText: '' }] };
  }
  // Keep the key as the user spelled it and any trailing comment on a one-line value.
  const colon = original.indexOf(':');
  const keyText = original.slice(0, colon);
  const comment = last === line ? trailingComment(original.slice(colon + 1)) : '';
  const newLine = `${keyText}: ${yamlScalar(value!)}${comment}`;
  return {
    ok: true,
    edits: [{ range: { start: { line, character: 0 }, end: { line: last, character: lines[last].length } }, newText: newLine }],
  };
}

/** The ` # comment` after a one-line YAML value, with its spacing; quotes are skipped over. */
function trailingComment(valueText: string): string {
  const trimmed = valueText.trimStart();
  let from = valueText.length - trimmed.length;
  const quote = trimmed[0];
  if (quote === '"' || quote === "'") {
    let i = 1;
    while (i < trimmed.length && trimmed[i] !== quote) i += quote === '"' && trimmed[i] === '\\' ? 2 : 1;
    from += i + 1;
  }
  const m = /\s+#.*$/.exec(valueText.slice(from));
  return m ? m[0] : '';
}

/** Appends `- DATE KIND: summary` to the `## Interactions` section, creating the section if missing. */
export function appendInteraction(text: string, date: string, kind: InteractionKind, summary: string): EditResult {
  const { lines, eol } = splitLines(text);
  const fm = readFrontmatter(lines);
  if (fm.broken) return { ok: false, reason: BROKEN };
  const body = scanBody(lines, fm.bodyStart);
  const clean = summary.replace(/[\r\n]+/g, ' ').trim();
  const entry = `- ${date} ${kind}:${clean === '' ? '' : ` ${clean}`}`;
  const lastLine = lines.length - 1;
  if (body.interactionsHeading !== -1) {
    const insertAt = body.interactionsEnd;
    if (insertAt > lastLine) {
      return { ok: true, edits: [{ range: at(lastLine, lines[lastLine].length), newText: `${eol}${entry}` }] };
    }
    return { ok: true, edits: [{ range: at(insertAt, 0), newText: `${entry}${eol}` }] };
  }
  // No section yet: add one at the end, separated from what is there by a blank line.
  const endsWithNewline = lines[lastLine] === '';
  const prefix = endsWithNewline ? (lastLine > 0 && lines[lastLine - 1].trim() !== '' ? eol : '') : `${eol}${eol}`;
  return {
    ok: true,
    edits: [{ range: at(lastLine, lines[lastLine].length), newText: `${prefix}## Interactions${eol}${eol}${entry}${eol}` }],
  };
}

/** Ticks the task checkbox on `line`. */
export function completeTask(text: string, line: number): EditResult {
  const { lines } = splitLines(text);
  const m = /^([ \t]*[-*+][ \t]+\[) \]/.exec(lines[line] ?? '');
  if (!m) return { ok: false, reason: 'There is no open task on that line any more.' };
  const col = m[1].length;
  return { ok: true, edits: [{ range: { start: { line, character: col }, end: { line, character: col + 1 } }, newText: 'x' }] };
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
