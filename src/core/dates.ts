/**
 * Calendar dates as plain `YYYY-MM-DD` strings. A frontmatter date is the day the
 * user meant, so nothing here goes through the machine's time zone: arithmetic uses
 * day numbers computed with Date.UTC, which is zone-free.
 */

/** A valid calendar date, `YYYY-MM-DD`. Compare with `<`, `===`: the format sorts. */
export type CalendarDate = string & { readonly __calendarDate?: never };

const MS_PER_DAY = 86_400_000;

const DATE_SHAPES: RegExp[] = [
  // 2026-10-12, optionally followed by a time and a zone: the date part is what was meant.
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
  // Dendron-style 2026.10.12
  /^(\d{4})\.(\d{2})\.(\d{2})$/,
];

export type DateParse = { ok: true; date: CalendarDate } | { ok: false; reason: string };

/** Parses a frontmatter or log date. 2024-02-30 is invalid, never rolled over to March. */
export function parseCalendarDate(input: string): DateParse {
  const text = input.trim();
  // The common case, a canonical `YYYY-MM-DD`: its numbers read from the digits, no substrings.
  if (text.length === 10 && ISO_DAY.test(text)) {
    return checkYmd(digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3),
      digit(text, 5) * 10 + digit(text, 6), digit(text, 8) * 10 + digit(text, 9));
  }
  for (const shape of DATE_SHAPES) {
    const m = shape.exec(text);
    if (!m) continue;
    return checkYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return { ok: false, reason: 'expected a date as YYYY-MM-DD' };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function digit(text: string, i: number): number {
  return text.charCodeAt(i) - 48;
}

function checkYmd(year: number, month: number, day: number): DateParse {
  if (month < 1 || month > 12) return { ok: false, reason: `month ${String(month).padStart(2, '0')} does not exist` };
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return { ok: false, reason: `${monthName(month)} ${year} has ${last} days, not ${day}` };
  return { ok: true, date: dayString(year, month, day) };
}

/**
 * One string per calendar day. A vault repeats a few hundred days thousands of times
 * (eight log entries a note), and every note would otherwise keep its own copy of each
 * date it names. Keyed by a number, so finding the day costs no string hashing; bounded,
 * starting afresh when full, which only costs a few new copies.
 */
const DAY_STRINGS = new Map<number, CalendarDate>();
const DAY_STRINGS_MAX = 4096;

function dayString(year: number, month: number, day: number): CalendarDate {
  const key = (year * 100 + month) * 100 + day;
  let date = DAY_STRINGS.get(key);
  if (date === undefined) {
    if (DAY_STRINGS.size >= DAY_STRINGS_MAX) DAY_STRINGS.clear();
    date = formatYmd(year, month, day);
    DAY_STRINGS.set(key, date);
  }
  return date;
}

/** True when `text` is already a canonical, valid `YYYY-MM-DD` date. */
export function isCalendarDate(text: string): text is CalendarDate {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && parseCalendarDate(text).ok;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

function monthName(month: number): string {
  return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1] ?? '';
}

function formatYmd(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 for a calendar date. */
export function dayNumber(date: CalendarDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function fromDayNumber(n: number): CalendarDate {
  const d = new Date(n * MS_PER_DAY);
  return formatYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function maxDate(a: CalendarDate | null, b: CalendarDate | null): CalendarDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/**
 * The local calendar date of an instant. This is the one place the machine's zone
 * is used: "today" for a person is the date on their wall clock.
 */
export function localToday(now: Date = new Date()): CalendarDate {
  return formatYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Parses an interval such as `45d`, `6w`, `3mo`, `1y` or ISO `P45D`, `P6W`, `P3M` into days. */
export function parseCadence(input: string): number | null {
  const text = input.trim().toLowerCase();
  const simple = /^(\d{1,4})\s*(d|day|days|w|wk|week|weeks|m|mo|month|months|y|yr|year|years)$/.exec(text);
  const iso = /^p(?:(\d{1,4})y)?(?:(\d{1,4})m)?(?:(\d{1,4})w)?(?:(\d{1,4})d)?$/.exec(text);
  let days: number | null = null;
  if (simple) {
    const n = Number(simple[1]);
    const unit = simple[2][0];
    days = unit === 'd' ? n : unit === 'w' ? n * 7 : unit === 'm' ? n * 30 : n * 365;
  } else if (iso && text !== 'p') {
    days = Number(iso[1] ?? 0) * 365 + Number(iso[2] ?? 0) * 30 + Number(iso[3] ?? 0) * 7 + Number(iso[4] ?? 0);
  } else if (/^\d{1,4}$/.test(text)) {
    days = Number(text);
  }
  return days !== null && days > 0 ? days : null;
}
