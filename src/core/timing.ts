import { daysBetween, type CalendarDate } from './dates';
import { isRuleCode, ruleDescriptor } from './rules/catalog';
import type { Severity } from './types';

/**
 * The one meaning of "overdue", "today", "this week" and "later". The agenda, the .ics
 * feed, the status bar, the badge and every tree bucket follow-ups with these two
 * functions, so the terminal and the editor always count the same.
 */
export type Bucket = 'overdue' | 'today' | 'week' | 'later';

/** The agenda's and the Follow-ups view's "next days" window. */
export const WEEK_DAYS = 7;

/** What is needed to place a follow-up in time. */
export interface Timed {
  due: CalendarDate;
  severity: Severity;
  /** The rule's code: an advisory rule's findings are never overdue (see `RuleDescriptor.advisory`). */
  code?: string;
}

/**
 * Past its due date and asking for action. Hints (such as "stop nudging") are advice,
 * not debts, and an advisory rule's warning ("you wrote after the interview") is about
 * something already done: neither is ever overdue, and once its day has come it sits under today.
 */
export function isOverdue(f: Timed, today: CalendarDate): boolean {
  return f.due < today && f.severity !== 'hint' && !(f.code !== undefined && isRuleCode(f.code) && ruleDescriptor(f.code).advisory === true);
}

export function bucketOf(f: Timed, today: CalendarDate, days: number = WEEK_DAYS): Bucket {
  if (isOverdue(f, today)) return 'overdue';
  const d = daysBetween(today, f.due);
  if (d <= 0) return 'today';
  return d <= days ? 'week' : 'later';
}

/** Whole days late, for "(3d late)"; 0 for anything not overdue (a hint is never late). */
export function daysLate(f: Timed, today: CalendarDate): number {
  return isOverdue(f, today) ? daysBetween(f.due, today) : 0;
}
