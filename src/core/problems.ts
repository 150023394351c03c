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
  unreadableLogLine: 'unreadable-log-line',
  unknownNoteKind: 'unknown-note-kind',
  moreProblems: 'more-problems',
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

/** At most this many problems per note are kept; the rest are counted in one last problem. */
export const MAX_PROBLEMS_PER_NOTE = 100;

/** Keeps the first `MAX_PROBLEMS_PER_NOTE` problems (sort them first), then one "and N more" problem. In place. */
export function capProblems(problems: Problem[], alreadyOmitted = 0): Problem[] {
  if (problems.length <= MAX_PROBLEMS_PER_NOTE && alreadyOmitted === 0) return problems;
  const more = Math.max(problems.length - MAX_PROBLEMS_PER_NOTE, 0) + alreadyOmitted;
  if (problems.length === 0) return problems;
  if (problems.length > MAX_PROBLEMS_PER_NOTE) problems.length = MAX_PROBLEMS_PER_NOTE;
  const last = problems[problems.length - 1].range.start.line;
  problems.push(problem(ProblemCode.moreProblems, 'warning',
    `…and ${more} more problem${more === 1 ? '' : 's'} in this note (only the first ${MAX_PROBLEMS_PER_NOTE} are listed).`, lineRange(last)));
  return problems;
}
