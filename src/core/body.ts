import { parseCalendarDate } from './dates';
import { compact, detach } from './frontmatter';
import { ProblemCode, lineRange, problem, wholeLine } from './problems';
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

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SECTION_NAMES = /^(?:interactions?|log|interaction log|contact log)$/i;
const DATE_TOKEN = /^(\d{4}[-.]\d{1,2}[-.]\d{1,2}(?:T[\d:.]+(?:Z|[+-][\d:]+)?)?)\b/;
// DATE_TOKEN and the log entry as sticky regexes: matched where a list item's text starts,
// they read the line in place instead of a copy of its rest.
const DATE_TOKEN_AT = /(\d{4}[-.]\d{1,2}[-.]\d{1,2}(?:T[\d:.]+(?:Z|[+-][\d:]+)?)?)\b/y;
const LOG_ENTRY_AT = /\S+[ \t]+(?:—|–|-)?[ \t]*([A-Za-z][\w-]*(?: up)?)[ \t]*(?::|—|–|-)?[ \t]*(.*)$/y;
const TASK = /^[ \t]*[-*+][ \t]+\[([ xX\-/])\][ \t]+(.*)$/;
const DUE_EMOJI = /📅\uFE0F?[ \t]*(\S+)/u;
const DUE_FIELD = /\[due::[ \t]*([^\]]*)\]/i;
const CONFLICT = /^(?:<{7}(?: |$)|={7}$|>{7}(?: |$))/;
const WIKILINK = /\[\[([^\]\n]{1,300}?)\]\]/g;

export function scanBody(lines: readonly string[], bodyStart: number): BodyScan {
  const out: BodyScan = { interactions: [], tasks: [], links: [], problems: [], interactionsHeading: -1, interactionsEnd: -1 };
  let fence: string | null = null;
  let sectionLevel = 0;
  let conflictReported = false;

  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    const c0 = text.charCodeAt(0);
    // 60 '<', 61 '=', 62 '>': test the regex only where a marker could start.
    if (!conflictReported && c0 >= 60 && c0 <= 62 && CONFLICT.test(text)) {
      conflictReported = true;
      out.problems.push(problem(ProblemCode.mergeConflict, 'error',
        'Unresolved git merge conflict: keep one side, delete the markers (<<<<<<<, =======, >>>>>>>), then save.', wholeLine(lines, i)));
    }
    // One search for '[' serves links and tasks: most lines have none.
    const bracket = text.indexOf('[');
    const hasLink = bracket !== -1 && text.includes('[[', bracket);
    if (i < bodyStart) {
      // Links count in frontmatter values (met_at, shortlist) as well as in the body.
      if (hasLink) collectLinks(text, i, out.links);
      continue;
    }

    const first = text.trimStart().charCodeAt(0);
    // Only '`' and '~' can open or close a fence, only '#' can start a heading.
    const f = first === 96 || first === 126 ? FENCE.exec(text) : null;
    if (fence !== null) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    if (hasLink) collectLinks(text, i, out.links);

    const heading = first === 35 ? HEADING.exec(text) : null;
    if (heading) {
      const level = heading[1].length;
      if (sectionLevel > 0 && level <= sectionLevel) {
        sectionLevel = 0;
      }
      if (sectionLevel === 0 && out.interactionsHeading === -1 && SECTION_NAMES.test(heading[2].trim())) {
        sectionLevel = level;
        out.interactionsHeading = i;
        out.interactionsEnd = i + 1;
      }
      continue;
    }

    const task = bracket !== -1 ? TASK.exec(text) : null;
    if (task) {
      out.tasks.push(readTask(task, lines, i, out.problems));
      if (sectionLevel > 0) out.interactionsEnd = i + 1;
      continue;
    }

    if (sectionLevel > 0 && text.trim() !== '') {
      out.interactionsEnd = i + 1;
      const marker = listItemLength(text);
      if (marker > 0) readLogEntry(text, marker, lines, i, out);
    }
  }
  // The note keeps these arrays: without their spare slots.
  out.interactions = compact(out.interactions);
  detachTexts(out.interactions);
  out.tasks = compact(out.tasks);
  out.links = compact(out.links);
  return out;
}

