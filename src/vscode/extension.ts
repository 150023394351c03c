import * as vscode from 'vscode';
import { RapportConfig } from './config';
import { RapportHost } from './host';
import { RapportCompletions, RapportHovers } from './completions';
import { registerImportCommand } from './importCommand';
import { registerNoteCommands } from './noteCommands';
import { FollowUpQuickFixes } from './quickFixes';
import { registerSeasonCommands } from './seasonCommands';
import { registerTemplateCommands } from './templateCommands';
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
      ...registerTemplateCommands(host),
      ...registerSeasonCommands(host),
      registerImportCommand(host),
      vscode.languages.registerCompletionItemProvider({ language: 'markdown', scheme: 'file' }, new RapportCompletions(host), ...RapportCompletions.triggers),
      vscode.languages.registerHoverProvider({ language: 'markdown', scheme: 'file' }, new RapportHovers(host)),
      vscode.languages.registerCodeActionsProvider({ language: 'markdown', scheme: 'file' }, new FollowUpQuickFixes(host), {
        providedCodeActionKinds: FollowUpQuickFixes.kinds,
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (RapportConfig.affectsSession(e)) host.start();
        else if (RapportConfig.affectsRules(e)) host.session?.settingsChanged();
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
