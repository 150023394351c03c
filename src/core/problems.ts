import type { Problem, Range, Severity } from './types';

/** Codes of the problems found while reading a note. Stable: settings and quick fixes use them. */
export const ProblemCode = {
  frontmatterInvalid: 'frontmatter-invalid',
  frontmatterUnclosed: 'frontmatter-unclosed',
  frontmatterNotMapping: 'frontmatter-not-mapping',
  frontmatterLanguage: 'frontmatter-language',
  frontmatterAlias: 'frontmatter-alias',
  frontmatterTab: 'frontmatter-tab',
  duplicateKey: 'duplicate-key',
  invalidDate: 'invalid-date',
  invalidValue: 'invalid-value',
  unknownRole: 'unknown-role',
  unknownStatus: 'unknown-status',
  unknownMentor: 'unknown-mentor',
  unknownType: 'unknown-type',
  unknownInteraction: 'unknown-interaction-kind',
  unresolvedLink: 'unresolved-link',
  mergeConflict: 'merge-conflict',
  fileTooLarge: 'file-too-large',
  binaryFile: 'binary-file',
  notAFile: 'not-a-file',
  outsideVault: 'outside-vault',
  readError: 'read-error',
} as const;
export type ProblemCode = (typeof ProblemCode)[keyof typeof ProblemCode];

export function lineRange(line: number, start = 0, end = start): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** A range covering the text of one line (or a zero-width range on an empty line). */
export function wholeLine(lines: readonly string[], line: number): Range {
  const text = lines[line] ?? '';
  const first = text.length - text.trimStart().length;
  return lineRange(line, first, text.length);
}

export function problem(code: string, severity: Severity, message: string, range: Range): Problem {
  return { code, severity, message, range };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/** True when `severity` is at least as serious as `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

export function compareProblems(a: Problem, b: Problem): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}
