import { addDays } from '../dates';
import { displayName, firstOnOrAfter, keyLine, noteLine, relativeDays } from './facts';
import type { Rule } from './types';
import { defineRule, days } from './descriptor';

/**
 * meeting-prep: a contact's `next_meeting` is near (the guide: "Come with a concise
 * agenda", "Send your CV in advance"). Shown from `meetingPrepDays` before the meeting,
 * due the day before it (a warning on that day), gone on the day itself. Cleared by any
 * outbound message logged in that window: the agenda and CV sent.
 */
export const meetingPrep: Rule = (note, ctx) => {
  if (note.kind !== 'contact' || note.nextMeeting === null) return [];
  const meeting = note.nextMeeting;
  const from = addDays(meeting, -ctx.settings.meetingPrepDays);
  if (firstOnOrAfter(note, from, (i) => i.direction === 'out' && i.date <= meeting)) return [];
  const due = addDays(meeting, -1);
  return [{
    code: 'meeting-prep',
    severity: ctx.today >= due ? 'warning' : 'info',
    due,
    showFrom: from,
    showUntil: addDays(meeting, -1),
    line: keyLine(note, 'next_meeting', 'next_meeting_date') ?? noteLine(note),
    message: `Meeting ${displayName(note)} on ${meeting} (${relativeDays(meeting, ctx.today)}) and nothing sent since ${from}. Send your short agenda (updates since you last spoke, CV review, away rotations, research plans) and your CV in advance.`,
    action: 'Send your agenda and CV ahead of the meeting',
    template: 'mentor-meeting-agenda',
    key: `meeting:${meeting}`,
  }];
};

const PARAMS = {
  meetingPrepDays: days(3, 'how many days before a `next_meeting` the reminder to send your agenda and CV appears.', 1, 60),
} as const;

export const meetingPrepRule = defineRule({
  code: 'meeting-prep',
  title: 'Meeting preparation',
  when: "a contact's `next_meeting` is within [meetingPrepDays] days and nothing was sent since",
  severity: 'info; warning on the day before',
  defaultSeverity: 'warning',
  params: PARAMS,
  templates: ['mentor-meeting-agenda'],
  action: 'Send your agenda and CV ahead of the meeting',
  evaluate: meetingPrep,
});
