import * as vscode from 'vscode';
import { RapportConfig } from './config';
import { RapportHost } from './host';
import { registerNoteCommands } from './noteCommands';
import { FollowUpQuickFixes } from './quickFixes';
import { registerVaultCommands } from './vaultCommands';

/**
 * The composition root: build the host, hand it to each feature, and say so when
 * something fails instead of failing silently. No vault I/O happens here; the first
 * index runs in the background once the host starts.
 */
export function activate(context: vscode.ExtensionContext): RapportHost {
  const host = new RapportHost(context);
  try {
    context.subscriptions.push(
      host,
      ...registerNoteCommands(host),
      ...registerVaultCommands(host, context),
      vscode.languages.registerCodeActionsProvider({ language: 'markdown', scheme: 'file' }, new FollowUpQuickFixes(host), {
        providedCodeActionKinds: FollowUpQuickFixes.kinds,
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (RapportConfig.affectsSession(e)) host.start();
        else if (RapportConfig.affectsRules(e) && host.session) {
          host.session.loadSettings();
          host.session.reevaluateAll();
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => host.start()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => host.start()),
    );
    host.start();
  } catch (e) {
    void vscode.window.showErrorMessage(`Rapport failed to start: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  }
  return host;
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
