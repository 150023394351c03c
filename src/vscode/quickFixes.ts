import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, toRange, toWorkspaceEdit } from './convert';
import { redactEdit, setFrontmatterField, type EditResult } from '../core/edits';
import { fromRange } from './convert';
import { canMarkDone, markDoneEdit, noReplyNeededEdit, snoozeDate, snoozeEdit } from '../core/resolutions';
import { PATIENT_IDENTIFIER_CODE, REDACTED } from '../core/privacy';
import { RULE_CODES } from '../core/settings';
import type { RapportHost } from './host';
import { SEASON_FIXES, SEASON_STEPS, seasonStepEdit } from '../core/season/edits';
import { seasonCommandId } from './seasonCommands';

const TITLES: Record<string, string> = {
  'follow-up-due': 'Mark follow-up done',
  'conference-follow-up': 'Mark done: log the conference follow-up email',
  'awaiting-reply': 'Mark done: log the polite follow-up',
  'attempts-exhausted': 'Stop nudging: set status dormant',
  'reply-owed': 'Mark done: log your reply',
  'rotation-feedback': 'Mark done: note that you asked for feedback',
  'rotation-thank-you': 'Mark done: log the thank-you',
  'eras-update': 'Mark done: log the ERAS update email',
  'keep-in-touch': 'Mark done: log a keep-in-touch email',
  'report-back': 'Mark done: log that you reported back',
  'meeting-prep': 'Mark done: log that you sent your agenda and CV',
  'pre-rotation': 'Mark done: log the email to the coordinator',
  'rotation-interest': 'Mark done: note that you expressed your interest',
  'research-check-in': 'Mark done: log the progress update',
  reconnect: 'Mark done: log the fresh note',
};

/**
 * Quick fixes on Rapport's follow-up diagnostics. Edits that need no answer are
 * computed here from the buffer, so the lightbulb shows exactly what will change;
 * the rest run a command that asks first.
 */
export class FollowUpQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly host: RapportHost) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const session = this.host.session;
    const path = session?.relative(doc.uri);
    if (!session || path === undefined) return [];
    // A note that is a link out of the vault gets no edits: saving them would write the target.
    if (session.editRefusal(doc.uri) !== null) return [];
    const text = doc.getText();
    const actions: vscode.CodeAction[] = [];
    const edit = (title: string, result: EditResult, diagnostic: vscode.Diagnostic, preferred = false) => {
      if (!result.ok) return;
      const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      a.edit = toWorkspaceEdit(doc.uri, result.edits);
      a.diagnostics = [diagnostic];
      a.isPreferred = preferred;
      actions.push(a);
    };
    const command = (title: string, cmd: vscode.Command, diagnostic: vscode.Diagnostic) => {
      const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      a.command = cmd;
      a.diagnostics = [diagnostic];
      actions.push(a);
    };

    const isContact = session.note(doc.uri)?.kind === 'contact';
    for (const d of context.diagnostics) {
      const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
      if (d.source === DIAGNOSTIC_SOURCE && code === PATIENT_IDENTIFIER_CODE) {
        // Proven like every edit: in the frontmatter, only the value holding the identifier may change.
        edit(`Redact (replace with ${REDACTED})`, redactEdit(text, fromRange(doc.validateRange(d.range)), REDACTED), d, true);
        continue;
      }
      if (d.source === DIAGNOSTIC_SOURCE && (code === 'invalid-date' || code === 'unreadable-log-line')) {
        // "Did you mean 2026-10-12?": the reader carried the replacement in the problem.
        const fix = session.problems(path).find((p) => p.code === code && p.range.start.line === d.range.start.line && p.replacement)?.replacement;
        if (fix) {
          const a = new vscode.CodeAction(`Change to ${fix.text}`, vscode.CodeActionKind.QuickFix);
          a.edit = new vscode.WorkspaceEdit();
          a.edit.replace(doc.uri, toRange(fix.range), fix.text);
          a.diagnostics = [d];
          a.isPreferred = true;
          actions.push(a);
        }
        continue;
      }
      if (d.source !== DIAGNOSTIC_SOURCE || !(RULE_CODES as readonly string[]).includes(code)) continue;
      const line = d.range.start.line;
      const followUp = session.followUps(path).find((f) => f.code === code && f.range.start.line === line);
      if (followUp?.template) {
        const title = this.host.templates().registry.get(followUp.template)?.title ?? followUp.template;
        command(`Insert the email: ${title}`, { command: 'rapport.insertTemplate', title: 'Insert Template', arguments: [doc.uri, followUp.template] }, d);
      }
      // The season's steps: a date under letter: or interview:, one undoable edit (the interview date is asked for).
      for (const step of SEASON_FIXES[code] ?? []) {
        if (step === 'interviewScheduled') command(`${SEASON_STEPS[step].title}…`, { command: seasonCommandId(step), title: SEASON_STEPS[step].title, arguments: [doc.uri] }, d);
        else edit(SEASON_STEPS[step].title, seasonStepEdit(text, step, session.today), d, true);
      }
      if (code === 'reply-owed') edit('No answer needed: close their message', noReplyNeededEdit(text, session.today), d);
      if (canMarkDone(code)) edit(TITLES[code] ?? 'Mark follow-up done', markDoneEdit(text, path, { code, range: { start: { line, character: 0 }, end: { line, character: 0 } } }, session.today), d, true);
      command('Log interaction today…', { command: 'rapport.logInteraction', title: 'Log Interaction', arguments: [doc.uri, code] }, d);
      if (isContact) {
        edit('Snooze 3 days', snoozeEdit(text, snoozeDate(session.today, 3)), d);
        edit('Snooze 1 week', snoozeEdit(text, snoozeDate(session.today, 7)), d);
        command('Snooze until…', { command: 'rapport.snooze', title: 'Snooze', arguments: [doc.uri] }, d);
      }
      if (isContact && code !== 'attempts-exhausted') edit('Set status dormant', setFrontmatterField(text, 'status', 'dormant'), d);
    }
    return actions;
  }
}
