import { displayName } from './facts';
import { POLICY_CITATION, postInterviewFaculty } from './policies/postInterview';
import type { Finding, Rule } from './types';
import { defineRule } from './descriptor';

/** Log entries that are communication from the student's side (a message, call or meeting), in words. */
const COMMUNICATION: ReadonlyMap<string, string> = new Map([
  ['met', 'You met'], ['call', 'A call with'], ['meeting', 'A meeting with'],
  ['emailed', 'You emailed'], ['followed-up', 'You followed up with'], ['thanked', 'You thanked'],
]);

/**
 * post-interview-contact: a message, call or meeting with a faculty member of a
 * program after your interview date there, unless they are your mentor; reported on
 * the log line, citing the policy (`postInterviewPolicy: off` turns it off with the
 * quiet). Messages from them (replied, received) are theirs, not the student's.
 */
export const postInterviewContact: Rule = (note, ctx) => {
  if (note.kind !== 'contact') return [];
  const quiet = postInterviewFaculty(note, ctx);
  if (!quiet) return [];
  const out: Finding[] = [];
  for (const i of note.interactions) {
    const what = COMMUNICATION.get(i.kind);
    if (i.date <= quiet.interview || what === undefined) continue;
    out.push({
      code: 'post-interview-contact',
      severity: 'warning',
      due: i.date,
      showFrom: i.date,
      line: i.line,
      message: `${what} ${displayName(note)} on ${i.date}, after your interview at ${quiet.program.program.name} (${quiet.interview}). The ${POLICY_CITATION} allows no communication between a program's faculty and an applicant after the interview, except with their own advisees: do not write again. If ${displayName(note)} is your advisor, mark them \`mentor: faculty\`.`,
      action: 'No further contact with this faculty member',
      key: `log:${i.date}:${i.kind}:${i.text.slice(0, 60)}`,
    });
  }
  return out;
};

export const postInterviewContactRule = defineRule({
  code: 'post-interview-contact',
  title: 'Contact after the interview',
  when: 'an outgoing message, call or meeting with a faculty member of a program after your interview date there, unless they are your mentor (`postInterviewPolicy`)',
  severity: 'warning',
  defaultSeverity: 'warning',
  params: {},
  templates: [],
  action: 'No further contact with this faculty member',
  advisory: true,
  evaluate: postInterviewContact,
});
