import { daysBetween, type CalendarDate } from '../dates';
import type { Note, Severity } from '../types';
import { displayName, firstOnOrAfter, keyLine, noteLine, relativeDays, unansweredAsks, ordered } from './facts';
import type { Finding, Rule, RuleContext } from './types';
import { defineRule, days } from './descriptor';

/**
 * follow-up-due: an explicit `follow_up` date or an open task's due date has come.
 * A warning from the day, an error once more than `followUpErrorAfterDays` late.
 * Cleared by ticking the task, or by logging contact on or after the date: for
 * `follow_up` any outbound message, call or meeting; for a task an outbound message
 * (a routine call does not do what a task such as "send my CV" asked).
 */
export const followUpDue: Rule = (note, ctx) => {
  const out: Finding[] = [];
  if (note.kind === 'contact' && note.followUp) {
    const date = note.followUp;
    const answered = firstOnOrAfter(note, date, (i) => i.direction === 'out' || i.direction === 'both');
    if (!answered) {
      const who = displayName(note);
      out.push({
        code: 'follow-up-due',
        severity: grade(date, ctx),
        due: date,
        showFrom: date,
        line: keyLine(note, 'follow_up', 'next_follow_up', 'followup', 'due') ?? noteLine(note),
        message: `follow_up is ${date} (${relativeDays(date, ctx.today)}) and no message, call or meeting is logged since${lateness(date, ctx)}. Write to ${who} and log it, or move the date.`,
        action: 'Follow up as planned',
        template: templateFor(note),
        key: 'follow_up',
      });
    }
  }
  for (const task of note.tasks) {
    if (task.done || task.due === null) continue;
    const date = task.due;
    if (firstOnOrAfter(note, date, (i) => i.direction === 'out')) continue;
    const text = task.text === '' ? '(untitled task)' : task.text;
    out.push({
      code: 'follow-up-due',
      severity: grade(date, ctx),
      due: date,
      showFrom: date,
      line: task.line,
      message: `Task '${text}' is due ${date} (${relativeDays(date, ctx.today)}) and not done${lateness(date, ctx)}. Do it and tick it, or change its date.`,
      action: text.length > 80 ? `${text.slice(0, 79)}…` : text,
      key: `task:${text}`,
    });
  }
  return out;
};

function grade(due: CalendarDate, ctx: RuleContext): Severity {
  return daysBetween(due, ctx.today) > ctx.settings.followUpErrorAfterDays ? 'error' : 'warning';
}

function lateness(due: CalendarDate, ctx: RuleContext): string {
  const late = daysBetween(due, ctx.today);
  const limit = ctx.settings.followUpErrorAfterDays;
  if (late <= limit) return '';
  const word = limit === PARAMS.followUpErrorAfterDays.default ? 'a week' : `${limit} days`;
  return `; more than ${word} late`;
}

/** Which email fits an explicit follow-up: a nudge if a message waits for an answer, a conference follow-up if they only met. */
function templateFor(note: Note): string {
  if (unansweredAsks(note).length > 0) return 'polite-follow-up';
  const log = ordered(note);
  if (log.length > 0 && log.every((i) => i.kind === 'met' || i.direction === 'none')) return 'conference-follow-up';
  return 'keep-in-touch';
}

const PARAMS = {
  followUpErrorAfterDays: days(7, 'a due follow-up is a warning from its date and an error once more than this many days late.'),
} as const;

export const followUpDueRule = defineRule({
  code: 'follow-up-due',
  title: 'Follow-up due',
  when: "a `follow_up:` date or a task's due date has come",
  severity: 'warning; error once more than [followUpErrorAfterDays] days late',
  defaultSeverity: 'error',
  params: PARAMS,
  templates: ['keep-in-touch', 'meeting-thank-you', 'report-back'],
  action: 'Follow up as planned',
  evaluate: followUpDue,
});