/** `^[ \t]*[-*+][ \t]+` read without a regex: the length of a list item's marker and blanks, or 0. */
function listItemLength(text: string): number {
  let i = 0;
  let c = text.charCodeAt(0);
  while (c === 32 || c === 9) c = text.charCodeAt(++i);
  if (c !== 45 && c !== 42 && c !== 43) return 0;
  c = text.charCodeAt(++i);
  if (c !== 32 && c !== 9) return 0;
  while (c === 32 || c === 9) c = text.charCodeAt(++i);
  return i;
}

/** The log entry in `text` from `offset` (after the list marker), if it starts with a date. */
function readLogEntry(text: string, offset: number, lines: readonly string[], line: number, out: BodyScan): void {
  // `test`, not `exec`: the token is the whole match, and test builds no match array.
  DATE_TOKEN_AT.lastIndex = offset;
  if (!DATE_TOKEN_AT.test(text)) return;
  const dateToken = text.slice(offset, DATE_TOKEN_AT.lastIndex);
  const date = parseCalendarDate(dateToken);
  if (!date.ok) {
    out.problems.push(problem(ProblemCode.invalidDate, 'error', `Invalid date '${dateToken}' in the interaction log: ${date.reason}.`,
      lineRange(line, offset, offset + dateToken.length)));
    return;
  }
  LOG_ENTRY_AT.lastIndex = offset;
  const entry = LOG_ENTRY_AT.exec(text);
  const word = entry?.[1] ?? '';
  const kind = interactionKind(word);
  if (!entry || !kind) {
    const at = offset + dateToken.length + 1;
    out.problems.push(problem(ProblemCode.unknownInteraction, 'warning',
      `Unknown interaction kind '${word}'. Use one of: ${INTERACTION_KINDS.join(', ')}.`, lineRange(line, at, Math.min(at + word.length, lines[line].length))));
    return;
  }
  out.interactions.push({ date: date.date, kind, direction: DIRECTIONS[kind], text: entry[2].trim(), line });
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

function readTask(m: RegExpExecArray, lines: readonly string[], line: number, problems: Problem[]): Task {
  const done = m[1] !== ' ';
  let text = m[2];
  let dueText: string | null = null;
  // In order of precedence, each syntax tried only when the one before is absent.
  let field: RegExpExecArray | null = null;
  let leading: RegExpExecArray | null = null;
  const emoji = DUE_EMOJI.exec(text);
  if (emoji) {
    dueText = emoji[1];
    text = text.replace(emoji[0], '');
  } else if ((field = DUE_FIELD.exec(text))) {
    dueText = field[1].trim();
    text = text.replace(field[0], '');
  } else if ((leading = DATE_TOKEN.exec(text))) {
    dueText = leading[1];
    text = text.slice(leading[0].length);
  }
  let due = null;
  if (dueText !== null) {
    const parsed = parseCalendarDate(dueText);
    if (parsed.ok) due = parsed.date;
    else {
      const col = lines[line].indexOf(dueText);
      problems.push(problem(ProblemCode.invalidDate, 'error', `Invalid due date '${dueText}': ${parsed.reason}.`,
        lineRange(line, Math.max(col, 0), Math.max(col, 0) + dueText.length)));
    }
  }
  return { text: detach(text.replace(/\s+/g, ' ').trim()), due, done, line };
}

function collectLinks(text: string, line: number, links: WikiLink[]): void {
  WIKILINK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WIKILINK.exec(text)) !== null) {
    const target = linkTarget(m[1]);
    if (target === '') continue;
    links.push({ target: detach(target), range: lineRange(line, m.index, m.index + m[0].length) });
  }
}

const LINK_DECORATION = /[|#[\]]/;

/** `Jane Smith#Log|Dr. Smith` → `Jane Smith`. */
export function linkTarget(inner: string): string {
  // Most links are a plain name: then there is nothing to split off or strip.
  if (!LINK_DECORATION.test(inner)) return inner.trim();
  return inner.split('|')[0].split('#')[0].replace(/^\[+|\]+$/g, '').trim();
}
