import { addDays } from '../dates';
import { seasonFields } from '../season';
import { displayName, firstOnOrAfter, relativeDays } from './facts';
import type { Rule } from './types';
import { defineRule, days } from './descriptor';

/**
 * letter-thank-you: the letter is uploaded and `thanked` is not recorded (nor a
 * `thanked` entry logged since the upload). Due `letterThankYouDays` after `uploaded`.
 */
export const letterThankYou: Rule = (note, ctx) => {
  if (note.kind !== 'contact') return [];
  const letter = seasonFields(note).letter;
  if (!letter?.uploaded || letter.thanked) return [];
  const uploaded = letter.uploaded.date;
  if (firstOnOrAfter(note, uploaded, (i) => i.kind === 'thanked')) return [];
  const due = addDays(uploaded, ctx.settings.letterThankYouDays);
  return [{
    code: 'letter-thank-you',
    severity: ctx.today > due ? 'warning' : 'info',
    due,
    showFrom: uploaded,
    line: letter.uploaded.line,
    message: `${displayName(note)}'s letter was uploaded ${uploaded} (${relativeDays(uploaded, ctx.today)}); no thank-you recorded. Thank them by ${due} and record \`thanked:\`.`,
    action: 'Thank your letter writer',
    template: 'letter-thank-you',
    key: 'letter:thanks',
  }];
};

const PARAMS = {
  letterThankYouDays: days(3, 'days after a letter is uploaded by which to thank its writer.'),
} as const;

export const letterThankYouRule = defineRule({
  code: 'letter-thank-you',
  title: 'Letter thank-you',
  when: 'a letter is uploaded and not thanked: due [letterThankYouDays] days after `uploaded`',
  severity: 'info; warning once due',
  defaultSeverity: 'warning',
  params: PARAMS,
  templates: ['letter-thank-you'],
  action: 'Thank your letter writer',
  evaluate: letterThankYou,
});
