import type { Range } from '../types';

/** The stable rule code: settings, the Problems panel and quick fixes key on it. */
export const PATIENT_IDENTIFIER_CODE = 'patient-identifier';

export const PATIENT_IDENTIFIER_KINDS = ['mrn', 'dob', 'ssn', 'phone', 'address', 'age', 'room'] as const;
export type PatientIdentifierKind = (typeof PATIENT_IDENTIFIER_KINDS)[number];

export interface PatientIdentifier {
  kind: PatientIdentifierKind;
  /** Exactly the span to redact (the number, the date, the whole "72-year-old" phrase), on one line. */
  range: Range;
  /** What was found and why it matters; never contains the identifier itself. */
  message: string;
}

/** A hit inside one line, in UTF-16 offsets like VS Code's characters. */
export interface LineHit {
  kind: PatientIdentifierKind;
  start: number;
  end: number;
  message: string;
}
