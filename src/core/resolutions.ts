import { addDays, type CalendarDate } from './dates';
import { appendInteraction, completeTask, setFrontmatterField, type EditResult } from './edits';
import { parseNote } from './parseNote';
import type { FollowUp } from './rules/types';
import type { InteractionKind } from './types';

/** The interaction that answers each rule, and the words logged with it. */
const ANSWERS: Partial<Record<FollowUp['code'], { kind: InteractionKind; summary: string }>> = {
  'conference-follow-up': { kind: 'emailed', summary: 'conference follow-up' },
  'awaiting-reply': { kind: 'followed-up', summary: 'polite follow-up' },
  'reply-owed': { kind: 'emailed', summary: 'replied' },
  'rotation-thank-you': { kind: 'thanked', summary: 'thank-you after the rotation' },
  'eras-update': { kind: 'emailed', summary: 'ERAS season update' },
  'keep-in-touch': { kind: 'emailed', summary: 'keeping in touch' },
  'rotation-feedback': { kind: 'feedback', summary: 'asked for mid-rotation feedback' },
  'report-back': { kind: 'emailed', summary: 'reported back on the advice' },
  'meeting-prep': { kind: 'emailed', summary: 'sent my agenda and CV ahead of the meeting' },
  'pre-rotation': { kind: 'emailed', summary: 'wrote to the coordinator before the rotation' },
  'rotation-interest': { kind: 'note', summary: 'told them of my interest in the program' },
  'research-check-in': { kind: 'emailed', summary: 'project progress update' },
  reconnect: { kind: 'emailed', summary: 'reconnected with a short note' },
};

/** Closes an incoming message that needs no answer ("good luck!"): reply-owed stops asking. */
export function noReplyNeededEdit(text: string, today: CalendarDate): EditResult {
  return appendInteraction(text, today, 'no-reply-needed', 'no answer needed');
}

export const FOLLOW_UP_ALIASES = ['follow_up', 'next_follow_up', 'followup', 'follow-up', 'due'];
export const SNOOZE_ALIASES = ['snoozed_until', 'snooze'];

/** The kind of interaction a user most likely wants to log for a follow-up. */
export function suggestedKind(code: string | undefined): InteractionKind {
  return (code && ANSWERS[code as FollowUp['code']]?.kind) || 'emailed';
}

/** True when "Mark follow-up done" has a meaning for this rule. */
export function canMarkDone(code: string): boolean {
  return code === 'follow-up-due' || code === 'attempts-exhausted' || code in ANSWERS;
}

/**
 * The smallest edit that settles a follow-up: tick its task, clear its date, or log
 * the interaction that answers it (which the rules then see).
 */
export function markDoneEdit(text: string, path: string, followUp: { code: string; range: FollowUp['range'] }, today: CalendarDate): EditResult {
  if (followUp.code === 'follow-up-due') {
    const note = parseNote(path, text);
    const task = note.tasks.find((t) => t.line === followUp.range.start.line && !t.done);
    if (task) return completeTask(text, task.line);
    return setFrontmatterField(text, 'follow_up', null, FOLLOW_UP_ALIASES);
  }
  if (followUp.code === 'attempts-exhausted') return setFrontmatterField(text, 'status', 'dormant');
  const answer = ANSWERS[followUp.code as FollowUp['code']];
  if (!answer) return { ok: false, reason: `There is nothing to mark done for '${followUp.code}'; edit the note instead.` };
  return appendInteraction(text, today, answer.kind, answer.summary);
}

export function snoozeEdit(text: string, until: CalendarDate): EditResult {
  return setFrontmatterField(text, 'snooze_until', until, SNOOZE_ALIASES);
}

export function snoozeDate(today: CalendarDate, days: number): CalendarDate {
  return addDays(today, days);
}
