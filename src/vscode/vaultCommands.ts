import * as vscode from 'vscode';
import { PROFILE_FILE, PROFILE_TEMPLATE } from '../core/profile';
import { anyTime, withVault, type CommandTable } from './commands';
import { insideUri } from './uris';

/** Commands about the vault as a whole: re-index, grouping, creating one from the sample. */
export const vaultCommands: CommandTable = {
  'rapport.refresh': anyTime(({ host }) => host.start()),
  'rapport.network.groupByInstitution': anyTime(({ host }) => host.network?.setGrouping('institution')),
  'rapport.network.groupByRole': anyTime(({ host }) => host.network?.setGrouping('role')),
  'rapport.network.groupByProgram': anyTime(({ host }) => host.network?.setGrouping('program')),
  'rapport.openProfile': withVault(async ({ session }) => {
    const uri = session.uriOf('profile.md');
    // Through the guarded layer: a profile.md that links out of the vault is not opened, a new one never overwrites.
    const where = await session.files.locate('profile.md');
    if (!where.ok) {
      void vscode.window.showErrorMessage(`Rapport: your profile was not opened: ${where.reason}.`);
      return;
    }
    if (where.value === 'missing') {
      const created = await session.files.create(PROFILE_FILE, PROFILE_TEMPLATE);
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
    // Hidden where there is no local disk (a browser): the sample ships as files of the extension.
    if (!host.env.copySample) {
      void vscode.window.showInformationMessage('Rapport: creating a vault from the sample needs a local disk; in the browser, open a folder or repository that holds your vault.');
      return undefined;
    }
    const created = await host.env.copySample(dest, confirmNonEmpty(dest));
    if (!created) return undefined;
    const inWorkspace = (vscode.workspace.workspaceFolders ?? []).some((f) => insideUri(dest, f.uri));
    if (inWorkspace) {
      host.start();
      return dest;
    }
    const open = await vscode.window.showInformationMessage(`Rapport: sample vault created in ${dest.fsPath}.`, 'Open Folder');
    if (open) await vscode.commands.executeCommand('vscode.openFolder', dest);
    return dest;
  }),
};

/** Asks before copying the sample into a folder that already holds files. */
function confirmNonEmpty(dest: vscode.Uri): (existing: number) => Promise<boolean> {
  return async (existing) => {
    const answer = await vscode.window.showWarningMessage(
      `${dest.fsPath} is not empty (${existing} item${existing === 1 ? '' : 's'}). Copy the sample vault into it anyway? Existing files are kept as they are.`,
      { modal: true }, 'Copy Anyway');
    return answer === 'Copy Anyway';
  };
}
