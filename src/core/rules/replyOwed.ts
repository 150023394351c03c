import { addDays } from '../dates';
import { DEFAULT_SETTINGS } from '../settings';
import { displayName, relativeDays, unansweredInbound } from './facts';
import type { Rule } from './types';

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
  const guide = days === DEFAULT_SETTINGS.replyWithinDays ? 'the guide says reply within 24–48 hours' : `your settings say reply within ${days} days`;
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
