import { LineKind, isOpaque, scanBlocks } from './blocks';
import { parseCalendarDate } from './dates';
import { compact, detach } from './frontmatter';
import { codeSpans, wikiLinks } from './inline';
import { didYouMean, readLooseDate, type LooseDate } from './looseDates';
import { MAX_PROBLEMS_PER_NOTE, ProblemCode, lineRange, problem, wholeLine } from './problems';
import { INTERACTION_KINDS, type Direction, type Interaction, type InteractionKind, type Problem, type Task, type WikiLink } from './types';

/**
 * The cold path reads bodies with a single line scan: remark on every body is an
 * order of magnitude slower and keeps trees we do not need. The scan is linear in
 * the text whatever its shape, so pathological markdown cannot stall the index.
 */
export interface BodyScan {
  interactions: Interaction[];
  tasks: Task[];
  links: WikiLink[];
  problems: Problem[];
  /** 0-based line of the `## Interactions`/`## Log` heading, or -1. */
  interactionsHeading: number;
  /** 0-based line after the last line of that section (where a new entry would go). */
  interactionsEnd: number;
  /** Problems found but not built: past the per-note cap, they would be cut anyway (see `capProblems`). */
  omitted: number;
}

/** A Map, not an object: a log entry's word must never find `constructor` or `__proto__`. */
const KIND_ALIASES: ReadonlyMap<string, InteractionKind> = new Map(Object.entries<InteractionKind>({
  met: 'met',
  call: 'call', called: 'call', phone: 'call', 'phone-call': 'call',
  meeting: 'meeting', meet: 'meeting', zoom: 'meeting', 'met-with': 'meeting',
  emailed: 'emailed', email: 'emailed', sent: 'emailed', wrote: 'emailed', messaged: 'emailed',
  'followed-up': 'followed-up', 'follow-up': 'followed-up', followup: 'followed-up', 'followed up': 'followed-up', nudged: 'followed-up',
  replied: 'replied', reply: 'replied', responded: 'replied',
  received: 'received', 'heard-back': 'received',
  thanked: 'thanked', 'thank-you': 'thanked', thanks: 'thanked',
  presented: 'presented',
  note: 'note', notes: 'note',
  advice: 'advice', advised: 'advice', suggested: 'advice',
  feedback: 'feedback', 'asked-feedback': 'feedback',
  'no-reply-needed': 'no-reply-needed', 'no-reply': 'no-reply-needed', 'no-answer-needed': 'no-reply-needed', fyi: 'no-reply-needed',
}));

export const DIRECTIONS: Record<InteractionKind, Direction> = {
  met: 'both', call: 'both', meeting: 'both',
  emailed: 'out', 'followed-up': 'out', thanked: 'out',
  replied: 'in', received: 'in',
  presented: 'none', note: 'none',
  // Advice is what they said (log the meeting or call itself as such); asking for feedback is
  // a conversation; a message that needs no answer is closed, not answered.
  advice: 'none', feedback: 'both', 'no-reply-needed': 'none',
};

export function interactionKind(word: string): InteractionKind | undefined {
  // Most entries use a kind as written (`emailed`): look it up before normalising it.
  return KIND_ALIASES.get(word) ?? KIND_ALIASES.get(word.toLowerCase().replace(/_/g, '-'));
}

const SECTION_NAMES = /^(?:interactions?|log|interaction log|contact log)$/i;
const DATE_TOKEN = /^(\d{4}[-.]\d{1,2}[-.]\d{1,2}(?:T[\d:.]{1,20}(?:Z|[+-][\d:]{1,6})?)?)\b/;
// The date token as a sticky regex: matched where a list item's text starts, it reads the
// line in place instead of a copy of its rest. Bounded quantifiers: linear at one position.
const DATE_TOKEN_AT = /(\d{4}[-.]\d{1,2}[-.]\d{1,2}(?:T[\d:.]{1,20}(?:Z|[+-][\d:]{1,6})?)?)\b/y;
const KIND_WORD_AT = /[A-Za-z][\w-]{0,40}(?: up\b)?/y;
const DUE_EMOJI = /📅\uFE0F?[ \t]*(\S+)/u;
const DUE_FIELD_AT = /\[due::([^\]]{0,48})\]/iy;
const EXPECTED_ENTRY = 'a log entry as `- YYYY-MM-DD kind: note`';

