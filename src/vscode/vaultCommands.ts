import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { processClock } from '../node/clock';
import { copySampleVault } from '../node/vaultInit';
import type { RapportHost } from './host';
import { inside } from './vaultLocator';

/** Commands about the vault as a whole: re-index, grouping, creating one from the sample. */
export function registerVaultCommands(host: RapportHost, context: vscode.ExtensionContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('rapport.refresh', () => host.start()),
    vscode.commands.registerCommand('rapport.network.groupByInstitution', () => host.network?.setGrouping('institution')),
    vscode.commands.registerCommand('rapport.network.groupByRole', () => host.network?.setGrouping('role')),
    vscode.commands.registerCommand('rapport.network.groupByProgram', () => host.network?.setGrouping('program')),
    vscode.commands.registerCommand('rapport.openProfile', async () => {
      const session = host.session;
      if (!session) {
        void vscode.window.showInformationMessage('Rapport: open a vault first.');
        return;
      }
      const uri = session.uriOf('profile.md');
      // Through the guarded layer: a profile.md that links out of the vault is not opened, a new one never overwrites.
      const where = session.files.locate('profile.md');
      if (!where.ok) {
        void vscode.window.showErrorMessage(`Rapport: your profile was not opened: ${where.reason}.`);
        return;
      }
      if (where.value === 'missing') {
        const skeleton = '---\nname: \nschool: \nyear: \ninterests: []\nemail: \n---\n\nA line or two about what you are looking for this season.\n';
        const created = session.files.create('profile.md', skeleton);
        if (!created.ok && !/already exists/.test(created.reason)) {
          void vscode.window.showErrorMessage(`Rapport: your profile could not be created: ${created.reason}.`);
          return;
        }
      }
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    }),
    vscode.commands.registerCommand('rapport.openVaultFolder', async () => {
      const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Open Vault' });
      if (picked?.[0]) await vscode.commands.executeCommand('vscode.openFolder', picked[0]);
    }),
    vscode.commands.registerCommand('rapport.createVaultFromSample', async (target?: vscode.Uri) => {
      const dest = target ?? (await vscode.window.showOpenDialog({
        canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Create Vault Here',
        title: 'Choose an empty folder for your Rapport vault',
      }))?.[0];
      if (!dest) return undefined;
      const created = await copySample(context.extensionUri, dest.fsPath);
      if (!created) return undefined;
      const inWorkspace = (vscode.workspace.workspaceFolders ?? []).some((f) => inside(dest.fsPath, f.uri.fsPath));
      if (inWorkspace) {
        host.start();
        return dest;
      }
      const open = await vscode.window.showInformationMessage(`Rapport: sample vault created in ${dest.fsPath}.`, 'Open Folder');
      if (open) await vscode.commands.executeCommand('vscode.openFolder', dest);
      return dest;
    }),
  ];
}

/**
 * Copies the bundled sample with its story moved to today (as `rapport init --sample` does);
 * asks before using a non-empty folder and never overwrites a file.
 */
async function copySample(extensionUri: vscode.Uri, dest: string): Promise<boolean> {
  const source = path.join(extensionUri.fsPath, 'examples', 'vault');
  fs.mkdirSync(dest, { recursive: true });
  const existing = fs.readdirSync(dest).filter((n) => !n.startsWith('.'));
  if (existing.length > 0) {
    const answer = await vscode.window.showWarningMessage(
      `${dest} is not empty (${existing.length} item${existing.length === 1 ? '' : 's'}). Copy the sample vault into it anyway? Existing files are kept as they are.`,
      { modal: true }, 'Copy Anyway');
    if (answer !== 'Copy Anyway') return false;
  }
  const copied = copySampleVault(dest, processClock().today(), source);
  if (!copied.ok) {
    void vscode.window.showErrorMessage(`Rapport: the sample vault was not copied: ${copied.reason}.`);
    return false;
  }
  return true;
}
