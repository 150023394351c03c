import type { Note } from '../../types';
import type { RuleContext, ScheduledFollowUp } from '../types';
import { closeAfterMatch } from './afterMatch';
import { postInterviewQuiet } from './postInterview';

/**
 * Policies that span rules, applied to one note's follow-ups after every rule ran:
 * the post-interview quiet, then the season closing at the Match.
 */
export function applySeasonPolicies(note: Note, ctx: RuleContext, found: ScheduledFollowUp[]): ScheduledFollowUp[] {
  return closeAfterMatch(ctx, postInterviewQuiet(note, ctx, found));
}
