import { addDays } from '../dates';
import { seasonFields } from '../season';
import { relativeDays } from './facts';
import type { Rule } from './types';
import { defineRule, days } from './descriptor';

/**
 * interview-respond: an interview invitation neither scheduled (`date`) nor declined.
 * Due `respond_by`, else `interviewRespondDays` after `invited`; a warning until
 * then, an error once it has passed (the slot may be gone).
 */
export const interviewRespond: Rule = (note, ctx) => {
  if (note.kind !== 'program') return [];
  const interview = seasonFields(note).interview;
  if (!interview?.invited || interview.date || interview.declined) return [];
  const invited = interview.invited.date;
  const due = interview.respondBy?.date ?? addDays(invited, ctx.settings.interviewRespondDays);
  return [{
    code: 'interview-respond',
    severity: ctx.today > due ? 'error' : 'warning',
    due,
    showFrom: invited,
    line: (interview.respondBy ?? interview.invited).line,
    message: `${note.name} invited you to interview on ${invited}; respond by ${due} (${relativeDays(due, ctx.today)}). Accept a date (record \`date:\`) or decline (record \`declined:\`).`,
    action: 'Respond to the interview invitation',
    template: 'interview-response',
    key: 'interview:invitation',
  }];
};

const PARAMS = {
  interviewRespondDays: days(1, 'days after an invitation without `respond_by` by which to answer it (the ACEPS invitation policy gives applicants until the next morning).'),
} as const;

export const interviewRespondRule = defineRule({
  code: 'interview-respond',
  title: 'Interview invitation',
  when: 'an interview invitation is neither scheduled nor declined: due `respond_by` (else [interviewRespondDays] days after `invited`)',
  severity: 'warning; error once `respond_by` has passed',
  defaultSeverity: 'error',
  params: PARAMS,
  templates: ['interview-response'],
  action: 'Respond to the interview invitation',
  evaluate: interviewRespond,
});
