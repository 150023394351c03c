import type { Note } from '../../types';
import type { RuleContext, ScheduledFollowUp } from '../types';
import { ageOut } from './aging';
import { onePrimary } from './primary';

/**
 * Cross-rule policies, applied to one note's follow-ups after every rule has run.
 * Order matters: aging first (old reminders become one `reconnect` hint), then one
 * primary reminder per person (so the hint competes with what is still fresh).
 */
export function applyPolicies(items: ScheduledFollowUp[], note: Note, ctx: RuleContext): ScheduledFollowUp[] {
  return onePrimary(ageOut(items, note, ctx), note);
}
