import * as vscode from 'vscode';
import type { TextEdit } from '../core/edits';
import type { OtherReminder } from '../core/rules';
import type { Problem, Range, Severity } from '../core/types';

/** The one place core types become VS Code types. */
export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function fromRange(r: vscode.Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'rapport';

/** Past the end of any line: VS Code clamps it to the line's end when it shows the range. */
const LINE_END = 100_000;

/**
 * The reminders one row stands for (one primary reminder per person, or a reconnect
 * hint's lapsed ones), as lines for a hover or a tooltip; empty when there are none.
 */
export function othersText(others: readonly OtherReminder[] | undefined): string {
  if (!others || others.length === 0) return '';
  return `\n\nAlso:\n${others.slice(0, 10).map((o) => `• ${o.code} (${o.severity}, due ${o.due}): ${o.message}`).join('\n')}`;
}

export function toDiagnostic(p: Problem & { others?: readonly OtherReminder[] }): vscode.Diagnostic {
  const { start, end } = p.range;
  // Whole-line problems end at the next line's start; shown like that, a click would put the
  // cursor on the next line and the squiggle would grow over a line inserted below.
  const range = end.line === start.line + 1 && end.character === 0 ? new vscode.Range(start.line, start.character, start.line, LINE_END) : toRange(p.range);
  const d = new vscode.Diagnostic(range, p.message + othersText(p.others), SEVERITY[p.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = p.code;
  return d;
}

export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) we.replace(uri, toRange(e.range), e.newText);
  return we;
}
