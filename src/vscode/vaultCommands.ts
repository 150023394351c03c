import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { anyTime, withVault, type CommandTable } from './commands';
import { contains } from '../node/vaultFinder';
import { copyIntoVault } from '../node/sampleCopy';

/** Commands about the vault as a whole: re-index, grouping, creating one from the sample. */
export function vaultCommands(context: vscode.ExtensionContext): CommandTable {
  return {
    'rapport.refresh': anyTime(({ host }) => host.start()),
    'rapport.network.groupByInstitution': anyTime(({ host }) => host.network?.setGrouping('institution')),
    'rapport.network.groupByRole': anyTime(({ host }) => host.network?.setGrouping('role')),
    'rapport.network.groupByProgram': anyTime(({ host }) => host.network?.setGrouping('program')),
    'rapport.openProfile': withVault(async ({ session }) => {
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
    'rapport.openVaultFolder': anyTime(async () => {
      const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Open Vault' });
      if (picked?.[0]) await vscode.commands.executeCommand('vscode.openFolder', picked[0]);
    }),
    'rapport.createVaultFromSample': anyTime(async ({ host }, target?: vscode.Uri) => {
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
  };
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
  const copied = copyIntoVault(source, dest);
  if (!copied.ok) {
    void vscode.window.showErrorMessage(`Rapport: the sample vault was not copied: ${copied.reason}.`);
    return false;
  }
  return true;
}
