import { addDays } from '../dates';
import { seasonFields } from '../season';
import { displayName, firstOnOrAfter, relativeDays } from './facts';
import type { Rule } from './types';
import { defineRule, days } from './descriptor';

/**
 * letter-reminder: an agreed letter not uploaded yet. Its deadline is the letter's
 * `due`, else the season's `reviewsOpen` date (when programs start reviewing; unset,
 * no reminder). Info from `letterReminderDays` before, a warning once it has passed:
 * the ACEPS FAQ suggests a gentle reminder to the writer and/or their assistant then.
 * A message logged in the window answers it; after the deadline, one logged since.
 */
export const letterReminder: Rule = (note, ctx) => {
  if (note.kind !== 'contact') return [];
  const letter = seasonFields(note).letter;
  if (!letter || letter.declined || letter.uploaded || !(letter.agreed || letter.materialsSent)) return [];
  const due = letter.due?.date ?? ctx.settings.season.reviewsOpen;
  if (due === null) return [];
  const showFrom = addDays(due, -ctx.settings.letterReminderDays);
  const late = ctx.today > due;
  const since = late ? addDays(due, 1) : showFrom;
  if (firstOnOrAfter(note, since, (i) => i.direction === 'out' || i.direction === 'both')) return [];
  const to = letter.assistant ? `their assistant, ${letter.assistant}` : displayName(note);
  const source = letter.due ? 'its `due` date' : "the season's `reviewsOpen` date";
  return [{
    code: 'letter-reminder',
    severity: late ? 'warning' : 'info',
    due,
    showFrom,
    line: letter.due?.line ?? (letter.agreed ?? letter.materialsSent)!.line,
    message: `${displayName(note)}'s letter is not uploaded; ${source} is ${due} (${relativeDays(due, ctx.today)}). Send a gentle reminder to ${to}, then record \`uploaded:\` once it is in.`,
    action: letter.assistant ? "Remind the writer's assistant about the letter" : 'Send a gentle letter reminder',
    template: letter.assistant ? 'letter-reminder-assistant' : 'letter-reminder',
    key: 'letter:upload',
  }];
};

const PARAMS = {
  letterReminderDays: days(14, 'days before a letter is due (its `due`, else the season\'s `reviewsOpen`) from which a gentle reminder is suggested.'),
} as const;

export const letterReminderRule = defineRule({
  code: 'letter-reminder',
  title: 'Letter reminder',
  when: 'an agreed letter is not uploaded: from [letterReminderDays] days before its `due` (default: the season\'s `reviewsOpen`); remind the writer, or the assistant when one is given',
  severity: 'info; warning once `due` has passed',
  defaultSeverity: 'warning',
  params: PARAMS,
  templates: ['letter-reminder', 'letter-reminder-assistant'],
  action: 'Send a gentle letter reminder',
  evaluate: letterReminder,
});
