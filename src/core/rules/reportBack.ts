import { addDays } from '../dates';
import type { Interaction } from '../types';
import { displayName, ordered, plural } from './facts';
import type { Rule } from './types';
import { defineRule, days } from './descriptor';

/**
 * report-back: a mentor's advice was logged (`- 2026-11-01 advice: apply to two aways
 * in the northeast`) and no outbound message followed (the guide: "If they offer
 * suggestions, implement them and report back"). Due `reportBackDays` after the
 * earliest advice not yet followed by a message, a warning once past; one finding per
 * contact, however many pieces of advice wait.
 */
export const reportBack: Rule = (note, ctx) => {
  if (note.kind !== 'contact') return [];
  const open: Interaction[] = [];
  for (const i of ordered(note)) {
    if (i.kind === 'advice') open.push(i);
    else if (i.direction === 'out') open.length = 0;
  }
  if (open.length === 0) return [];
  const first = open[0];
  const due = addDays(first.date, ctx.settings.reportBackDays);
  const what = first.text ? `: "${first.text.length > 80 ? `${first.text.slice(0, 79)}…` : first.text}"` : '';
  const more = open.length > 1 ? ` (${plural(open.length, 'piece')} of advice waiting)` : '';
  return [{
    code: 'report-back',
    severity: ctx.today > due ? 'warning' : 'info',
    due,
    showFrom: due,
    line: first.line,
    message: `${displayName(note)} advised on ${first.date}${what}${more}; nothing sent since. Tell them what you did with it and how it went: mentors who see their advice used become sponsors.`,
    action: 'Report back on their advice',
    template: 'report-back',
    key: `advice:${first.date}`,
  }];
};

const PARAMS = {
  reportBackDays: days(21, "days after a mentor's advice by which to tell them what came of it.", 1, 365),
} as const;

export const reportBackRule = defineRule({
  code: 'report-back',
  title: 'Report back',
  when: 'a mentor gave advice (log kind `advice`) [reportBackDays] days ago and nothing was sent since',
  severity: 'info on the day, then warning',
  defaultSeverity: 'warning',
  params: PARAMS,
  templates: ['report-back'],
  action: 'Report back on their advice',
  evaluate: reportBack,
});
