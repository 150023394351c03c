import { addDays, daysBetween, maxDate } from '../dates';
import type { Note, RotationNote } from '../types';
import type { Vault } from '../vault';
import { keyLine, noteLine } from './facts';
import type { Rule } from './types';
import { defineRule, days } from './descriptor';

// The guide's own words count too: "is there anything I can do differently or better".
const FEEDBACK = /feedback|(?:do|done) (?:differently|better)|could do better/i;

/**
 * rotation-feedback: on an away rotation (or a home one with `ask_feedback: true`), ask for feedback at its midpoint (the
 * guide: "Request feedback halfway through"). Due on the midpoint day, shown from
 * `rotationFeedbackLeadDays` before it until the rotation's last day, reported on the
 * rotation note.
 *
 * "Asked for feedback" is recorded by any of, dated within the rotation:
 * - a `feedback` log entry, or one whose text mentions feedback or the guide's
 *   "do differently or better", on the rotation note;
 * - a log entry mentioning feedback on a contact met on or listed on the rotation;
 * - a ticked task on the rotation note mentioning feedback (tasks carry no date).
 */
export const rotationFeedback: Rule = (note, ctx) => {
  if (note.kind !== 'rotation' || (note.rotationKind !== 'away' && !note.askFeedback) || !note.start || !note.end || note.end < note.start) return [];
  const { start, end } = note;
  const midpoint = addDays(start, Math.floor(daysBetween(start, end) / 2));
  const showFrom = maxDate(start, addDays(midpoint, -ctx.settings.rotationFeedbackLeadDays)) ?? start;
  if (ctx.today > end || askedForFeedback(note, ctx.vault)) return [];
  return [{
    code: 'rotation-feedback',
    severity: ctx.today > midpoint ? 'warning' : 'info',
    due: midpoint,
    showFrom,
    showUntil: end,
    line: keyLine(note, 'start', 'start_date') ?? noteLine(note),
    message: `${note.name} runs ${start} to ${end}; its midpoint is ${midpoint} and no request for feedback is logged. The guide suggests asking halfway through what you could do better over the remaining time; log it with a line that mentions feedback.`,
    action: 'Ask for mid-rotation feedback',
    template: 'mid-rotation-feedback',
    key: 'midpoint',
  }];
};

function askedForFeedback(rotation: RotationNote, vault: Vault): boolean {
  const within = (n: Note) => n.interactions.some((i) => i.date >= rotation.start! && i.date <= rotation.end! && (i.kind === 'feedback' || FEEDBACK.test(i.text)));
  if (within(rotation)) return true;
  if (rotation.tasks.some((t) => t.done && FEEDBACK.test(t.text))) return true;
  return vault.contactsOf(rotation).some(within);
}

const PARAMS = {
  rotationFeedbackLeadDays: days(2, "how many days before an away rotation's midpoint the feedback reminder appears.", 0, 365),
} as const;

export const rotationFeedbackRule = defineRule({
  code: 'rotation-feedback',
  title: 'Mid-rotation feedback',
  when: 'halfway through an away rotation (or a home one with `ask_feedback: true`), no request for feedback logged',
  severity: 'from [rotationFeedbackLeadDays] days before the midpoint',
  defaultSeverity: 'warning',
  params: PARAMS,
  templates: ['mid-rotation-feedback'],
  action: 'Ask for mid-rotation feedback',
  evaluate: rotationFeedback,
});
