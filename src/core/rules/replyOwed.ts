import { addDays } from '../dates';
import { displayName, relativeDays, unansweredInbound } from './facts';
import type { Rule } from './types';
import { defineRule, days } from './descriptor';

/**
 * reply-owed: the contact wrote (received or replied) and nothing went back yet:
 * an email, call or meeting after it answers. Info from the day they wrote, a
 * warning once `replyWithinDays` have passed (the guide's 24–48 hours).
 */
export const replyOwed: Rule = (note, ctx) => {
  if (note.kind !== 'contact') return [];
  const inbound = unansweredInbound(note);
  if (!inbound) return [];
  const days = ctx.settings.replyWithinDays;
  const due = addDays(inbound.date, days);
  const guide = days === PARAMS.replyWithinDays.default ? 'the guide says reply within 24–48 hours' : `your settings say reply within ${days} days`;
  const who = displayName(note);
  const what = inbound.text ? ` Their message: "${inbound.text.length > 80 ? `${inbound.text.slice(0, 79)}…` : inbound.text}"` : '';
  return [{
    code: 'reply-owed',
    severity: ctx.today > due ? 'warning' : 'info',
    due,
    showFrom: inbound.date,
    line: inbound.line,
    message: `${who} wrote on ${inbound.date} (${relativeDays(inbound.date, ctx.today)}), no answer logged; ${guide} (by ${due}).${what}`,
    action: 'Reply to their message',
    template: 'reply',
    key: 'reply',
  }];
};

const PARAMS = {
  replyWithinDays: days(2, "days within which to answer a contact who wrote (the guide's 24–48 hours)."),
} as const;

export const replyOwedRule = defineRule({
  code: 'reply-owed',
  title: 'Reply owed',
  when: 'they wrote and you have not answered',
  severity: 'info, then warning after [replyWithinDays] days (24–48 h)',
  defaultSeverity: 'warning',
  params: PARAMS,
  templates: ['reply'],
  action: 'Reply to their message',
  evaluate: replyOwed,
});
