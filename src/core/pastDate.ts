import { addDays, parseCalendarDate, type CalendarDate } from './dates';

export type PastDate = { ok: true; date: CalendarDate } | { ok: false; reason: string };

/** How far back a relative date may reach ("400 days ago" is a typo more often than a memory). */
export const MAX_DAYS_AGO = 366;

const DAYS_AGO = /^(\d{1,3}) days? ago$/;

/**
 * The day something happened, as a student types it when logging after the fact:
 * `YYYY-MM-DD`, `today`, `yesterday` or `N days ago`. Nothing else: every accepted
 * form names exactly one day, so there is no guessing ("last Friday" is refused).
 * The day may not be after `today`: a log records what has happened.
 */
export function parsePastDate(input: string, today: CalendarDate): PastDate {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  let date: CalendarDate;
  if (text === '' || text === 'today') date = today;
  else if (text === 'yesterday') date = addDays(today, -1);
  else {
    const ago = DAYS_AGO.exec(text);
    if (ago) {
      const n = Number(ago[1]);
      if (n > MAX_DAYS_AGO) return { ok: false, reason: `at most ${MAX_DAYS_AGO} days ago; give an older day as YYYY-MM-DD` };
      date = addDays(today, -n);
    } else {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return { ok: false, reason: 'give a date as YYYY-MM-DD, "today", "yesterday" or "N days ago"' };
      const parsed = parseCalendarDate(text);
      if (!parsed.ok) return parsed;
      date = parsed.date;
    }
  }
  if (date > today) return { ok: false, reason: `${date} is after today (${today}); log what has happened` };
  return { ok: true, date };
}
