import type { PatientIdentifierKind } from './types';

/**
 * Messages name the cue that triggered a finding (a known keyword such as 'MRN' or
 * 'daughter'), never the identifier: a message is shown, copied and logged in
 * places the note text itself never goes.
 */
const TAIL = "Patient identifiers don't belong in your networking notes; redact it.";

export function messageFor(kind: PatientIdentifierKind, cue: string | null): string {
  const near = cue ? ` (near '${cue}')` : '';
  switch (kind) {
    case 'mrn':
      return `Looks like a medical record number${cue ? ` (after '${cue}')` : ''}. ${TAIL}`;
    case 'dob':
      return `Looks like a date of birth${cue ? ` (after '${cue}')` : ''}. ${TAIL}`;
    case 'ssn':
      return `Looks like a US Social Security number${cue ? ` (after '${cue}')` : ''}. ${TAIL}`;
    case 'phone':
      return `Looks like a patient's or their family's phone number${near}, not an office line. ${TAIL}`;
    case 'address':
      return `Looks like a patient's street address${near}. ${TAIL}`;
    case 'age':
      return `Looks like a patient's age given with clinical details${near}; together they can identify the patient. `
        + "Keep case details out of your networking notes, or describe the case without the age.";
    case 'room':
      return `Looks like a patient's room or bed number${near}. ${TAIL}`;
  }
}
