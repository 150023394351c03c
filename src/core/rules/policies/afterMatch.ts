import { seasonIndexOf } from '../seasonContext';
import type { RuleContext, ScheduledFollowUp } from '../types';

/**
 * The season's reminders: letters, interviews and the ERAS update. They close on the
 * Match (the profile's `match.date`, else the `season.matchDay` setting): from then on
 * they are neither shown nor listed as coming. `match-news` takes over, and
 * `post-interview-contact` still reports what was logged, as it is not a reminder.
 */
export const SEASON_REMINDERS: ReadonlySet<string> = new Set([
  'letter-no-answer', 'letter-materials', 'letter-reminder', 'letter-thank-you', 'interview-respond', 'interview-prep', 'eras-update',
]);

export function closeAfterMatch(ctx: RuleContext, found: ScheduledFollowUp[]): ScheduledFollowUp[] {
  if (found.length === 0) return found;
  const match = seasonIndexOf(ctx).matchDate;
  if (match === null) return found;
  return found.filter((f) => !SEASON_REMINDERS.has(f.code) || (ctx.today < match && f.showFrom < match));
}
