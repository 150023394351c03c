import { addDays, daysBetween } from '../dates';
import { keyLine, noteLine, plural, relativeDays } from './facts';
import type { Rule } from './types';
import { defineRule, count, days } from './descriptor';

/**
 * conference-prep: a conference starting within `conferencePrepDays` whose
 * shortlist has fewer than `conferenceShortlistMin` names or which has no goals
 * (the guide: "Make a shortlist (10–20 names)", "Clarify your goals"). Info, then a
 * warning in the last `conferencePrepUrgentDays`; shown until the first day. A virtual
 * event (`kind: virtual`) is only asked for goals.
 */
export const conferencePrep: Rule = (note, ctx) => {
  if (note.kind !== 'conference' || !note.start) return [];
  const { conferencePrepDays: window, conferencePrepUrgentDays: urgent, conferenceShortlistMin: min } = ctx.settings;
  // A virtual open house or webinar has no hallway to work: the guide asks for 1–2 questions, not a shortlist.
  const shortShortlist = !note.virtual && note.shortlist.length < min;
  const noGoals = note.goals.length === 0;
  if (!shortShortlist && !noGoals) return [];
  const gaps: string[] = [];
  if (shortShortlist) {
    const target = min === PARAMS.conferenceShortlistMin.default ? 'the guide suggests 10–20' : `your settings ask for ${min}`;
    gaps.push(`the shortlist has ${plural(note.shortlist.length, 'name')} (${target})`);
  }
  if (noGoals) gaps.push('no goals are written');
  const left = daysBetween(ctx.today, note.start);
  return [{
    code: 'conference-prep',
    severity: left <= urgent ? 'warning' : 'info',
    due: note.start,
    showFrom: addDays(note.start, -window),
    showUntil: note.start,
    line: (shortShortlist ? keyLine(note, 'shortlist', 'people_to_meet') : keyLine(note, 'goals')) ?? keyLine(note, 'start', 'date', 'start_date') ?? noteLine(note),
    message: `${note.name} starts ${note.start} (${relativeDays(note.start, ctx.today)}); ${gaps.join(' and ')}. Check the program for speakers and faculty from programs you like, note their interests, and write 2–3 goals.`,
    action: 'Finish the shortlist and goals',
    // The approach script is what to rehearse once the shortlist is done.
    template: 'conference-approach',
    key: 'prep',
  }];
};

const PARAMS = {
  conferencePrepDays: days(14, 'how many days before a conference starts its preparation is checked.'),
  conferencePrepUrgentDays: days(3, 'in the last this-many days before the start, missing preparation is a warning.'),
  conferenceShortlistMin: count(10, 'names', 'the fewest names a shortlist should hold (the guide says 10–20).', 0, 1000),
} as const;

export const conferencePrepRule = defineRule({
  code: 'conference-prep',
  title: 'Conference preparation',
  when: 'a conference starts within [conferencePrepDays] days and its shortlist has fewer than [conferenceShortlistMin] names or it has no goals',
  severity: 'info; warning in the last [conferencePrepUrgentDays] days',
  defaultSeverity: 'warning',
  params: PARAMS,
  ordered: [['conferencePrepUrgentDays', 'conferencePrepDays']],
  templates: ['conference-approach', 'ask-to-follow-up', 'poster-overview'],
  action: 'Finish the shortlist and goals',
  evaluate: conferencePrep,
});
