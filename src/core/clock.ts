import { isCalendarDate, localToday, type CalendarDate } from './dates';

/**
 * Where "today" comes from. Everything that needs the date asks a Clock, so that the CLI,
 * the extension and every test can pin it: `RAPPORT_TODAY=2026-11-25` (or the CLI's
 * `--today`) makes the whole product live on that day, whatever the machine's date.
 */
export interface Clock {
  today(): CalendarDate;
}

/** The name of the environment variable that pins today for the CLI and the extension host. */
export const TODAY_ENV = 'RAPPORT_TODAY';

/**
 * A clock that reads `override` (a pinned date, as a string from the environment) when it
 * is a valid calendar date, else the local date of `now()`. An invalid override is an
 * error, not a silent fallback: a test that pins a wrong date must fail loudly.
 */
export function clockFrom(override: string | undefined, now: () => Date = () => new Date()): Clock {
  const pinned = override?.trim();
  if (pinned) {
    if (!isCalendarDate(pinned)) throw new Error(`${TODAY_ENV}=${JSON.stringify(pinned)} is not a calendar date (YYYY-MM-DD)`);
    return { today: () => pinned };
  }
  return { today: () => localToday(now()) };
}
