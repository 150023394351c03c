import * as vscode from 'vscode';
import { rapportApi, type RapportApi } from './api';
import { registerCommands } from './commands';
import { RapportConfig } from './config';
import type { RapportEnvironment } from './environment';
import { RapportHost } from './host';
import { RapportCompletions, RapportHovers } from './completions';
import { importCommands } from './importCommand';
import { noteCommands } from './noteCommands';
import { FollowUpQuickFixes } from './quickFixes';
import { seasonCommands } from './seasonCommands';
import { templateCommands } from './templateCommands';
import { vaultCommands } from './vaultCommands';

/**
 * The composition root: build the host, hand it to each feature, and say so when
 * something fails instead of failing silently. No vault I/O happens here; the first
 * index runs in the background once the host starts. Shared by both entry points:
 * `extension.node.ts` (desktop) and `extension.web.ts` (browser) differ only in `env`.
 */
export function activateRapport(context: vscode.ExtensionContext, env: RapportEnvironment): RapportApi {
  const host = new RapportHost(context, env);
  context.subscriptions.push(host);
  try {
    // The one command table: each row an id and its handler; the registrar guards vault commands.
    const commands = registerCommands(host, [vaultCommands, noteCommands(host), templateCommands(host), seasonCommands, importCommands]);
    context.subscriptions.push(
      ...commands.disposables,
      vscode.languages.registerCompletionItemProvider(MARKDOWN, new RapportCompletions(host), ...RapportCompletions.triggers),
      vscode.languages.registerHoverProvider(MARKDOWN, new RapportHovers(host)),
      vscode.languages.registerCodeActionsProvider(MARKDOWN, new FollowUpQuickFixes(host), {
        providedCodeActionKinds: FollowUpQuickFixes.kinds,
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (RapportConfig.affectsSession(e)) host.start();
        else if (RapportConfig.affectsRules(e)) host.session?.settingsChanged().catch((err: unknown) => void vscode.window.showErrorMessage(`Rapport could not apply the new settings: ${err instanceof Error ? err.message : String(err)}`));
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => host.start()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => host.start()),
    );
    void vscode.commands.executeCommand('setContext', 'rapport.localDisk', env.localDisk);
    host.start();
    return rapportApi(host, commands.ids);
  } catch (e) {
    void vscode.window.showErrorMessage(`Rapport failed to start: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  }
}

/** Notes in the vault's own file system, whatever its scheme (file, vscode-remote, vscode-vfs). */
const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
