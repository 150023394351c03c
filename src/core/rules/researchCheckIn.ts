import { addDays } from '../dates';
import { keyLine, noteLine, relativeDays } from './facts';
import { lastProjectExchange, projectPeople } from './projects';
import type { Rule } from './types';
import { defineRule, days } from './descriptor';

/**
 * research-check-in: an active research project whose lead and members have not
 * heard from the student within the project's `cadence` (the guide: "weekly or
 * bi-weekly check-ins"; `researchCheckInDays` when the note sets none). Counted from
 * the latest exchange logged on the project note or with its lead or a member, else
 * from the project's `start`. Info on the day, a warning once a further cadence has
 * passed. Reported on the project note and worded as a work check-in: a progress
 * update and the next step, not a social note.
 */
export const researchCheckIn: Rule = (note, ctx) => {
  if (note.kind !== 'project' || note.status !== 'active') return [];
  const cadence = note.cadenceDays ?? ctx.settings.researchCheckInDays;
  const last = lastProjectExchange(note, ctx.vault);
  const from = last?.interaction.date ?? note.start;
  if (from === null) return [];
  const due = addDays(from, cadence);
  const people = projectPeople(note, ctx.vault).map((p) => p.name);
  const whom = people.length > 0 ? people.join(' and ') : 'the project lead';
  const since = last ? `last exchange ${from} (${relativeDays(from, ctx.today)}, ${last.where})` : `started ${from}, no check-in logged yet`;
  const why = note.cadenceDays !== null ? `its cadence is every ${cadence} days`
    : cadence === PARAMS.researchCheckInDays.default ? 'the guide suggests weekly or bi-weekly check-ins' : `your settings say every ${cadence} days`;
  return [{
    code: 'research-check-in',
    severity: ctx.today > addDays(due, cadence) ? 'warning' : 'info',
    due,
    showFrom: due,
    line: keyLine(note, 'cadence', 'check_ins', 'check_in', 'frequency', 'lead', 'status') ?? noteLine(note),
    message: `${note.name}: ${since}; ${why}. Send ${whom} a short progress update: what you finished, where you are stuck, and your next step.`,
    action: 'Send a project progress update',
    template: 'project-update',
    key: 'check-in',
  }];
};

const PARAMS = {
  researchCheckInDays: days(14, "check-in interval for an active research project without its own `cadence` (the guide's bi-weekly).", 1, 365),
} as const;

export const researchCheckInRule = defineRule({
  code: 'research-check-in',
  title: 'Research check-in',
  when: 'an active research project has had no exchange with its lead or members within its `cadence` (default [researchCheckInDays] days)',
  severity: 'info; warning once a further cadence has passed',
  defaultSeverity: 'warning',
  params: PARAMS,
  templates: ['project-update'],
  action: 'Send a project progress update',
  evaluate: researchCheckIn,
});
