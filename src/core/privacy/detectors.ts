import { dateAt } from './birthDates';
import { messageFor } from './messages';
import { isPlausibleSsn } from './ssn';
import type { LineHit, PatientIdentifierKind } from './types';
import {
  ADDRESS_CUES, AGE_CUES, BORN_SUBJECT_CUES, NOT_A_PATIENT, PATIENT_BEFORE_AGE, PHONE_CUES, ROOM_CUES, SEX_WORDS, STATISTIC_CUES,
} from './vocabulary';
import { cueAfter, cueBefore, nearestCue, nextWord, type Word, wordsOf } from './words';

/*
 * One detector per kind, each a scan of a single line. Every regex here has only
 * bounded quantifiers and starts at a fixed boundary, and keyword-led ones read
 * the value with a sticky regex at one position: the cost of a line is linear in
 * its length, however adversarial (a 200 KB run of digits and dashes included).
 */

/** A line and its words, cut on first use: most lines with a digit hold no candidate and never need them. */
class LineContext {
  private cut: readonly Word[] | null = null;

  constructor(readonly line: string) {}

  get words(): readonly Word[] {
    return (this.cut ??= wordsOf(this.line));
  }
}

/** Adds the line's findings of one kind to `out`. */
type Detector = (ctx: LineContext, out: LineHit[]) => void;

function hit(kind: PatientIdentifierKind, start: number, end: number, cue: string | null): LineHit {
  return { kind, start, end, message: messageFor(kind, cue) };
}

function stickyAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/**
 * The next match of a global regex, from `lastIndex`: what `matchAll` yields, without
 * the copy of the regex and the iterator `matchAll` makes on every call. Callers set
 * `lastIndex = 0` first and loop to null (which resets it). No pattern here matches the
 * empty string, but stepping past one keeps a future one from looping forever.
 */
function nextMatch(re: RegExp, text: string): RegExpExecArray | null {
  const m = re.exec(text);
  if (m !== null && m[0] === '') re.lastIndex++;
  return m;
}

// ---------------------------------------------------------------- record numbers

const MRN_TRIGGER = new RegExp([
  '(?<![A-Za-z])(?:',
  'm\\.?r\\.?n\\.?',
  '|mr[ \\t]?#|mr[ \\t]?no\\.?',
  '|medical[ \\t]{1,2}record(?:[ \\t]{1,2}(?:number|num|no\\.?)|[ \\t]?#)?',
  '|med\\.?[ \\t]{0,2}rec(?:ord)?\\.?(?:[ \\t]{1,2}(?:number|num|no\\.?)|[ \\t]?#)?',
  '|record[ \\t]{0,2}(?:#|no\\.|number)',
  '|chart(?:[ \\t]{0,2}(?:#|no\\.|number))?',
  '|patient[ \\t]{1,2}(?:id|#|number)|pt\\.?[ \\t]{0,2}(?:id|#)',
  '|hospital[ \\t]{1,2}(?:number|no\\.|#)|encounter[ \\t]{0,2}(?:#|no\\.|number)|csn',
  ')(?![A-Za-z])',
].join(''), 'gi');
const MRN_FILLER = /[ \t:=#(|\-–—.]{0,6}(?:(?:is|was)[ \t]{1,3})?[ \t:#]{0,2}/y;
/** Up to three letters, then digits with single dashes between them. */
const RECORD_ID = /[A-Za-z]{0,3}\d(?:\d|-(?=\d)){3,17}(?![\w])/y;
const DATE_SHAPED = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{2,4})$/;

function mrnLabel(trigger: string): string {
  const t = trigger.toLowerCase();
  if (t.startsWith('med')) return 'medical record';
  if (t.startsWith('m')) return 'MRN';
  if (t.startsWith('record')) return 'record #';
  if (t.startsWith('chart')) return 'chart';
  if (t.startsWith('p')) return 'patient ID';
  if (t.startsWith('hosp')) return 'hospital number';
  return 'encounter number';
}