const Conflict = { None: 0, Open: 1, Separator: 2, Reported: 3 } as const;
type Conflict = (typeof Conflict)[keyof typeof Conflict];

export function scanBody(lines: readonly string[], bodyStart: number): BodyScan {
  const out: BodyScan = { interactions: [], tasks: [], links: [], problems: [], interactionsHeading: -1, interactionsEnd: -1, omitted: 0 };
  // Links count in frontmatter values (met_at, shortlist) as well as in the body.
  for (let i = 0; i < bodyStart && i < lines.length; i++) {
    if (lines[i].includes('[[')) collectLinks(lines[i], i, 0, out.links);
  }
  const blocks = scanBlocks(lines, bodyStart, { obsidianComments: true });
  let sectionLevel = 0;
  let conflict: Conflict = Conflict.None;
  let conflictLine = -1;

  for (let i = bodyStart; i < lines.length; i++) {
    const text = lines[i];
    const kind = blocks.kind[i] as LineKind;
    const code = kind === LineKind.FencedCode || kind === LineKind.IndentedCode;
    // Merge markers at column 0, outside code: a setext `=======` alone is a heading, not a conflict.
    const c0 = text.charCodeAt(0);
    if (!code && conflict !== Conflict.Reported && c0 >= 60 && c0 <= 62) {
      const marker = conflictMarker(text);
      if (marker === 60) {
        conflict = Conflict.Open;
        conflictLine = i;
      } else if (marker === 61 && conflict === Conflict.Open) {
        conflict = Conflict.Separator;
      } else if (marker === 62 && conflict === Conflict.Separator) {
        conflict = Conflict.Reported;
        out.problems.push(problem(ProblemCode.mergeConflict, 'error',
          'Unresolved git merge conflict: keep one side, delete the markers (<<<<<<<, =======, >>>>>>>), then save.', wholeLine(lines, conflictLine)));
      }
    }
    if (isOpaque(kind)) {
      if (sectionLevel > 0) out.interactionsEnd = i + 1;
      continue;
    }
    const offset = blocks.offset[i];
    if (text.includes('[[', offset)) collectLinks(text, i, offset, out.links);

    if (kind === LineKind.Heading || kind === LineKind.SetextHeading) {
      const level = blocks.headingLevel[i];
      if (sectionLevel > 0 && level <= sectionLevel) sectionLevel = 0;
      if (sectionLevel === 0 && out.interactionsHeading === -1 && SECTION_NAMES.test(headingText(text, offset, kind === LineKind.Heading))) {
        sectionLevel = level;
        out.interactionsHeading = i;
        out.interactionsEnd = i + 1;
      }
      continue;
    }
    if (kind === LineKind.Blank) continue;
    if (sectionLevel > 0) out.interactionsEnd = i + 1;

    const itemDepth = blocks.itemDepth[i];
    if (itemDepth > 0) {
      if (isTask(text, offset)) {
        out.tasks.push(readTask(text, offset, lines, i, out.problems));
        continue;
      }
      if (sectionLevel > 0) readLogEntry(text, offset, itemDepth === 1, i, out);
      continue;
    }
    // A paragraph of its own in the log (not an item's text, not a quote or a table) is an entry Rapport cannot read.
    if (sectionLevel > 0 && kind === LineKind.Paragraph && blocks.inItem[i] === 0 && (i === bodyStart || blocks.kind[i - 1] !== LineKind.Paragraph)) {
      const first = text.charCodeAt(offset);
      if (first !== 62 && first !== 124 && conflictMarker(text) === 0) unreadableEntry(text, offset, i, out, false);
    }
  }
  // The note keeps these arrays: without their spare slots.
  out.interactions = compact(out.interactions);
  detachTexts(out.interactions);
  out.tasks = compact(out.tasks);
  out.links = compact(out.links);
  return out;
}

