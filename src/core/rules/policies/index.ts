import type { Note } from '../../types';
import { ruleDescriptor } from '../catalog';
import type { RuleContext, ScheduledFollowUp } from '../types';
import { closeAfterMatch } from './afterMatch';
import { ageOut } from './aging';
import { postInterviewQuiet } from './postInterview';
import { onePrimary } from './primary';

/** Advisory findings flag something already done (see `RuleDescriptor.advisory`): not reminders to age or fold. */
function isReminder(f: ScheduledFollowUp): boolean {
  return ruleDescriptor(f.code).advisory !== true;
}

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
  const flags = seasonal.filter((f) => !isReminder(f));
  const reminders = seasonal.filter(isReminder);
  const aged = postInterviewQuiet(note, ctx, ageOut(reminders, note, ctx));
  return flags.length === 0 ? onePrimary(aged, note) : [...onePrimary(aged, note), ...flags];
}