const findMrns: Detector = ({ line }, out) => {
  MRN_TRIGGER.lastIndex = 0;
  for (let m = nextMatch(MRN_TRIGGER, line); m !== null; m = nextMatch(MRN_TRIGGER, line)) {
    const filler = stickyAt(MRN_FILLER, line, m.index + m[0].length);
    const pos = m.index + m[0].length + (filler ? filler[0].length : 0);
    const id = stickyAt(RECORD_ID, line, pos);
    if (!id) continue;
    const digits = id[0].replace(/\D/g, '').length;
    if (digits < 5 || DATE_SHAPED.test(id[0])) continue;
    out.push(hit('mrn', pos, pos + id[0].length, mrnLabel(m[0])));
  }
};

// ---------------------------------------------------------------- dates of birth

const DOB_TRIGGER = /(?<![A-Za-z])(?:d\.?[ \t]?o\.?[ \t]?b\.?|date[ \t]{1,2}of[ \t]{1,2}birth|birth[ \t]?date|born)(?![A-Za-z])/gi;
const DOB_FILLER = /[ \t:=#(|\-–—,]{0,6}(?:(?:on|in|is|was|of)[ \t]{1,3})?[ \t:]{0,2}/y;

const findBirthDates: Detector = (ctx, out) => {
  const { line } = ctx;
  DOB_TRIGGER.lastIndex = 0;
  for (let m = nextMatch(DOB_TRIGGER, line); m !== null; m = nextMatch(DOB_TRIGGER, line)) {
    const born = m[0].toLowerCase() === 'born';
    const filler = stickyAt(DOB_FILLER, line, m.index + m[0].length);
    const pos = m.index + m[0].length + (filler ? filler[0].length : 0);
    const date = dateAt(line, pos);
    if (!date) continue;
    // "born in 1970" is a faculty bio; "DOB: 1951" is a patient's chart.
    if (born && !date.hasMonth) continue;
    if (born && cueBefore(line, ctx.words, BORN_SUBJECT_CUES, m.index, 40)?.category === 'professional') continue;
    const label = born ? 'born' : /^date/i.test(m[0]) ? 'date of birth' : /^birth/i.test(m[0]) ? 'birthdate' : 'DOB';
    out.push(hit('dob', date.start, date.end, label));
  }
};

// ---------------------------------------------------------------- social security numbers

const SSN_DASHED = /(?<![\w/.-])\d{3}-\d{2}-\d{4}(?![\w-]|[./]\d)/g;
const SSN_TRIGGER = new RegExp([
  '(?<![A-Za-z])(?:ssn|ss[ \\t]?#|ss[ \\t]?no\\.?',
  '|soc(?:ial)?\\.?[ \\t]{1,2}sec(?:urity)?\\.?(?:[ \\t]{1,2}(?:number|num|no\\.?)|[ \\t]?#)?',
  '|social)(?![A-Za-z])',
].join(''), 'gi');
const SSN_FILLER = /[ \t:=#(|\-–—]{0,6}(?:(?:is|was|number|no\.?)[ \t:]{1,3})?[ \t:#]{0,2}/y;
/** Nine digits, one separator (space, dot, dash or none) used throughout. */
const SSN_NUMBER = /\d{3}([ .-]?)\d{2}\1\d{4}(?![\w]|[./-]\d)/y;

const findSsns: Detector = ({ line }, out) => {
  SSN_DASHED.lastIndex = 0;
  for (let m = nextMatch(SSN_DASHED, line); m !== null; m = nextMatch(SSN_DASHED, line)) {
    if (isPlausibleSsn(m[0])) out.push(hit('ssn', m.index, m.index + m[0].length, null));
  }
  // Spaced, dotted or bare nine digits are too common to report without the keyword.
  SSN_TRIGGER.lastIndex = 0;
  for (let m = nextMatch(SSN_TRIGGER, line); m !== null; m = nextMatch(SSN_TRIGGER, line)) {
    const filler = stickyAt(SSN_FILLER, line, m.index + m[0].length);
    const pos = m.index + m[0].length + (filler ? filler[0].length : 0);
    const n = stickyAt(SSN_NUMBER, line, pos);
    if (n && isPlausibleSsn(n[0])) out.push(hit('ssn', pos, pos + n[0].length, 'SSN'));
  }
};

// ---------------------------------------------------------------- phone numbers

const PHONE = /(?<![\w/.+-])(?:\+?1[ \t.-]{1,2})?(?:\(\d{3}\)[ \t]{0,2}|\d{3}[ \t.-]{1,2})\d{3}[ \t.-]\d{4}(?![\w-]|[./]\d)/g;
const PHONE_BARE = /(?<![\w/.+-])\d{10}(?![\w-]|[./]\d)/g;
/** Seven digits `555-0148`, unless it is the tail of a longer number. */
const PHONE_LOCAL = /(?<![\w/.+()-]|\d[ \t.]|\)[ \t]?)\d{3}-\d{4}(?![\w-]|[./]\d)/g;

const PHONE_SHAPES: readonly RegExp[] = [PHONE, PHONE_BARE, PHONE_LOCAL];

const findPhones: Detector = (ctx, out) => {
  const { line } = ctx;
  for (const re of PHONE_SHAPES) {
    re.lastIndex = 0;
    for (let m = nextMatch(re, line); m !== null; m = nextMatch(re, line)) {
      const start = m.index;
      const end = start + m[0].length;
      // The nearest cue before decides ("patients should call the clinic office at ..."); only then one after.
      const cue = cueBefore(line, ctx.words, PHONE_CUES, start, 60) ?? cueAfter(line, ctx.words, PHONE_CUES, end, 40);
      if (cue?.category === 'patient') out.push(hit('phone', start, end, cue.entry));
    }
  }
};

// ---------------------------------------------------------------- street addresses

const STREET_TYPES = 'street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|ter|circle|cir|parkway|pkwy|highway|hwy|square|sq|trail|trl|pike';
const ADDRESS = new RegExp(
  '(?<![\\w/.\\-#$])\\d{1,6}[ \\t]{1,2}'
  + '(?:(?:[NSEW]\\.?|north|south|east|west)[ \\t]{1,2})?'
  + '((?:(?:\\d{1,3}(?:st|nd|rd|th)|[A-Za-z][A-Za-z\'’]{0,20})\\.?[ \\t]{1,2}){1,3})'
  + `(${STREET_TYPES})(?![A-Za-z])`,
  'gi');
const ADDRESS_UNIT = /,?[ \t]{0,2}(?:apt|apartment|unit|suite|ste|#)\.?[ \t]{0,2}#?[A-Za-z0-9-]{1,6}(?![\w])/iy;
/** A number followed by these is a count ("3 patients with Dr. Soto"), not a house number. */
const NOT_STREET_WORDS: ReadonlySet<string> = new Set([
  'with', 'and', 'the', 'at', 'to', 'of', 'in', 'on', 'for', 'from', 'by', 'a', 'an', 'is', 'was',
  'are', 'were', 'my', 'his', 'her', 'our', 'their', 'pt', 'pts', 'patient', 'patients', 'min',
  'mins', 'minutes', 'hours', 'hrs', 'days', 'weeks', 'months', 'years', 'cases', 'flaps',
  'residents', 'people', 'times', 'more', 'other', 'new', 'per',
]);

const findAddresses: Detector = (ctx, out) => {
  const { line } = ctx;
  ADDRESS.lastIndex = 0;
  for (let m = nextMatch(ADDRESS, line); m !== null; m = nextMatch(ADDRESS, line)) {
    const nameWords = m[1].toLowerCase().split(/[ \t.]+/).filter(Boolean);
    if (nameWords.some((w) => NOT_STREET_WORDS.has(w))) continue;
    let end = m.index + m[0].length;
    // "Dr. Soto" after a number is a person, not "Drive".
    if (m[2].toLowerCase() === 'dr' && /^\.?[ \t]{1,2}[A-Z]/.test(line.slice(end, end + 4))) continue;
    const unit = stickyAt(ADDRESS_UNIT, line, end);
    if (unit) end += unit[0].length;
    const cue = cueBefore(line, ctx.words, ADDRESS_CUES, m.index, 80) ?? cueAfter(line, ctx.words, ADDRESS_CUES, end, 40);
    if (cue?.category === 'patient') out.push(hit('address', m.index, end, cue.entry));
  }
};

// ---------------------------------------------------------------- ages

const AGE_WITH_UNIT = new RegExp(
  '(?<![\\w$./\\-])(\\d{1,3})(?:[ \\t]{0,2}|-)'
  + '(y/o|y\\.o\\.?|yo|(?:years?|yrs?)[ \\t-]old|(?:years?|yrs?)[ \\t]of[ \\t]age'
  + '|(?:months?|mos?|mo\\.|weeks?|wks?|days?)[ \\t-]old)'
  + '([MF])?(?![A-Za-z0-9])',
  'gi');
/** "45M", "65F": upper case only, so "45m" (minutes, metres) is left alone. */
const AGE_SEX = /(?<![\w$./\-,])(\d{1,3})([MF])(?![A-Za-z0-9]|[.,]\d)/g;
const AGE_WORD = /(?<![A-Za-z])(aged?)[ \t]{0,2}:?[ \t]{0,2}(\d{1,3})(?!\d|[ \t]?[-–][ \t]?\d|[ \t]{1,2}(?:to|and|or)[ \t]{1,2}\d)/gi;
/** "pt, 33, s/p ...", "patient is 72, hx ...": a bare number as the patient's age. */
const AGE_AFTER_PATIENT = /(?<![A-Za-z])(?:pt|patient)(?:[ \t]{0,2},|[ \t]{1,2}is)[ \t]{1,2}(\d{1,3})(?=[ \t]{0,2},|[ \t]{1,2}(?:[MF]|y|yrs?|years?)(?![A-Za-z]))/gi;
/** After "45M": money and counts, not a patient. */
const NOT_AGE_AFTER_SEX: ReadonlySet<string> = new Set([
  'budget', 'grant', 'grants', 'funding', 'views', 'users', 'followers', 'dollars', 'raised', 'in', 'of',
]);

function clinicalCue(ctx: LineContext, start: number, end: number): string | null {
  const after = cueAfter(ctx.line, ctx.words, AGE_CUES, end, 50);
  if (after) return after.entry;
  const before = cueBefore(ctx.line, ctx.words, PATIENT_BEFORE_AGE, start, 30);
  return before ? before.entry : null;
}

const findAges: Detector = (ctx, out) => {
  const { line } = ctx;
  AGE_WITH_UNIT.lastIndex = 0;
  for (let m = nextMatch(AGE_WITH_UNIT, line); m !== null; m = nextMatch(AGE_WITH_UNIT, line)) {
    const age = Number(m[1]);
    if (age < 1 || age > 125) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (m[3] !== undefined) {
      out.push(hit('age', start, end, 'M/F'));
      continue;
    }
    const next = nextWord(ctx.words, end, 3);
    if (next && NOT_A_PATIENT.has(next.text)) continue;
    if (next && SEX_WORDS.has(next.text)) {
      out.push(hit('age', start, end, next.text.length === 1 ? 'M/F' : next.text));
      continue;
    }
    const cue = clinicalCue(ctx, start, end);
    if (cue) out.push(hit('age', start, end, cue));
  }
  AGE_SEX.lastIndex = 0;
  for (let m = nextMatch(AGE_SEX, line); m !== null; m = nextMatch(AGE_SEX, line)) {
    const age = Number(m[1]);
    if (age < 1 || age > 110) continue;
    const start = m.index;
    const end = start + m[0].length;
    const next = nextWord(ctx.words, end, 3);
    if (next && (NOT_A_PATIENT.has(next.text) || NOT_AGE_AFTER_SEX.has(next.text))) continue;
    const cue = clinicalCue(ctx, start, end);
    if (cue) out.push(hit('age', start, end, cue));
  }
  AGE_AFTER_PATIENT.lastIndex = 0;
  for (let m = nextMatch(AGE_AFTER_PATIENT, line); m !== null; m = nextMatch(AGE_AFTER_PATIENT, line)) {
    const age = Number(m[1]);
    if (age < 1 || age > 125) continue;
    const end = m.index + m[0].length;
    const start = end - m[1].length;
    const cue = cueAfter(line, ctx.words, AGE_CUES, end, 50);
    if (cue) out.push(hit('age', start, end, cue.entry));
  }
  AGE_WORD.lastIndex = 0;
  for (let m = nextMatch(AGE_WORD, line); m !== null; m = nextMatch(AGE_WORD, line)) {
    const age = Number(m[2]);
    if (age < 1 || age > 125) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (cueBefore(line, ctx.words, STATISTIC_CUES, start, 12)) continue;
    const cue = clinicalCue(ctx, start, end);
    if (cue) out.push(hit('age', start, end, cue));
  }
};

// ---------------------------------------------------------------- rooms and beds

// Not after a letter, digit, `_` or `-`: `4bed12`, `3f2a-bed7` are hex ids and Dendron ids, not a bed.
const ROOM = /(?<![A-Za-z0-9_-])(room|rm|bed|bay)\.?[ \t]{0,2}(?:(?:#|no\.?|number)[ \t]{0,2})?([A-Za-z]?\d{1,4}[A-Za-z]?)(?![\w-]|[.:]\d)/gi;

const findRooms: Detector = (ctx, out) => {
  const { line } = ctx;
  ROOM.lastIndex = 0;
  for (let m = nextMatch(ROOM, line); m !== null; m = nextMatch(ROOM, line)) {
    const numberStart = m.index + m[0].length - m[2].length;
    const end = m.index + m[0].length;
    const cue = nearestCue(line, ctx.words, ROOM_CUES, m.index, end, 60, 60);
    // A bed is a patient's unless the line is about somewhere else; a room needs a clinical word.
    const isBed = m[1].toLowerCase() === 'bed';
    if (isBed ? cue?.category !== 'elsewhere' : cue?.category === 'clinical') {
      out.push(hit('room', numberStart, end, cue ? cue.entry : m[1].toLowerCase()));
    }
  }
};

// ---------------------------------------------------------------- the line scan

/** Which finding keeps a span claimed by two detectors: the more specific one. */
const PRIORITY: Record<PatientIdentifierKind, number> = { ssn: 7, mrn: 6, dob: 5, phone: 4, address: 3, age: 2, room: 1 };
const DETECTORS: readonly Detector[] = [findMrns, findBirthDates, findSsns, findPhones, findAddresses, findAges, findRooms];
const HAS_DIGIT = /\d/;
/**
 * A line whose only digits are the date it starts with, as nearly every log entry is
 * (`- 2026-10-14 emailed: ...`). Nothing can precede the date for a keyword to point at
 * it, and its digits alone (4-2-2, each run after a dash or the line start) fit no
 * pattern here: such a line has no finding, and skipping it changes none.
 */
const DATE_ONLY_DIGITS = /^[ \t]*(?:[-*+][ \t]+)?\d{4}-\d{2}-\d{2}\D*$/;

/** Every likely patient identifier in one line, in order, without overlaps. */
export function scanLine(line: string): LineHit[] {
  // Every kind is anchored on a digit: most lines of a note have none and cost one test.
  if (!HAS_DIGIT.test(line) || DATE_ONLY_DIGITS.test(line)) return [];
  const ctx = new LineContext(line);
  const hits: LineHit[] = [];
  for (const detect of DETECTORS) detect(ctx, hits);
  if (hits.length === 0) return hits;
  hits.sort((a, b) => a.start - b.start || PRIORITY[b.kind] - PRIORITY[a.kind] || b.end - a.end);
  const kept: LineHit[] = [];
  for (const h of hits) {
    const last = kept[kept.length - 1];
    if (!last || h.start >= last.end) kept.push(h);
    else if (PRIORITY[h.kind] > PRIORITY[last.kind]) kept[kept.length - 1] = h;
  }
  return kept;
}
