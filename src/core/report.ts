import type { CalendarDate } from './dates';
import { atLeast } from './problems';
import type { Severity } from './types';
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

export function collectProblems(vault: Vault): ReportedProblem[] {
  const out: ReportedProblem[] = [];
  for (const path of vault.paths()) {
    const note = vault.get(path)!;
    for (const p of vault.problemsFor(path)) {
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
