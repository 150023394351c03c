import { clockFrom, TODAY_ENV, type Clock } from '../core/clock';

/**
 * The process's clock: the machine's local date unless `RAPPORT_TODAY` pins it. The CLI and
 * the extension host both take today from here; the test runners set the variable.
 */
export function processClock(env: Record<string, string | undefined> = typeof process === 'undefined' ? {} : process.env): Clock {
  return clockFrom(env[TODAY_ENV]);
}
