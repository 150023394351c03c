import { daysBetween, type CalendarDate } from './dates';
import type { FollowUp } from './rules/types';
import type { ContactNote } from './types';

/** What a contact needs now, for the tree's icon and description. */
export type ContactState = 'overdue' | 'due-soon' | 'waiting' | 'dormant' | 'ok';

export const DUE_SOON_DAYS = 3;

export function contactState(contact: ContactNote, followUps: readonly FollowUp[], today: CalendarDate): ContactState {
  if (contact.status === 'dormant' || contact.status === 'archived' || contact.status === 'paused') return 'dormant';
  if (followUps.some((f) => isOverdue(f, today))) return 'overdue';
  if (followUps.some((f) => f.code !== 'attempts-exhausted' && daysBetween(today, f.due) <= DUE_SOON_DAYS)) return 'due-soon';
  if (contact.status === 'waiting' || followUps.some((f) => f.code === 'awaiting-reply' || f.code === 'attempts-exhausted')) return 'waiting';
  return 'ok';
}

/**
 * Past its due date and asking for action. Hints (such as "stop nudging") are advice,
 * not debts, so they never count as overdue. The tree, the badge and the status bar
 * all count with this one test so their numbers agree.
 */
export function isOverdue(f: Pick<FollowUp, 'due' | 'severity'>, today: CalendarDate): boolean {
  return f.due < today && f.severity !== 'hint';
}

/** "today", "tomorrow", "in 3 days", "2 days ago": short enough for a tree's description. */
export function relativeDue(due: CalendarDate, today: CalendarDate): string {
  const d = daysBetween(today, due);
  if (d === 0) return 'today';
  if (d === 1) return 'tomorrow';
  if (d === -1) return 'yesterday';
  return d > 0 ? `in ${d} days` : `${-d} days ago`;
}

export type AgendaBucket = 'overdue' | 'today' | 'week' | 'later';

export function bucketOf(f: Pick<FollowUp, 'due' | 'severity'>, today: CalendarDate): AgendaBucket {
  if (isOverdue(f, today)) return 'overdue';
  const d = daysBetween(today, f.due);
  if (d <= 0) return 'today';
  return d <= 7 ? 'week' : 'later';
}
