import * as vscode from 'vscode';
import { rapportApi, type RapportApi } from './api';
import { registerCommands } from './commands';
import { RapportConfig } from './config';
import { RapportHost } from './host';
import { RapportCompletions, RapportHovers } from './completions';
import { importCommands } from './importCommand';
import { noteCommands } from './noteCommands';
import { FollowUpQuickFixes } from './quickFixes';
import { templateCommands } from './templateCommands';
import { vaultCommands } from './vaultCommands';

/**
 * The composition root: build the host, hand it to each feature, and say so when
 * something fails instead of failing silently. No vault I/O happens here; the first
 * index runs in the background once the host starts.
 */
export function activate(context: vscode.ExtensionContext): RapportApi {
  const host = new RapportHost(context);
  context.subscriptions.push(host);
  try {
    // The one command table: each row an id and its handler; the registrar guards vault commands.
    const commands = registerCommands(host, [vaultCommands(context), noteCommands(host), templateCommands(host), importCommands]);
    context.subscriptions.push(
      ...commands.disposables,
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
    return rapportApi(host, commands.ids);
  } catch (e) {
    void vscode.window.showErrorMessage(`Rapport failed to start: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  }
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
