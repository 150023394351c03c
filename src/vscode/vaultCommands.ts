import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { RapportHost } from './host';
import { contains } from '../node/vaultFinder';

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
      if (!fs.existsSync(uri.fsPath)) {
        // A new profile from a skeleton; never over an existing file (the check above and 'wx' below).
        const skeleton = '---\nname: \nschool: \nyear: \ninterests: []\nemail: \n---\n\nA line or two about what you are looking for this season.\n';
        try {
          fs.writeFileSync(uri.fsPath, skeleton, { flag: 'wx' });
        } catch {
          // someone created it in between: open theirs
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
      const inWorkspace = (vscode.workspace.workspaceFolders ?? []).some((f) => contains(f.uri.fsPath, dest.fsPath));
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

/** Copies the bundled sample; asks before using a non-empty folder and never overwrites a file. */
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
  fs.cpSync(source, dest, { recursive: true, force: false, errorOnExist: false });
  return true;
}
