import { parseCalendarDate } from './dates';
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

const KIND_ALIASES: Record<string, InteractionKind> = {
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
};

export const DIRECTIONS: Record<InteractionKind, Direction> = {
  met: 'both', call: 'both', meeting: 'both',
  emailed: 'out', 'followed-up': 'out', thanked: 'out',
  replied: 'in', received: 'in',
  presented: 'none', note: 'none',
};

export function interactionKind(word: string): InteractionKind | undefined {
  return KIND_ALIASES[word.toLowerCase().replace(/_/g, '-')];
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SECTION_NAMES = /^(?:interactions?|log|interaction log|contact log)$/i;
const LIST_ITEM = /^[ \t]*[-*+][ \t]+/;
const DATE_TOKEN = /^(\d{4}[-.]\d{1,2}[-.]\d{1,2}(?:T[\d:.]+(?:Z|[+-][\d:]+)?)?)\b/;
const LOG_ENTRY = /^(\S+)[ \t]+(?:—|–|-)?[ \t]*([A-Za-z][\w-]*(?: up)?)[ \t]*(?::|—|–|-)?[ \t]*(.*)$/;
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
    if (i < bodyStart) {
      // Links count in frontmatter values (met_at, shortlist) as well as in the body.
      if (text.includes('[[')) collectLinks(text, i, out.links);
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
    if (text.includes('[[')) collectLinks(text, i, out.links);

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

    const task = text.includes('[') ? TASK.exec(text) : null;
    if (task) {
      out.tasks.push(readTask(task, lines, i, out.problems));
      if (sectionLevel > 0) out.interactionsEnd = i + 1;
      continue;
    }

    if (sectionLevel > 0 && text.trim() !== '') {
      out.interactionsEnd = i + 1;
      const item = LIST_ITEM.exec(text);
      if (item) readLogEntry(text.slice(item[0].length), item[0].length, lines, i, out);
    }
  }
  return out;
}

function readLogEntry(rest: string, offset: number, lines: readonly string[], line: number, out: BodyScan): void {
  const dateToken = DATE_TOKEN.exec(rest);
  if (!dateToken) return;
  const date = parseCalendarDate(dateToken[1]);
  if (!date.ok) {
    out.problems.push(problem(ProblemCode.invalidDate, 'error', `Invalid date '${dateToken[1]}' in the interaction log: ${date.reason}.`,
      lineRange(line, offset, offset + dateToken[1].length)));
    return;
  }
  const entry = LOG_ENTRY.exec(rest);
  const word = entry?.[2] ?? '';
  const kind = interactionKind(word);
  if (!entry || !kind) {
    const at = offset + dateToken[1].length + 1;
    out.problems.push(problem(ProblemCode.unknownInteraction, 'warning',
      `Unknown interaction kind '${word}'. Use one of: ${INTERACTION_KINDS.join(', ')}.`, lineRange(line, at, Math.min(at + word.length, lines[line].length))));
    return;
  }
  out.interactions.push({ date: date.date, kind, direction: DIRECTIONS[kind], text: entry[3].trim(), line });
}

function readTask(m: RegExpExecArray, lines: readonly string[], line: number, problems: Problem[]): Task {
  const done = m[1] !== ' ';
  let text = m[2];
  let dueText: string | null = null;
  const emoji = DUE_EMOJI.exec(text);
  const field = DUE_FIELD.exec(text);
  const leading = DATE_TOKEN.exec(text);
  if (emoji) {
    dueText = emoji[1];
    text = text.replace(emoji[0], '');
  } else if (field) {
    dueText = field[1].trim();
    text = text.replace(field[0], '');
  } else if (leading) {
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
  return { text: text.replace(/\s+/g, ' ').trim(), due, done, line };
}

function collectLinks(text: string, line: number, links: WikiLink[]): void {
  WIKILINK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WIKILINK.exec(text)) !== null) {
    const target = linkTarget(m[1]);
    if (target === '') continue;
    links.push({ target, range: lineRange(line, m.index, m.index + m[0].length) });
  }
}

/** `Jane Smith#Log|Dr. Smith` → `Jane Smith`. */
export function linkTarget(inner: string): string {
  return inner.split('|')[0].split('#')[0].replace(/^\[+|\]+$/g, '').trim();
}
