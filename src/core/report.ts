import type { CalendarDate } from './dates';
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
  for (const path of vault.paths()) {
    const note = vault.get(path)!;
    const found = followUps.get(path);
    const problems = found ? [...vault.problemsFor(path), ...found].sort(compareProblems) : vault.problemsFor(path);
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

export function formatProblemLine(p: ReportedProblem, prefix = ''): string {
  return `${prefix}${p.file}:${p.line}:${p.column}: ${p.severity} ${p.code}: ${p.message}`;
}

export function hasProblemAtLeast(problems: readonly ReportedProblem[], threshold: Severity | 'never'): boolean {
  return threshold !== 'never' && problems.some((p) => atLeast(p.severity, threshold));
}
