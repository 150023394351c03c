import { addDays, maxDate, type CalendarDate } from '../dates';
import { interviewDay } from '../season';
import type { ContactNote } from '../types';
import { displayName, relativeDays } from './facts';
import { seasonIndexOf } from './seasonContext';
import type { Rule } from './types';
import { defineRule, count, days } from './descriptor';

/**
 * interview-prep: an interview within `interviewPrepDays`: review the program and the
 * people you know there (its contacts by `program:` or institution), each with their
 * last contact, so you walk in knowing who you have met. Shown until the day.
 */
export const interviewPrep: Rule = (note, ctx) => {
  if (note.kind !== 'program') return [];
  const season = seasonIndexOf(ctx);
  const program = season.programs.find((p) => p.program === note) ?? null;
  const day = interviewDay(program);
  if (!program || !day || ctx.today > day) return [];
  const people = ctx.vault.contacts().filter((c) => season.programOf(c) === program);
  const max = ctx.settings.interviewPrepNamesMax;
  const named = people.slice(0, max).map((c) => describe(c, ctx.today));
  const more = people.length > max ? `, and ${people.length - max} more` : '';
  const know = people.length === 0 ? 'you have no contacts there in the vault' : `the people you know there: ${named.join('; ')}${more}`;
  return [{
    code: 'interview-prep',
    severity: 'info',
    due: day,
    showFrom: addDays(day, -ctx.settings.interviewPrepDays),
    showUntil: day,
    line: program.interview!.date!.line,
    message: `Interview at ${note.name} on ${day} (${relativeDays(day, ctx.today)}). Review the program${note.website ? ` (${note.website})` : ''} and ${know}.`,
    action: 'Prepare for the interview',
    key: `interview:${day}`,
  }];
};

function describe(contact: ContactNote, today: CalendarDate): string {
  let last: CalendarDate | null = contact.lastContact !== null && contact.lastContact <= today ? contact.lastContact : null;
  for (const i of contact.interactions) if (i.date <= today && i.kind !== 'note') last = maxDate(last, i.date);
  const role = contact.role ?? 'contact';
  return `${displayName(contact)} (${role}${contact.mentor ? ', mentor' : ''}, ${last ? `last contact ${last}` : 'no contact logged'})`;
}

const PARAMS = {
  interviewPrepDays: days(7, 'days before an interview from which to review the program and the people you know there.'),
  interviewPrepNamesMax: count(12, 'names', 'the most people named in an interview-prep message (the rest are counted).', 1, 100),
} as const;

export const interviewPrepRule = defineRule({
  code: 'interview-prep',
  title: 'Interview preparation',
  when: 'an interview within [interviewPrepDays] days: review the program and the people you know there (named, with their last contact)',
  severity: 'info',
  defaultSeverity: 'info',
  params: PARAMS,
  templates: [],
  action: 'Prepare for the interview',
  evaluate: interviewPrep,
});
