/**
 * Reads the date written right after a birth keyword ("DOB 03/14/1952", "born on
 * March 3, 1958"). Sticky regexes anchored at one position: each attempt costs a
 * bounded number of steps, whatever the rest of the line holds.
 */

const MONTHS: ReadonlySet<string> = new Set([
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june',
  'jul', 'july', 'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november',
  'dec', 'december',
]);

/** `1944-12-09`. */
const ISO = /(\d{4})-(\d{1,2})-(\d{1,2})(?![\d\-/.])/y;
/** `03/14/1952`, `7-4-49`, `06.05.2025`, `3/14`: one separator used throughout. */
const NUMERIC = /(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/]|[.-]\d)/y;
/** `3/1952`. */
const MONTH_YEAR_NUMERIC = /(\d{1,2})\/(\d{4})(?![\d/])/y;
/** `March 3, 1958`, `Sept. 21, 1939`, `Jan 5th 1990`, `March 1958`. */
const WORDY_MDY = /([A-Za-z]{3,9})\.?[ \t]{1,2}(?:(\d{1,2})(?:st|nd|rd|th)?(?![\d])(?:,?[ \t]{1,2}(\d{4}))?|(\d{4}))(?!\d)/y;
/** `12 Jan 1970`, `3rd of May, 1960`. */
const WORDY_DMY = /(\d{1,2})(?:st|nd|rd|th)?[ \t]{1,2}(?:of[ \t]{1,2})?([A-Za-z]{3,9})\.?(?:,?[ \t]{1,2}(\d{4}))?(?![\d])/y;
const YEAR = /(?:18|19|20)\d{2}(?!\d)/y;

export interface DateSpan {
  start: number;
  end: number;
  /** A year and nothing else ("DOB: 1951"). */
  yearOnly: boolean;
  /** Has a month (so "born" plus it is a birth date, unlike "born in 1970"). */
  hasMonth: boolean;
}

function monthDayOk(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** The date starting exactly at `pos`, or null. */
export function dateAt(text: string, pos: number): DateSpan | null {
  const span = (m: RegExpExecArray, yearOnly: boolean, hasMonth: boolean): DateSpan =>
    ({ start: pos, end: pos + m[0].length, yearOnly, hasMonth });

  let m = at(ISO, text, pos);
  if (m && monthDayOk(Number(m[2]), Number(m[3]))) return span(m, false, true);

  m = at(NUMERIC, text, pos);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    // US month/day first, but a day/month date is still a date.
    if (monthDayOk(a, b) || monthDayOk(b, a)) return span(m, false, true);
  }

  m = at(MONTH_YEAR_NUMERIC, text, pos);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return span(m, false, true);

  m = at(WORDY_MDY, text, pos);
  if (m && MONTHS.has(m[1].toLowerCase())) {
    if (m[4] !== undefined || (Number(m[2]) >= 1 && Number(m[2]) <= 31)) return span(m, false, true);
  }

  m = at(WORDY_DMY, text, pos);
  if (m && MONTHS.has(m[2].toLowerCase()) && Number(m[1]) >= 1 && Number(m[1]) <= 31) return span(m, false, true);

  m = at(YEAR, text, pos);
  if (m) return span(m, true, false);
  return null;
}
