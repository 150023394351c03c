import type { Rule } from './types';
import { defineRule, days } from './descriptor';

/**
 * reconnect: made by the aging policy (`policies/aging.ts`), not by evaluating a note.
 * A reminder more than `agingLimitDays` past its due date stops counting "N days
 * late": it and any others that old on the same note become this one hint, because
 * after a month the right message is a fresh note, not a late answer to an old one.
 * Turning this rule off turns the aging off (old reminders stay as they were).
 */
export const reconnect: Rule = () => [];

const PARAMS = {
  agingLimitDays: days(30, 'a reminder more than this many days past its due date becomes one `reconnect` hint for the contact instead of growing later.', 1, 3650),
} as const;

export const reconnectRule = defineRule({
  code: 'reconnect',
  title: 'Reconnect',
  when: 'a reminder went more than [agingLimitDays] days past its window (replaces it)',
  severity: 'hint: a fresh note, not a late answer',
  defaultSeverity: 'hint',
  params: PARAMS,
  templates: ['keep-in-touch'],
  action: 'Reconnect with a short, fresh note',
  evaluate: reconnect,
});