/** `<<<<<<<`, `=======` or `>>>>>>>` as git writes them: its character code, or 0. */
function conflictMarker(text: string): number {
  const c = text.charCodeAt(0);
  for (let k = 1; k < 7; k++) if (text.charCodeAt(k) !== c) return 0;
  if (text.length === 7) return c;
  if (c === 61) return 0;
  return text.charCodeAt(7) === 32 ? c : 0;
}

/** An ATX heading's text (without `#`s and a closing sequence), or a setext heading line's text. */
function headingText(text: string, offset: number, atx: boolean): string {
  let start = offset;
  if (atx) while (text.charCodeAt(start) === 35) start++;
  let end = text.length;
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  if (atx) {
    let hashes = end;
    while (hashes > start && text.charCodeAt(hashes - 1) === 35) hashes--;
    if (hashes === start || text.charCodeAt(hashes - 1) === 32 || text.charCodeAt(hashes - 1) === 9) end = hashes;
  }
  // Section names are short: a long heading is not one, and need not be trimmed.
  if (end - start > 80) return '';
  return text.slice(start, end).trim();
}

/** `[c]` then a space, a tab or the end of the line, at the item's text: a task (Obsidian Tasks' statuses). */
function isTask(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 91 || text.charCodeAt(at + 2) !== 93) return false;
  const status = text.charCodeAt(at + 1);
  if (status === 93 || status === 91 || Number.isNaN(status)) return false;
  const after = text.charCodeAt(at + 3);
  return Number.isNaN(after) || after === 32 || after === 9;
}

/**
 * The date a log entry starts with, as `YYYY-MM-DD`, `[[YYYY-MM-DD]]` or `**YYYY-MM-DD**`:
 * `[start, end, after]` (the token's span, and where the rest of the entry starts), or null.
 */
function logDateAt(text: string, at: number): [number, number, number] | null {
  let open = 0;
  if (text.startsWith('[[', at) || text.startsWith('**', at) || text.startsWith('__', at)) open = 2;
  DATE_TOKEN_AT.lastIndex = at + open;
  if (!DATE_TOKEN_AT.test(text)) return null;
  const end = DATE_TOKEN_AT.lastIndex;
  if (open === 0) return [at, end, end];
  const closing = text.startsWith('[[', at) ? ']]' : text.slice(at, at + 2);
  if (!text.startsWith(closing, end)) return null;
  return [at + open, end, end + 2];
}

/** The log entry in `text` from `offset` (after the list marker); a problem when it cannot be read. */
function readLogEntry(text: string, offset: number, topLevel: boolean, line: number, out: BodyScan): void {
  const token = logDateAt(text, offset);
  if (!token) {
    // A nested item is a detail of the entry above it, unless it looks like a date.
    if (topLevel || readLooseDate(text, offset)) unreadableEntry(text, offset, line, out, true);
    return;
  }
  const [start, end, after] = token;
  const dateToken = text.slice(start, end);
  const date = parseCalendarDate(dateToken);
  if (!date.ok) {
    if (full(out)) return;
    const loose = readLooseDate(text, start);
    out.problems.push(withReplacement(problem(ProblemCode.invalidDate, 'error',
      `Invalid date '${dateToken}' in the interaction log: ${date.reason}.${didYouMean(loose)}`, lineRange(line, start, end)), loose, line));
    return;
  }
  // After the date: blanks, an optional dash, the kind word, an optional `:` or dash, the note.
  let i = after;
  i = skipBlanks(text, i);
  if (isDash(text, i)) i = skipBlanks(text, i + 1);
  KIND_WORD_AT.lastIndex = i;
  const word = KIND_WORD_AT.test(text) ? text.slice(i, KIND_WORD_AT.lastIndex) : '';
  const kind = word === '' ? undefined : interactionKind(word);
  if (!kind || (i === after && after < text.length)) {
    if (full(out)) return;
    const at = Math.min(i, text.length);
    out.problems.push(problem(ProblemCode.unknownInteraction, 'warning',
      `Unknown interaction kind '${word}'. Use one of: ${INTERACTION_KINDS.join(', ')}.`, lineRange(line, at, Math.min(at + Math.max(word.length, 1), text.length))));
    return;
  }
  let rest = skipBlanks(text, i + word.length);
  if (text.charCodeAt(rest) === 58 || isDash(text, rest)) rest = skipBlanks(text, rest + 1);
  out.interactions.push({ date: date.date, kind, direction: DIRECTIONS[kind], text: text.slice(rest).trim(), line });
}

