import type { Note, Severity } from '../../types';
import type { ScheduledFollowUp } from '../types';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Most urgent first: severity, then the earliest due date, then the line. */
export function compareUrgency(a: ScheduledFollowUp, b: ScheduledFollowUp): number {
  return RANK[a.severity] - RANK[b.severity] || a.due.localeCompare(b.due) || a.range.start.line - b.range.start.line || a.code.localeCompare(b.code);
}

/**
 * One primary reminder per person at a time: of a contact's reminders that show
 * today, the most urgent stays; the rest ride along in its `others` (the hover and
 * the tree's tooltip list them) instead of being more rows for the same person.
 * Reminders not showing yet are left as they are: they are not reminders yet.
 * Notes that are not contacts (a rotation, a project) are not a person: unchanged.
 */
export function onePrimary(items: ScheduledFollowUp[], note: Note): ScheduledFollowUp[] {
  if (note.kind !== 'contact') return items;
  const active = items.filter((f) => f.active);
  if (active.length < 2) return items;
  const [primary, ...rest] = [...active].sort(compareUrgency);
  // A folded reconnect hint keeps its own list in its message; one level is enough for a hover.
  const others = [...(primary.others ?? []), ...rest.map((f) => ({ code: f.code, severity: f.severity, due: f.due, message: f.message, line: f.range.start.line }))];
  const merged: ScheduledFollowUp = {
    ...primary,
    message: `${primary.message} (Also for ${note.name}: ${rest.map((f) => f.code).join(', ')}; see the hover.)`,
    others,
  };
  return items.filter((f) => !f.active || f === primary).map((f) => (f === primary ? merged : f));
}
