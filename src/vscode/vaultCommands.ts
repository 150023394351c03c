import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { anyTime, withVault, type CommandTable } from './commands';
import { contains } from '../node/vaultFinder';

/** Commands about the vault as a whole: re-index, grouping, creating one from the sample. */
export function vaultCommands(context: vscode.ExtensionContext): CommandTable {
  return {
    'rapport.refresh': anyTime(({ host }) => host.start()),
    'rapport.network.groupByInstitution': anyTime(({ host }) => host.network?.setGrouping('institution')),
    'rapport.network.groupByRole': anyTime(({ host }) => host.network?.setGrouping('role')),
    'rapport.network.groupByProgram': anyTime(({ host }) => host.network?.setGrouping('program')),
    'rapport.openProfile': withVault(async ({ session }) => {
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
  fs.cpSync(source, dest, { recursive: true, force: false, errorOnExist: false });
  return true;
}