/**
 * True (and counted) once the body has as many problems as a note may show: the body's
 * problems come in line order, so any later one would be cut by `capProblems` anyway.
 */
function full(out: BodyScan): boolean {
  if (out.problems.length < MAX_PROBLEMS_PER_NOTE) return false;
  out.omitted++;
  return true;
}

function skipBlanks(text: string, i: number): number {
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return i;
}

/** `-`, `–` or `—`. */
function isDash(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 45 || c === 0x2013 || c === 0x2014;
}

/** A line of the log that is not an entry Rapport can read: say what it expected, and offer the date it likely meant. */
function unreadableEntry(text: string, offset: number, line: number, out: BodyScan, item: boolean): void {
  if (full(out)) return;
  const loose = readLooseDate(text, offset);
  const what = item ? 'This list item' : 'This line';
  const p = problem(ProblemCode.unreadableLogLine, 'warning',
    `${what} in the interaction log cannot be read: expected ${EXPECTED_ENTRY}.${didYouMean(loose)}`, wholeLine([text], 0));
  p.range = lineRange(line, p.range.start.character, p.range.end.character);
  if (loose?.suggestion) {
    p.replacement = { range: lineRange(line, loose.start, loose.end), text: item ? loose.suggestion : `- ${loose.suggestion}` };
  }
  out.problems.push(p);
}

function withReplacement(p: Problem, loose: LooseDate | null, line: number): Problem {
  if (loose?.suggestion) p.replacement = { range: lineRange(line, loose.start, loose.end), text: loose.suggestion };
  return p;
}

/**
 * Copies the log texts out of the note's text (see `detach`), all at once, through
 * JSON.parse: it builds strings one byte a character where the text allows, while a note
 * with a single emoji or em dash is stored two bytes a character, and so is every piece
 * cut from it. The log is the largest part of a note in memory; this takes a third off
 * it for about a microsecond a note. A text JSON would need to escape is copied alone.
 */
function detachTexts(interactions: Interaction[]): void {
  if (interactions.length === 0) return;
  // An unsafe text stands in as "" here, and is the one non-empty text that comes back empty.
  let json = '';
  for (const entry of interactions) json += (json === '' ? '["' : '","') + (JSON_SAFE.test(entry.text) ? entry.text : '');
  const copies = JSON.parse(json + '"]') as string[];
  for (let k = 0; k < interactions.length; k++) {
    const entry = interactions[k];
    entry.text = copies[k] !== '' || entry.text === '' ? copies[k] : detach(entry.text);
  }
}

