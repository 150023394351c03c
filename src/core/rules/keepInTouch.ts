import { addDays, type CalendarDate } from '../dates';
import type { ContactNote } from '../types';
import { displayName, keyLine, noteLine, openFollowUp, ordered, relativeDays, unansweredAsks, unansweredInbound } from './facts';
import type { Rule, RuleContext } from './types';
import { defineRule, days } from './descriptor';

/**
 * keep-in-touch: no contact for longer than the contact's `cadence`, else the
 * default for its group (mentors 60 days, sponsors 45, others none): the guide's
 * "maintain contact even when you don't need something". The last contact is the
 * latest of `last_contact` and any log entry except a plain `note`.
 *
 * Left to other rules when they already say what to do next: an explicit
 * `follow_up` not yet done, a message of yours awaiting an answer, or one of theirs
 * you owe an answer to.
 */
export const keepInTouch: Rule = (note, ctx) => {
  if (note.kind !== 'contact') return [];
  const cadence = cadenceOf(note, ctx);
  if (!cadence) return [];
  const last = lastContact(note);
  if (!last) return [];
  if (openFollowUp(note) !== null || unansweredAsks(note).length > 0 || unansweredInbound(note)) return [];
  const due = addDays(last.date, cadence.days);
  return [{
    code: 'keep-in-touch',
    severity: 'info',
    due,
    showFrom: due,
    line: last.line,
    message: `Last contact ${last.date} (${last.what}, ${relativeDays(last.date, ctx.today)}); ${cadence.why} is every ${cadence.days} days. Share an update or thank ${displayName(note)} for past advice, even without an ask.`,
    action: 'Check in, even without an ask',
    template: 'keep-in-touch',
    key: 'cadence',
  }];
};

function cadenceOf(contact: ContactNote, ctx: RuleContext): { days: number; why: string } | null {
  if (contact.cadenceDays) return { days: contact.cadenceDays, why: 'the cadence set on this contact' };
  const s = ctx.settings;
  const [days, why] = contact.sponsor
    ? [s.sponsorCadenceDays, 'the cadence for sponsors']
    : contact.mentor
      ? [s.mentorCadenceDays, 'the cadence for mentors']
      : [s.otherCadenceDays, 'the default cadence'];
  return days > 0 ? { days, why } : null;
}

function lastContact(contact: ContactNote): { date: CalendarDate; what: string; line: number } | null {
  const log = ordered(contact).filter((i) => i.kind !== 'note');
  const latest = log[log.length - 1];
  if (latest && (contact.lastContact === null || latest.date >= contact.lastContact)) {
    return { date: latest.date, what: latest.kind, line: latest.line };
  }
  if (contact.lastContact === null) return null;
  return { date: contact.lastContact, what: 'last_contact', line: keyLine(contact, 'last_contact', 'last_contacted', 'prm_last_contacted') ?? noteLine(contact) };
}

const PARAMS = {
  mentorCadenceDays: days(60, 'default interval for mentors without their own `cadence`; 0 turns it off.'),
  sponsorCadenceDays: days(45, 'default interval for sponsors without their own `cadence`; 0 turns it off.'),
  otherCadenceDays: days(0, 'default interval for every other contact without a `cadence`; 0 (the default) means none.'),
} as const;

export const keepInTouchRule = defineRule({
  code: 'keep-in-touch',
  title: 'Keep in touch',
  when: "no contact with a mentor for [mentorCadenceDays] days, a sponsor for [sponsorCadenceDays], or a contact's own `cadence`",
  severity: 'info',
  defaultSeverity: 'info',
  params: PARAMS,
  templates: ['keep-in-touch', 'report-back'],
  action: 'Check in, even without an ask',
  evaluate: keepInTouch,
});
