import { addDays } from '../dates';
import { basis, displayName, relativeDays, unansweredAsks } from './facts';
import type { Rule } from './types';
import { defineRule, days } from './descriptor';

/**
 * awaiting-reply: the last email (emailed or followed-up) got no answer. After
 * `awaitingReplyNudgeDays` one polite follow-up may be sent (info); after
 * `awaitingReplyOverdueDays` it is overdue (warning). Any inbound message, call or
 * meeting afterwards answers it. Once `maxAttempts` messages went unanswered,
 * attempts-exhausted takes over and this rule is silent.
 */
export const awaitingReply: Rule = (note, ctx) => {
  if (note.kind !== 'contact') return [];
  const asks = unansweredAsks(note);
  if (asks.length === 0 || asks.length >= ctx.settings.maxAttempts) return [];
  const last = asks[asks.length - 1];
  const { awaitingReplyNudgeDays: nudge, awaitingReplyOverdueDays: overdue } = ctx.settings;
  const due = addDays(last.date, overdue);
  const guide = basis(nudge === PARAMS.awaitingReplyNudgeDays.default && overdue === PARAMS.awaitingReplyOverdueDays.default);
  const sent = last.kind === 'followed-up' ? 'Followed up' : 'Emailed';
  return [{
    code: 'awaiting-reply',
    severity: ctx.today > due ? 'warning' : 'info',
    due,
    showFrom: addDays(last.date, nudge),
    line: last.line,
    message: `${sent} ${displayName(note)} on ${last.date} (${relativeDays(last.date, ctx.today)}), no reply logged; ${guide} waiting ${nudge}–${overdue} days, then sending one polite follow-up (by ${due}).`,
    action: 'Send one polite follow-up',
    template: 'polite-follow-up',
    key: 'thread',
  }];
};

const PARAMS = {
  awaitingReplyNudgeDays: days(7, 'days without a reply after which one polite follow-up may be sent (info).', 1),
  awaitingReplyOverdueDays: days(10, 'days without a reply after which the follow-up is overdue (warning).', 1),
} as const;

export const awaitingReplyRule = defineRule({
  code: 'awaiting-reply',
  title: 'Awaiting a reply',
  when: 'your last email got no reply',
  severity: 'info after [awaitingReplyNudgeDays] days (one polite follow-up), warning after [awaitingReplyOverdueDays]',
  defaultSeverity: 'warning',
  params: PARAMS,
  ordered: [['awaitingReplyNudgeDays', 'awaitingReplyOverdueDays']],
  templates: ['polite-follow-up'],
  action: 'Send one polite follow-up',
  waiting: true,
  evaluate: awaitingReply,
});
