import { addDays } from '../dates';
import { seasonFields } from '../season';
import { basis, displayName, ordered, relativeDays } from './facts';
import type { Rule } from './types';
import { defineRule, days } from './descriptor';

/**
 * letter-no-answer: you asked for a letter and the writer has neither agreed nor
 * declined, and no reply (message, call or meeting) is logged since. One polite
 * follow-up from `letterNoAnswerNudgeDays`, a warning from `letterNoAnswerOverdueDays`.
 * A message of yours logged after the ask is that follow-up: the thread is then
 * awaiting-reply's.
 */
export const letterNoAnswer: Rule = (note, ctx) => {
  if (note.kind !== 'contact') return [];
  const letter = seasonFields(note).letter;
  if (!letter?.asked || letter.agreed || letter.declined || letter.uploaded) return [];
  const asked = letter.asked.date;
  const answered = ordered(note).some((i) =>
    (i.date > asked && (i.direction === 'in' || i.direction === 'both' || i.direction === 'out')) || (i.date === asked && i.direction === 'in'));
  if (answered) return [];
  const { letterNoAnswerNudgeDays: nudge, letterNoAnswerOverdueDays: overdue } = ctx.settings;
  const due = addDays(asked, overdue);
  const guide = basis(nudge === PARAMS.letterNoAnswerNudgeDays.default && overdue === PARAMS.letterNoAnswerOverdueDays.default);
  return [{
    code: 'letter-no-answer',
    severity: ctx.today >= due ? 'warning' : 'info',
    due,
    showFrom: addDays(asked, nudge),
    line: letter.asked.line,
    message: `You asked ${displayName(note)} for a letter on ${asked} (${relativeDays(asked, ctx.today)}) and no answer is logged; ${guide} one polite follow-up after ${nudge}–${overdue} days. Record \`agreed:\` or \`declined:\` under \`letter:\` when they answer.`,
    action: 'Follow up on your letter request',
    template: 'polite-follow-up',
    key: 'letter:asked',
  }];
};

const PARAMS = {
  letterNoAnswerNudgeDays: days(7, 'days after asking for a letter without an answer from which one polite follow-up is suggested (info).', 1),
  letterNoAnswerOverdueDays: days(10, 'days after asking for a letter without an answer from which the follow-up is a warning.', 1),
} as const;

export const letterNoAnswerRule = defineRule({
  code: 'letter-no-answer',
  title: 'Letter request unanswered',
  when: 'you asked for a letter and the writer has neither agreed nor declined, and no reply is logged',
  severity: 'info from day [letterNoAnswerNudgeDays] (one polite follow-up), warning from day [letterNoAnswerOverdueDays]',
  defaultSeverity: 'warning',
  params: PARAMS,
  ordered: [['letterNoAnswerNudgeDays', 'letterNoAnswerOverdueDays']],
  templates: ['polite-follow-up', 'letter-request'],
  action: 'Follow up on your letter request',
  waiting: true,
  evaluate: letterNoAnswer,
});
