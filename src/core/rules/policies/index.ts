import type { Note } from '../../types';
import type { RuleContext, ScheduledFollowUp } from '../types';
import { closeAfterMatch } from './afterMatch';
import { ageOut } from './aging';
import { postInterviewQuiet } from './postInterview';
import { onePrimary } from './primary';

/** Flags a log line (contact made under the post-interview policy): not a reminder to age or fold. */
const NOT_A_REMINDER = 'post-interview-contact';

/**
 * Cross-rule policies, applied to one note's follow-ups after every rule has run.
 * Order matters: the season's policies first (the post-interview quiet drops what would
 * write to a program's faculty after the interview; the season's reminders close at the
 * Match), then aging (old reminders become one `reconnect` hint, which the quiet also
 * covers, as it says "send a short, fresh note"), then one primary reminder per person
 * (so the hint competes with what is still fresh).
 */
export function applyPolicies(items: ScheduledFollowUp[], note: Note, ctx: RuleContext): ScheduledFollowUp[] {
  const seasonal = closeAfterMatch(ctx, postInterviewQuiet(note, ctx, items));
  const flags = seasonal.filter((f) => f.code === NOT_A_REMINDER);
  const reminders = seasonal.filter((f) => f.code !== NOT_A_REMINDER);
  const aged = postInterviewQuiet(note, ctx, ageOut(reminders, note, ctx));
  return flags.length === 0 ? onePrimary(aged, note) : [...onePrimary(aged, note), ...flags];
}

export { ageOut } from './aging';
export { onePrimary, compareUrgency } from './primary';
