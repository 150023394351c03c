import type { CalendarDate } from '../../dates';
import { FACULTY_ROLES, interviewDay, type ProgramSeason } from '../../season';
import type { ContactNote, Note } from '../../types';
import { seasonIndexOf } from '../seasonContext';
import type { RuleContext, ScheduledFollowUp } from '../types';

/**
 * The ACEPS "Uniform Policy and Guidelines for Post Interview Communication" (updated
 * August 2022): after the interview there is no communication between a program's
 * faculty and the applicant, except faculty with their own advisees; contact with the
 * coordinator and residents only when the applicant starts it. Rapport reads "own
 * advisees" as the contacts marked `mentor:`.
 */
export const POLICY_CITATION = 'ACEPS Uniform Policy and Guidelines for Post Interview Communication (updated August 2022)';

export interface QuietFaculty {
  program: ProgramSeason;
  /** The interview day: contact after it falls under the policy. */
  interview: CalendarDate;
}

/** When the policy covers this contact: a non-mentor faculty member of a program where you have an interview date. */
export function postInterviewFaculty(contact: ContactNote, ctx: RuleContext): QuietFaculty | null {
  if (ctx.settings.postInterviewPolicy === 'off') return null;
  if (contact.mentor !== null || contact.role === null || !FACULTY_ROLES.has(contact.role)) return null;
  const program = seasonIndexOf(ctx).programOf(contact);
  const interview = interviewDay(program);
  return program && interview ? { program, interview } : null;
}

/** The rule that reports contact made under the policy; it is what the policy is about, so it stays. */
const REPORTS_CONTACT = 'post-interview-contact';

/**
 * Post-interview quiet: once the interview day at a program has passed, no follow-up
 * suggests writing to its non-mentor faculty. The student's own dated tasks still
 * show (they may be about anything), with the policy named and no email offered.
 */
export function postInterviewQuiet(note: Note, ctx: RuleContext, found: ScheduledFollowUp[]): ScheduledFollowUp[] {
  if (note.kind !== 'contact' || found.length === 0) return found;
  const quiet = postInterviewFaculty(note, ctx);
  if (!quiet || ctx.today <= quiet.interview) return found;
  const out: ScheduledFollowUp[] = [];
  for (const f of found) {
    if (f.code === REPORTS_CONTACT) out.push(f);
    else if (f.code === 'follow-up-due' && f.key.startsWith('task:')) {
      const copy: ScheduledFollowUp = {
        ...f,
        message: `${f.message} Your interview at ${quiet.program.program.name} was ${quiet.interview}: the ${POLICY_CITATION} allows no contact with its faculty after the interview, other than your own advisors.`,
      };
      delete copy.template;
      out.push(copy);
    }
  }
  return out;
}
