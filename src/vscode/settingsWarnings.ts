import * as vscode from 'vscode';
import type { VaultSession } from './session';

/**
 * Problems with the `rapport.*` VS Code settings are VS Code settings problems: shown as a
 * warning that names the setting, with a button to the Settings editor — not on the
 * vault's `.rapport.json`, and not dropped when the vault has no such file. Each set of
 * problems is shown once, so re-evaluating does not repeat it.
 */
export class VsCodeSettingsWarnings implements vscode.Disposable {
  private shown = '';
  private readonly subscription: vscode.Disposable;

  constructor(session: VaultSession) {
    this.subscription = session.onDidChange((change) => {
      if (change.all) this.show(session.vscodeSettingsErrors);
    });
  }

  private show(errors: readonly string[]): void {
    const key = errors.join('\n');
    if (key === this.shown) return;
    this.shown = key;
    if (errors.length === 0) return;
    const setting = /'(rapport\.[\w-]+)/.exec(errors[0])?.[1] ?? 'rapport';
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    void vscode.window.showWarningMessage(`Rapport: VS Code setting ${errors[0]}${more} The default is used instead.`, 'Open Settings').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', setting);
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
