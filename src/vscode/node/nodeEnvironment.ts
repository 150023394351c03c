import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { buildRegistry } from '../../core/templates';
import { processClock } from '../../node/clock';
import { loadVaultConfig } from '../../node/config';
import { loadRememberedMapping, readImportFile, rememberMapping, writePlannedNotes } from '../../node/importFile';
import { NodeFs } from '../../node/nodeFs';
import { VaultFiles } from '../../node/vaultFiles';
import { copySampleVault } from '../../node/vaultInit';
import { readTemplateDir } from '../../node/templateLoader';
import type { NoteFiles, RapportEnvironment } from '../environment';
import { contains } from '../../node/vaultFinder';
import { locateVault } from './vaultLocator';

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
    vaultFs: (root, templatesFolder) => new NodeFs(root.fsPath, { templatesFolder }),
    noteFiles: (root) => guardedFiles(root.fsPath),
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
        if (contains(root.fsPath, dir)) vault = readTemplateDir(dir, 'vault', root.fsPath);
        else warning = `rapport.templatesFolder (${folder}) is outside the vault and was ignored.`;
      }
      return { registry: buildRegistry(builtins.files, vault.files, [...builtins.problems, ...vault.problems]), contactTemplate: vault.contactTemplate, warning };
    },
    readImportFile: (file) => settle(() => readImportFile(file.fsPath)),
    loadRememberedMapping: (root) => settle(() => loadRememberedMapping(root.fsPath)),
    rememberMapping: (root, mapping) => settle(() => rememberMapping(root.fsPath, mapping)),
    writeNewNotes: (root, notes) => settle(() => writePlannedNotes(root.fsPath, notes)),
    exists: (uri) => settle(() => fs.existsSync(uri.fsPath)),
    copySample: (dest, confirm) => copySample(context.extensionUri, dest.fsPath, confirm),
  };
}

/** The guarded file layer of `src/node` (made on first use: opening a session does no I/O). */
function guardedFiles(root: string): NoteFiles {
  let files: VaultFiles | undefined;
  const get = () => (files ??= new VaultFiles(root));
  return {
    editRefusal(rel) {
      try {
        const where = get().locate(rel);
        return where.ok ? null : where.reason;
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    },
    locate: (rel) => settle(() => {
      const where = get().locate(rel);
      return where.ok ? { ok: true, value: where.value === 'missing' ? 'missing' : 'present' } : where;
    }),
    create: (rel, text) => settle(() => get().create(rel, text)),
  };
}

/**
 * Copies the bundled sample with its story moved to today (as `rapport init --sample` does);
 * asks before using a non-empty folder and never overwrites a file.
 */
async function copySample(extensionUri: vscode.Uri, dest: string, confirm: (existing: number) => Promise<boolean>): Promise<boolean> {
  const source = path.join(extensionUri.fsPath, 'examples', 'vault');
  fs.mkdirSync(dest, { recursive: true });
  const existing = fs.readdirSync(dest).filter((n) => !n.startsWith('.'));
  if (existing.length > 0 && !(await confirm(existing.length))) return false;
  const copied = copySampleVault(dest, processClock().today(), source);
  if (!copied.ok) {
    void vscode.window.showErrorMessage(`Rapport: the sample vault was not copied: ${copied.reason}.`);
    return false;
  }
  return true;
}

/** A synchronous Node call as the promise the environment promises; a throw becomes a rejection, as in an async function. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}
