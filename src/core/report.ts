import type { CalendarDate } from './dates';
import { PATIENT_IDENTIFIER_CODE } from './privacy';
import { PROFILE_FILE, missingProfile } from './profile';
import { atLeast, compareProblems } from './problems';
import { evaluateVault } from './rules';
import { DEFAULT_SETTINGS, type RapportSettings } from './settings';
import type { Problem, Severity } from './types';
import type { Vault } from './vault';

/** One line of `rapport check`: 1-based positions, vault-relative path, as editors link them. */
export interface ReportedProblem {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  code: string;
  message: string;
  contact: string | null;
  due?: CalendarDate;
}

/**
 * Every problem in the vault, by file then line: what reading found and, when
 * `today` is given, the follow-ups that show on that day.
 */
export function collectProblems(vault: Vault, today?: CalendarDate, settings: RapportSettings = DEFAULT_SETTINGS): ReportedProblem[] {
  const out: ReportedProblem[] = [];
  const followUps = today === undefined ? new Map<string, Problem[]>() : evaluateVault(vault, today, settings);
  // A problem of the vault as a whole, on the file that is missing.
  const noProfile = missingProfile(vault);
  if (noProfile) out.push({ file: PROFILE_FILE, line: 1, column: 1, ...noProfile, contact: null });
  for (const path of vault.paths()) {
    const note = vault.get(path)!;
    const problems = noteProblems(vault, path, settings, followUps.get(path));
    for (const p of problems) {
      out.push({
        file: path,
        line: p.range.start.line + 1,
        column: p.range.start.character + 1,
        severity: p.severity,
        code: p.code,
        message: p.message,
        contact: note.kind === 'contact' ? note.name : null,
        ...(p.due ? { due: p.due } : {}),
      });
    }
  }
  return out;
}

/**
 * One note's problems as shown: what reading found, with the privacy guard graded
 * (or dropped) as the settings say, plus the note's follow-ups.
 */
export function noteProblems(vault: Vault, path: string, settings: RapportSettings, followUps: readonly Problem[] = []): Problem[] {
  let read = vault.problemsFor(path);
  const guard = settings.privacyGuard;
  if (guard !== 'info' && read.some((p) => p.code === PATIENT_IDENTIFIER_CODE)) {
    read = read.flatMap((p) => (p.code !== PATIENT_IDENTIFIER_CODE ? [p] : guard === 'off' ? [] : [{ ...p, severity: guard }]));
  }
  return followUps.length > 0 ? [...read, ...followUps].sort(compareProblems) : read;
}

export function formatProblemLine(p: ReportedProblem, prefix = ''): string {
  return `${prefix}${p.file}:${p.line}:${p.column}: ${p.severity} ${p.code}: ${p.message}`;
}

export function hasProblemAtLeast(problems: readonly ReportedProblem[], threshold: Severity | 'never'): boolean {
  return threshold !== 'never' && problems.some((p) => atLeast(p.severity, threshold));
}
