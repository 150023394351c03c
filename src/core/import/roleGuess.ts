import type { Role } from '../types';
import { oneLine } from './types';

export interface RoleGuess {
  role: Role;
  /** The position the guess was made from, or null when there was none. */
  from: string | null;
}

/**
 * First match wins, so the specific comes before the general: "Associate Program
 * Director" before "Program Director", "Chief Resident" before "Chief of …",
 * "MD Candidate" before "MD", "Postdoctoral Fellow" before "Fellow", a
 * researcher's title before a bare "MD" after it.
 */
const RULES: [RegExp, Role][] = [
  [/\b(?:associate|assistant|asst\.?|assoc\.?)\s+(?:residency\s+|fellowship\s+)?program\s+director\b|\bA\.?P\.?D\b/i, 'associate-program-director'],
  [/\bprogram\s+director\b|\bresidency\s+director\b|\bfellowship\s+director\b|\bP\.?D\b/i, 'program-director'],
  [/\bcoordinator\b/i, 'coordinator'],
  [/\bpost-?doc(?:toral)?\b/i, 'researcher'],
  [/\bstudent\b(?!\s+(?:affairs|services|success|life|health|wellness|education|research))|\bM\.?S\s?-?[1-4]\b|\bM[1-4]\b|\b(?:md|m\.d\.|do|d\.o\.)\s+candidate\b/i, 'student'],
  [/\bresident\b|\bintern\b|\binternship\b|\bPGY-?\s?\d\b|\bhouse\s*officer\b|\bfellow\b/i, 'resident'],
  [/\bchair(?:man|woman|person)?\b|\bchief\s+of\b|\bdivision\s+chief\b|\bdepartment\s+chief\b|\bsurgeon[- ]in[- ]chief\b|\bhead\s+of\s+(?:the\s+)?(?:department|division)\b/i, 'chair'],
  [/\bprofessor\b|\battending\b|\bsurgeon\b|\bphysician\b|\bfaculty\b|\binstructor\b|\blecturer\b|\bclinician\b/i, 'faculty'],
  [/\bresearch(?:er)?\b|\bscientist\b|\binvestigator\b/i, 'researcher'],
  // Case-sensitive: "MD" or a trailing "DO" is a degree; "do" is a word.
  [/\bM\.?D\b|\bD\.?O\.?(?=\s*$|,)/, 'faculty'],
];

/** A role for a contact from the position an export gives; `other` when nothing fits. */
export function guessRole(position: string | null | undefined): RoleGuess {
  const from = oneLine(position);
  if (from === null) return { role: 'other', from: null };
  for (const [pattern, role] of RULES) if (pattern.test(from)) return { role, from };
  return { role: 'other', from };
}
