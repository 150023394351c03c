import { parseCalendarDate, type CalendarDate } from './dates';

/**
 * Dates written the ways people write them (`Oct 12, 2026`, `12 October 2026`,
 * `2026/10/12`, `13/05/2026`), read only to suggest the `YYYY-MM-DD` Rapport needs.
 * Never a guess between month and day orders: `11/05/2026` could be either, and then
 * there is no suggestion, only both readings named. Every pattern is sticky, read at
 * one position with bounded quantifiers.
 */
export interface LooseDate {
  start: number;
  end: number;
  /** The date meant, when there is exactly one. */
  suggestion: CalendarDate | null;
  /** Why there is no suggestion (two readings, or no such day). */
  note: string | null;
}

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const YMD = /(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?![\d])/y;
const NUMERIC = /(\d{1,2})([-./])(\d{1,2})\2(\d{4})(?!\d)/y;
const MONTH_DAY_YEAR = new RegExp(`(${MONTHS})\\.?[ \\t]{1,3}(\\d{1,2})(?:st|nd|rd|th)?,?[ \\t]{1,3}(\\d{4})(?!\\d)`, 'iy');
const DAY_MONTH_YEAR = new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?[ \\t]{1,3}(${MONTHS})\\.?,?[ \\t]{1,3}(\\d{4})(?!\\d)`, 'iy');
const MONTH_INDEX = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function ymd(year: number, month: number, day: number): CalendarDate | null {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const parsed = parseCalendarDate(text);
  return parsed.ok ? parsed.date : null;
}

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** A date-like token at `at`, or null when nothing there looks like a date. */
export function readLooseDate(text: string, at: number): LooseDate | null {
  let m = sticky(YMD, text, at);
  if (m) return found(at, m[0].length, ymd(+m[1], +m[2], +m[3]));
  if ((m = sticky(MONTH_DAY_YEAR, text, at))) return found(at, m[0].length, ymd(+m[3], MONTH_INDEX.indexOf(m[1].slice(0, 3).toLowerCase()) + 1, +m[2]));
  if ((m = sticky(DAY_MONTH_YEAR, text, at))) return found(at, m[0].length, ymd(+m[3], MONTH_INDEX.indexOf(m[2].slice(0, 3).toLowerCase()) + 1, +m[1]));
  if ((m = sticky(NUMERIC, text, at))) {
    const a = +m[1];
    const b = +m[3];
    const year = +m[4];
    if (a === b || b > 12) return found(at, m[0].length, ymd(year, a, b));
    if (a > 12) return found(at, m[0].length, ymd(year, b, a));
    return {
      start: at, end: at + m[0].length, suggestion: null,
      note: `${m[0]} could be ${MONTH_NAMES[a - 1]} ${b} or ${MONTH_NAMES[b - 1]} ${a}`,
    };
  }
  return null;
}

function found(at: number, length: number, date: CalendarDate | null): LooseDate {
  return { start: at, end: at + length, suggestion: date, note: date === null ? 'no such day' : null };
}

/** ` Did you mean 2026-10-12?`, or why Rapport cannot tell, or nothing. */
export function didYouMean(loose: LooseDate | null): string {
  if (!loose) return '';
  if (loose.suggestion) return ` Did you mean ${loose.suggestion}?`;
  return loose.note ? ` (${loose.note}: write it as YYYY-MM-DD.)` : '';
}
