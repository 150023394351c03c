import { addDays, daysBetween } from '../../dates';
import type { Note } from '../../types';
import { displayName } from '../facts';
import type { RuleContext, ScheduledFollowUp } from '../types';

/**
 * Reminders that age well: a reminder more than `agingLimitDays` past its due date is
 * not shown as "N days late" any longer. Every such reminder of one note becomes one
 * `reconnect` hint (hints are never overdue), carrying the lapsed ones in `others` for
 * the hover. So a vault indexed for the first time with a year of history shows what
 * is still actionable, and nothing in the agenda is ever more than the limit late.
 */
export function ageOut(items: ScheduledFollowUp[], note: Note, ctx: RuleContext): ScheduledFollowUp[] {
  const setting = ctx.settings.rules.reconnect;
  if (!setting.enabled) return items;
  const limit = ctx.settings.agingLimitDays;
  const lapsed: ScheduledFollowUp[] = [];
  const kept: ScheduledFollowUp[] = [];
  for (const f of items) {
    if (f.active && f.severity !== 'hint' && daysBetween(f.due, ctx.today) > limit) lapsed.push(f);
    else kept.push(f);
  }
  if (lapsed.length === 0) return items;
  lapsed.sort((a, b) => a.due.localeCompare(b.due) || a.range.start.line - b.range.start.line);
  const oldest = lapsed[0];
  const newest = lapsed[lapsed.length - 1];
  const contact = note.kind === 'contact';
  const what = lapsed.slice(0, 3).map((f) => `${f.action.toLowerCase()} (due ${f.due})`).join('; ') + (lapsed.length > 3 ? `; and ${lapsed.length - 3} more` : '');
  const advice = contact
    ? `Rather than a late answer, send ${displayName(note)} a short, fresh note: a brief update and one question, or let it rest.`
    : 'Look at it afresh: do it now if it still matters, or change or remove the dates.';
  const due = addDays(newest.due, limit + 1);
  kept.push({
    code: 'reconnect',
    severity: setting.severity === 'default' ? 'hint' : setting.severity,
    message: `More than ${limit} days have passed since: ${what}. ${advice}`,
    range: oldest.range,
    due,
    contact: oldest.contact,
    action: contact ? 'Reconnect with a short, fresh note' : 'Revisit the plan',
    ...(contact ? { template: 'keep-in-touch' } : {}),
    key: 'reconnect',
    showFrom: due,
    active: true,
    others: lapsed.map((f) => ({ code: f.code, severity: f.severity, due: f.due, message: f.message, line: f.range.start.line })),
  });
  return kept;
}
