import { addDays } from '../dates';
import { keyLine, noteLine, relativeDays } from './facts';
import { rotationPeople } from './rotationContacts';
import type { Rule } from './types';
import { defineRule, days } from './descriptor';

/**
 * pre-rotation: before an away rotation starts, write to the coordinator or chief
 * resident about expectations, schedule, dress code and call (the guide: "Before your
 * away rotation … reach out to chief residents or coordinator"). Info from
 * `preRotationFromDays` before the start, a warning from `preRotationWarnDays` before
 * (its due day); gone once the rotation starts. Cleared by an outbound entry on the
 * rotation note dated before the start, or an outbound message to one of the
 * rotation's people (or the program's coordinator) from twice the lead time before
 * the start: logistics are settled in the weeks before, not a season earlier.
 */
export const preRotation: Rule = (note, ctx) => {
  if (note.kind !== 'rotation' || note.rotationKind !== 'away' || !note.start) return [];
  const start = note.start;
  const { preRotationFromDays: from, preRotationWarnDays: warn } = ctx.settings;
  const people = rotationPeople(note, ctx.vault);
  const since = addDays(start, -2 * from);
  const wrote = note.interactions.some((i) => i.date < start && i.direction === 'out')
    || people.some((p) => p.interactions.some((i) => i.date >= since && i.date < start && i.direction === 'out'));
  if (wrote) return [];
  const due = addDays(start, -warn);
  const to = people.find((p) => p.role === 'coordinator' || p.role === 'resident');
  const whom = to ? to.name : 'the coordinator or a chief resident';
  return [{
    code: 'pre-rotation',
    severity: ctx.today >= due ? 'warning' : 'info',
    due,
    showFrom: addDays(start, -from),
    showUntil: addDays(start, -1),
    line: keyLine(note, 'start', 'start_date') ?? noteLine(note),
    message: `${note.name} starts ${start} (${relativeDays(start, ctx.today)}) and nothing has been sent about it. Write to ${whom}: what is expected of visiting students, the schedule and where to report, dress code, call.`,
    action: 'Write to the coordinator or chief resident',
    template: 'pre-rotation',
    key: `pre:${start}`,
  }];
};

const PARAMS = {
  preRotationFromDays: days(21, 'how many days before an away rotation starts the reminder to write to the coordinator appears.', 1, 365),
  preRotationWarnDays: days(7, 'in the last this-many days before an away rotation starts, the reminder is a warning.', 0, 365),
} as const;

export const preRotationRule = defineRule({
  code: 'pre-rotation',
  title: 'Before an away rotation',
  when: 'an away rotation starts within [preRotationFromDays] days and nothing was sent to its coordinator or residents',
  severity: 'info; warning from [preRotationWarnDays] days before the start',
  defaultSeverity: 'warning',
  params: PARAMS,
  ordered: [['preRotationWarnDays', 'preRotationFromDays']],
  templates: ['pre-rotation', 'rotation-questions'],
  action: 'Write to the coordinator or chief resident',
  evaluate: preRotation,
});
