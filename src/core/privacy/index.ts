import { lineRange, problem } from '../problems';
import type { Problem, Severity } from '../types';
import { scanLine } from './detectors';
import { ownContactLines } from './frontmatterKeys';
import { PATIENT_IDENTIFIER_CODE, type PatientIdentifier } from './types';

export { PATIENT_IDENTIFIER_CODE, PATIENT_IDENTIFIER_KINDS } from './types';
export type { PatientIdentifier } from './types';
export { REDACTED, redact, redactAll } from './redact';
export { isPlausibleSsn } from './ssn';

/** The rule's default severity: a nudge, since a detector of identifiers in free text can be wrong. */
export const PATIENT_IDENTIFIER_DEFAULT_SEVERITY: Severity = 'info';

export interface PatientIdentifierOptions {
  /** First 0-based line to scan (e.g. the first body line to skip a frontmatter block entirely). */
  fromLine?: number;
}

/**
 * Likely patient identifiers in a note: record numbers, dates of birth, SSNs,
 * a patient's phone or address, ages with clinical details, room and bed numbers.
 * Pure and local: the text is only read, never logged or sent. Frontmatter fields
 * holding the note's own contact details (`phone:`, `email:`, `address:`...) are skipped.
 */
export function findPatientIdentifiers(lines: readonly string[], options: PatientIdentifierOptions = {}): PatientIdentifier[] {
  const requested = options.fromLine ?? 0;
  // A NaN or infinite start must not silently skip the whole note.
  const from = Number.isFinite(requested) ? Math.max(0, Math.floor(requested)) : 0;
  const own = ownContactLines(lines);
  const out: PatientIdentifier[] = [];
  for (let i = from; i < lines.length; i++) {
    if (own.has(i)) continue;
    for (const h of scanLine(lines[i])) {
      out.push({ kind: h.kind, range: lineRange(i, h.start, h.end), message: h.message });
    }
  }
  return out;
}

/** The findings as problems for the rules engine; `'off'` turns the rule off. */
export function patientIdentifierProblems(
  lines: readonly string[],
  severity: Severity | 'off' = PATIENT_IDENTIFIER_DEFAULT_SEVERITY,
  options: PatientIdentifierOptions = {},
): Problem[] {
  if (severity === 'off') return [];
  return findPatientIdentifiers(lines, options).map((id) => problem(PATIENT_IDENTIFIER_CODE, severity, id.message, id.range));
}
