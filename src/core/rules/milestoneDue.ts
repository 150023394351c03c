import { addDays } from '../dates';
import { relativeDays } from './facts';
import type { Finding, Rule } from './types';
import { defineRule, days } from './descriptor';

/**
 * milestone-due: a research project's milestone (`milestones: [{ name, due, done }]`)
 * that is not done: info from `milestoneLeadDays` before its due date, a warning once
 * the date has passed. Paused and finished projects are left alone.
 */
export const milestoneDue: Rule = (note, ctx) => {
  if (note.kind !== 'project' || note.status === 'paused' || note.status === 'done') return [];
  const out: Finding[] = [];
  for (const m of note.milestones) {
    if (m.done || m.due === null) continue;
    const late = ctx.today > m.due;
    out.push({
      code: 'milestone-due',
      severity: late ? 'warning' : 'info',
      due: m.due,
      showFrom: addDays(m.due, -ctx.settings.milestoneLeadDays),
      line: m.line,
      message: `${note.name}: milestone '${m.name}' is due ${m.due} (${relativeDays(m.due, ctx.today)}) and not done. ${late
        ? 'Tell the lead where it stands and propose a new date, then update the milestone.'
        : 'Finish it, or warn the lead early if it will slip.'} Mark it \`done: true\` when it is.`,
      action: late ? 'Update the lead on a late milestone' : 'Finish the milestone',
      template: 'project-update',
      key: `milestone:${m.name}`,
    });
  }
  return out;
};

const PARAMS = {
  milestoneLeadDays: days(7, "how many days before a research milestone's due date it shows.", 0, 365),
} as const;

export const milestoneDueRule = defineRule({
  code: 'milestone-due',
  title: 'Research milestone',
  when: 'a research milestone is due within [milestoneLeadDays] days and not done',
  severity: 'info; warning once passed',
  defaultSeverity: 'warning',
  params: PARAMS,
  templates: ['project-update'],
  action: 'Finish the milestone',
  evaluate: milestoneDue,
});
