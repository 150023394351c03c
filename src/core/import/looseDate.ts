import { parseCalendarDate, type CalendarDate, type DateParse } from '../dates';
import { shown } from './types';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

function fullYear(text: string): number {
  const y = Number(text);
  // Two-digit years come from spreadsheets re-saving an export: nobody networked in 1925.
  if (text.length === 2) return y < 70 ? 2000 + y : 1900 + y;
  return y;
}

function ymd(year: number, month: number, day: number): DateParse {
  return parseCalendarDate(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/**
 * Reads the dates exports write: ISO `2025-03-12`, LinkedIn's `12 Mar 2025`,
 * `12-Mar-25`, `Mar 12, 2025`, `2025/03/12`, and `3/25/2025` when the day is over 12.
 * `3/4/2025` is refused as ambiguous rather than guessed: a wrong `met` date is
 * worse than none. Never goes through `Date` parsing, so the machine's zone cannot shift it.
 */
export function parseLooseDate(input: string, order: 'mdy' | null = null): DateParse {
  const text = withoutTime(input.trim().replace(/\s+/g, ' '));
  if (text === '') return { ok: false, reason: 'empty' };
  const iso = parseCalendarDate(text);
  if (iso.ok) return iso;

  let m = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?,?[ -](\d{4}|\d{2})$/.exec(text);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()];
    if (month) return ymd(fullYear(m[3]), month, Number(m[1]));
  }
  m = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS[m[1].toLowerCase()];
    if (month) return ymd(Number(m[3]), month, Number(m[2]));
  }
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = fullYear(m[3]);
    if (a > 12 && b <= 12) return ymd(year, b, a);
    if (b > 12 && a <= 12) return ymd(year, a, b);
    if (a === b) return ymd(year, a, b);
    // A source known to write US dates (LinkedIn's `1/8/18, 6:14 PM`) settles the order.
    if (order === 'mdy' && a <= 12 && b <= 31) return ymd(year, a, b);
    if (a <= 12 && b <= 12) return { ok: false, reason: 'day and month could be either way round; write it as YYYY-MM-DD' };
  }
  return { ok: false, reason: 'not a date this importer knows (use YYYY-MM-DD or 12 Mar 2025)' };
}

/**
 * A time after the date is not needed for `met`: `1/8/18, 6:14 PM`, `2020-01-08 14:06:00 UTC`,
 * `2020-01-08T14:06:00Z`. Anchored and without nested repeats, so linear.
 */
function withoutTime(text: string): string {
  const m = /^(.*?\d)(?:,? |T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[AaPp]\.?[Mm]\.?)?(?: ?(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?$/.exec(text);
  return m ? m[1] : text;
}

/** The date, or null plus a warning on the person (the rest of the row still imports). */
export function metDate(text: string | null | undefined, warnings: string[], column: string, order: 'mdy' | null = null): CalendarDate | null {
  if (text == null || text.trim() === '') return null;
  const parsed = parseLooseDate(text, order);
  if (parsed.ok) return parsed.date;
  warnings.push(`${column} '${shown(text)}' not used: ${parsed.reason}`);
  return null;
}
