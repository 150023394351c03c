import { addDays } from '../dates';
import { unansweredAsks } from './facts';
import type { Rule } from './types';
import { defineRule, count } from './descriptor';

/**
 * attempts-exhausted: `maxAttempts` emails in a row without an answer. Once the last
 * one has waited the nudge period, suggest no more nudges and marking the contact
 * dormant (a hint: nothing is wrong, the thread is just over).
 */
export const attemptsExhausted: Rule = (note, ctx) => {
  if (note.kind !== 'contact') return [];
  const asks = unansweredAsks(note);
  const max = ctx.settings.maxAttempts;
  if (asks.length < max) return [];
  const last = asks[asks.length - 1];
  const when = addDays(last.date, ctx.settings.awaitingReplyNudgeDays);
  const dates = asks.map((i) => `${i.kind} on ${i.date}`).join(', ');
  const guide = max === PARAMS.maxAttempts.default ? 'the guide says two attempts are usually enough' : `your settings allow ${max} attempts`;
  return [{
    code: 'attempts-exhausted',
    severity: 'hint',
    due: when,
    showFrom: when,
    line: last.line,
    message: `${asks.length} messages without a reply (${dates}); ${guide}. Stop nudging; set status: dormant (the person is likely too busy).`,
    action: 'Stop nudging; mark the contact dormant',
    key: 'thread',
  }];
};

const PARAMS = {
  maxAttempts: count(2, 'messages', 'messages sent in a row without a reply after which Rapport stops suggesting nudges.', 1, 100),
} as const;

export const attemptsExhaustedRule = defineRule({
  code: 'attempts-exhausted',
  title: 'Attempts exhausted',
  when: '[maxAttempts] messages in a row without a reply',
  severity: 'hint: stop nudging, set the contact dormant',
  defaultSeverity: 'hint',
  params: PARAMS,
  templates: [],
  action: 'Stop nudging; mark the contact dormant',
  waiting: true,
  evaluate: attemptsExhausted,
});
