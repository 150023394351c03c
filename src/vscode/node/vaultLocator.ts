import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { RapportConfig } from '../config';
import { looksLikeVault } from '../../node/vaultFinder';

export type NodeVaultLocation = { kind: 'found'; root: string; reason: string } | { kind: 'none'; reason: string };

/**
 * Finds the vault: the `rapport.vaultPath` setting (absolute or relative to the first
 * workspace folder), else a workspace folder that looks like a vault, else one of
 * its direct subfolders. (In Restricted Mode the setting is the user's own; see RapportConfig.)
 */
export function locateVault(config: RapportConfig): NodeVaultLocation {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const configured = config.vaultPath;
  if (configured !== '') {
    const base = folders[0] ?? process.cwd();
    const root = path.resolve(base, configured.replace(/^~(?=$|[\\/])/, process.env.HOME ?? '~'));
    try {
      if (fs.statSync(root).isDirectory()) return { kind: 'found', root, reason: 'rapport.vaultPath' };
    } catch {
      // fall through to the message below
    }
    return { kind: 'none', reason: `rapport.vaultPath is set to ${configured}, but ${root} is not a folder.` };
  }
  for (const folder of folders) if (looksLikeVault(folder)) return { kind: 'found', root: folder, reason: 'workspace folder' };
  for (const folder of folders) {
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries.filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules').sort((a, b) => a.name.localeCompare(b.name))) {
      const dir = path.join(folder, e.name);
      if (looksLikeVault(dir)) return { kind: 'found', root: dir, reason: `folder ${e.name} in the workspace` };
    }
  }
  return { kind: 'none', reason: 'No folder in this workspace looks like a Rapport vault.' };
}
