import { addDays, type CalendarDate } from '../dates';
import type { ConferenceNote, ContactNote } from '../types';
import { basis, keyLine, ordered } from './facts';
import type { Rule, RuleContext } from './types';
import { defineRule, days } from './descriptor';

interface Meeting {
  /** The day they met. */
  date: CalendarDate;
  /** The day the 3–5 day window counts from: the conference's last day when they met during it. */
  from: CalendarDate;
  where: string | null;
  line: number;
}

/**
 * conference-follow-up: someone met at a conference (`met_at` naming a conference
 * note or an event, with a date from `met` or the conference) or in person (a `met`
 * log entry) gets a short email within 3–5 days. Counting starts on the
 * conference's last day, as the guide's "after conferences" does, so nobody is
 * nagged mid-meeting. Any later message (either way), call or meeting clears it.
 * At a virtual event (`kind: virtual`) only the people named in its `follow_up:` are
 * followed up. Contacts met on a rotation (`met_at` the rotation, or a `met` entry dated during a
 * rotation that lists them) are left to the rotation rules.
 */
export const conferenceFollowUp: Rule = (note, ctx) => {
  if (note.kind !== 'contact') return [];
  const meeting = lastMeeting(note, ctx);
  if (!meeting) return [];
  const answered = ordered(note).some((i) => i.date >= meeting.date && i.line !== meeting.line
    && (i.direction === 'out' || i.direction === 'in' || (i.direction === 'both' && i.kind !== 'met')));
  if (answered) return [];
  const { conferenceFollowUpFromDays: from, conferenceFollowUpDueDays: by } = ctx.settings;
  const due = addDays(meeting.from, by);
  const guide = basis(from === PARAMS.conferenceFollowUpFromDays.default && by === PARAMS.conferenceFollowUpDueDays.default);
  const where = meeting.where ? ` at ${meeting.where}` : '';
  const after = meeting.from === meeting.date ? 'after meeting' : `after the meeting ends on ${meeting.from}`;
  return [{
    code: 'conference-follow-up',
    severity: ctx.today > due ? 'warning' : 'info',
    due,
    showFrom: addDays(meeting.from, from),
    line: meeting.line,
    message: `Met${where} on ${meeting.date}, no follow-up logged; ${guide} a short, specific email ${from}–${by} days ${after} (by ${due}).`,
    action: 'Send a conference follow-up email',
    template: 'conference-follow-up',
    key: 'met',
  }];
};

/** True when the contact was on a rotation with the student that day: met there, not at a conference. */
function onRotation(contact: ContactNote, date: CalendarDate, ctx: RuleContext): boolean {
  return ctx.index().rotationsOf(contact).some((r) => r.start !== null && r.end !== null && date >= r.start && date <= r.end);
}

/** True when the conference note's `follow_up:` names this contact. */
function marked(conference: ConferenceNote, contact: ContactNote, ctx: RuleContext): boolean {
  return conference.followUpWith.some((name) => ctx.vault.resolve(name) === contact);
}

function lastMeeting(contact: ContactNote, ctx: RuleContext): Meeting | null {
  let best: Meeting | null = null;
  const metAtLine = keyLine(contact, 'met_at', 'met_where', 'event');
  if (contact.metAt) {
    const target = ctx.vault.resolve(contact.metAt);
    if (target?.kind === 'rotation') return null;
    // At a virtual event the guide says "follow up selectively": only the people marked on it.
    if (target?.kind === 'conference' && target.virtual && !marked(target, contact, ctx)) return null;
    if (target === undefined || target.kind === 'conference') {
      const start = target?.start ?? null;
      const end = target?.end ?? start;
      const date = contact.met ?? start;
      if (date !== null) {
        const during = start !== null && end !== null && date >= start && date <= end;
        best = {
          date,
          from: during ? end : date,
          where: target?.name ?? contact.metAt,
          line: metAtLine ?? keyLine(contact, 'met', 'met_on', 'first_met') ?? 0,
        };
      }
    }
  }
  for (const i of ordered(contact)) {
    if (i.kind !== 'met' || onRotation(contact, i.date, ctx)) continue;
    if (best === null || i.date > best.from) {
      best = { date: i.date, from: i.date, where: best?.date === i.date ? best.where : null, line: i.line };
    }
  }
  return best;
}

const PARAMS = {
  conferenceFollowUpFromDays: days(3, 'days after meeting someone at a conference when the follow-up email is suggested (info).'),
  conferenceFollowUpDueDays: days(5, "the last day of the guide's 3–5 day window; later it is a warning."),
} as const;

export const conferenceFollowUpRule = defineRule({
  code: 'conference-follow-up',
  title: 'Conference follow-up',
  when: 'you met someone at a conference and have not written since',
  severity: 'info from day [conferenceFollowUpFromDays], warning after day [conferenceFollowUpDueDays]',
  defaultSeverity: 'warning',
  params: PARAMS,
  ordered: [['conferenceFollowUpFromDays', 'conferenceFollowUpDueDays']],
  templates: ['conference-follow-up', 'poster-follow-up'],
  action: 'Send a conference follow-up email',
  evaluate: conferenceFollowUp,
});