/** No quote, backslash or control character: the text is a JSON string as it stands. */
// eslint-disable-next-line no-control-regex -- raw control characters are what JSON forbids
const JSON_SAFE = /^[^"\\\x00-\x1f]*$/;

function readTask(line: string, offset: number, lines: readonly string[], lineNo: number, problems: Problem[]): Task {
  const status = line[offset + 1];
  // Obsidian Tasks: `x`/`X` done and `-` cancelled close a task; ` `, `/` (in progress) and any other status leave it open.
  const done = status === 'x' || status === 'X' || status === '-';
  let text = line.slice(offset + 3);
  let dueText: string | null = null;
  // In order of precedence, each syntax tried only when the one before is absent.
  let field: RegExpExecArray | null = null;
  let leading: RegExpExecArray | null = null;
  const emoji = text.includes('📅') ? DUE_EMOJI.exec(text) : null;
  if (emoji) {
    dueText = emoji[1];
    text = text.replace(emoji[0], '');
  } else if ((field = dueField(text))) {
    dueText = field[1].trim();
    text = text.replace(field[0], '');
  } else if ((leading = DATE_TOKEN.exec(text.trimStart()))) {
    dueText = leading[1];
    text = text.trimStart().slice(leading[0].length);
  }
  let due = null;
  if (dueText !== null) {
    const parsed = parseCalendarDate(dueText);
    if (parsed.ok) due = parsed.date;
    else {
      const col = Math.max(lines[lineNo].indexOf(dueText, offset), 0);
      const loose = readLooseDate(lines[lineNo], col);
      problems.push(withReplacement(problem(ProblemCode.invalidDate, 'error', `Invalid due date '${dueText}': ${parsed.reason}.${didYouMean(loose)}`,
        lineRange(lineNo, col, col + dueText.length)), loose, lineNo));
    }
  }
  return { text: detach(text.replace(/\s+/g, ' ').trim()), due, done, status, line: lineNo };
}

/**
 * The first `[due:: value]` (Dataview's inline field). Each `[due::` is tried with a
 * sticky regex, and once one finds no `]` within reach, later ones before that point
 * cannot either: a line of `[due:: ` repeated is read once, not once per occurrence.
 */
function dueField(text: string): RegExpExecArray | null {
  if (!text.includes('::')) return null;
  const lower = text.includes('[due::') ? text : text.toLowerCase();
  let close = -1;
  for (let at = lower.indexOf('[due::'); at !== -1; at = lower.indexOf('[due::', at + 1)) {
    if (close < at) close = lower.indexOf(']', at);
    if (close === -1) return null;
    if (close - at > 54) continue;
    DUE_FIELD_AT.lastIndex = at;
    const m = DUE_FIELD_AT.exec(text);
    if (m) return m;
  }
  return null;
}

function collectLinks(text: string, line: number, from: number, links: WikiLink[]): void {
  const spans = codeSpans(text, from);
  const found = wikiLinks(text, from, spans);
  for (let k = 0; k < found.length; k += 4) {
    const inner = text.slice(found[k + 2], found[k + 3]);
    const target = linkTarget(inner);
    if (target === '') continue;
    const link: WikiLink = { target: detach(target), range: lineRange(line, found[k], found[k + 1]) };
    const alt = linkAlias(inner);
    if (alt !== null) link.alt = detach(alt);
    links.push(link);
  }
}

const LINK_DECORATION = /[|#^[\]]/;

/** `Jane Smith#Log|Dr. Smith` → `Jane Smith`; `Jane Smith^block` → `Jane Smith`. */
export function linkTarget(inner: string): string {
  // Most links are a plain name: then there is nothing to split off or strip.
  if (!LINK_DECORATION.test(inner)) return inner.trim();
  return stripBrackets(withoutAnchor(inner.split('|')[0])).trim();
}

/** The right side of `[[a|b]]` read as a note name (Dendron's `[[label|target]]`), or null. */
function linkAlias(inner: string): string | null {
  const bar = inner.indexOf('|');
  if (bar === -1) return null;
  const alt = stripBrackets(withoutAnchor(inner.slice(bar + 1))).trim();
  return alt === '' ? null : alt;
}

/** Without a `#heading` or `^block` part. */
function withoutAnchor(text: string): string {
  let end = text.length;
  const hash = text.indexOf('#');
  if (hash !== -1) end = hash;
  const caret = text.indexOf('^');
  if (caret !== -1 && caret < end) end = caret;
  return text.slice(0, end);
}

/** `/^\[+|\]+$/g` without a regex: `\]+$` backtracks quadratically on a long run of `]`. */
function stripBrackets(text: string): string {
  let start = 0;
  while (text.charCodeAt(start) === 91) start++;
  let end = text.length;
  while (end > start && text.charCodeAt(end - 1) === 93) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
