import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { buildRegistry } from '../../core/templates';
import { processClock } from '../../node/clock';
import { loadVaultConfig } from '../../node/config';
import { loadRememberedMapping, readImportFile, rememberMapping, writePlannedNotes } from '../../node/importFile';
import { NodeFs } from '../../node/nodeFs';
import { readTemplateDir } from '../../node/templateLoader';
import type { RapportEnvironment } from '../environment';
import { inside, locateVault } from './vaultLocator';

/**
 * The desktop (and code-server) host: the vault on the local disk through `src/node`, whose
 * reads refuse links out of the vault and whose writes never replace a file; today from
 * `RAPPORT_TODAY` or the machine's date.
 */
export function nodeEnvironment(context: vscode.ExtensionContext): RapportEnvironment {
  return {
    kind: 'node',
    clock: processClock(),
    localDisk: true,
    vaultFs: (root) => new NodeFs(root.fsPath),
    locateVault: (config) => {
      const found = locateVault(config);
      return found.kind === 'found' ? { kind: 'found', root: vscode.Uri.file(found.root), reason: found.reason } : found;
    },
    loadVaultConfig: (root) => loadVaultConfig(root.fsPath),
    readTemplates: (root, folder) => {
      const builtins = readTemplateDir(path.join(context.extensionPath, 'templates'), 'builtin');
      let vault = { files: builtins.files.slice(0, 0), problems: builtins.problems.slice(0, 0), contactTemplate: null as string | null };
      let warning: string | undefined;
      if (root) {
        const dir = path.resolve(root.fsPath, folder);
        if (inside(dir, root.fsPath)) vault = readTemplateDir(dir, 'vault', root.fsPath);
        else warning = `rapport.templatesFolder (${folder}) is outside the vault and was ignored.`;
      }
      return { registry: buildRegistry(builtins.files, vault.files, [...builtins.problems, ...vault.problems]), contactTemplate: vault.contactTemplate, warning };
    },
    readImportFile: async (file) => readImportFile(file.fsPath),
    loadRememberedMapping: async (root) => loadRememberedMapping(root.fsPath),
    rememberMapping: async (root, mapping) => rememberMapping(root.fsPath, mapping),
    writeNewNotes: async (root, notes) => writePlannedNotes(root.fsPath, notes),
    exists: async (uri) => fs.existsSync(uri.fsPath),
    copySample: (dest, confirm) => copySample(context.extensionUri, dest.fsPath, confirm),
  };
}

/** Copies the bundled sample; asks before using a non-empty folder and never overwrites a file. */
async function copySample(extensionUri: vscode.Uri, dest: string, confirm: (existing: number) => Promise<boolean>): Promise<boolean> {
  const source = path.join(extensionUri.fsPath, 'examples', 'vault');
  fs.mkdirSync(dest, { recursive: true });
  const existing = fs.readdirSync(dest).filter((n) => !n.startsWith('.'));
  if (existing.length > 0 && !(await confirm(existing.length))) return false;
  fs.cpSync(source, dest, { recursive: true, force: false, errorOnExist: false });
  return true;
}
