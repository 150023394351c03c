import { daysBetween, type CalendarDate } from './dates';
import { ruleDescriptor } from './rules/catalog';
import { isOverdue } from './timing';
import type { FollowUp } from './rules/types';
import type { ContactNote } from './types';

/** What a contact needs now, for the tree's icon and description. */
export type ContactState = 'overdue' | 'due-soon' | 'waiting' | 'dormant' | 'ok';

export const DUE_SOON_DAYS = 3;

export function contactState(contact: ContactNote, followUps: readonly FollowUp[], today: CalendarDate): ContactState {
  if (contact.status === 'dormant' || contact.status === 'archived' || contact.status === 'paused') return 'dormant';
  if (followUps.some((f) => isOverdue(f, today))) return 'overdue';
  if (followUps.some((f) => f.code !== 'attempts-exhausted' && daysBetween(today, f.due) <= DUE_SOON_DAYS)) return 'due-soon';
  if (contact.status === 'waiting' || followUps.some((f) => ruleDescriptor(f.code).waiting === true)) return 'waiting';
  return 'ok';
}

/** "today", "tomorrow", "in 3 days", "2 days ago": short enough for a tree's description. */
export function relativeDue(due: CalendarDate, today: CalendarDate): string {
  const d = daysBetween(today, due);
  if (d === 0) return 'today';
  if (d === 1) return 'tomorrow';
  if (d === -1) return 'yesterday';
  return d > 0 ? `in ${d} days` : `${-d} days ago`;
}

export { bucketOf, isOverdue, type Bucket as AgendaBucket } from './timing';
