import * as vscode from 'vscode';

/** The largest snapshot read back: 10,000 notes take ~15 MB; anything far larger is not ours. */
const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;

/** Where a session keeps its index snapshot between windows. */
export interface SnapshotStore {
  /** The snapshot's text, or null when there is none (or it cannot be read, or is too large). */
  load(): Promise<string | null>;
  /** Replaces the snapshot; a failure is reported to the caller, who may ignore it. */
  save(text: string): Promise<void>;
}

/** FNV-1a of a string as 8 hex digits: a short file name per vault. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The snapshot in the extension's workspace storage (`context.storageUri`), through
 * `vscode.workspace.fs` so the browser build keeps one too. One file per vault folder;
 * the snapshot's own header names the vault, so a hash collision is discarded on read.
 * Written to a temporary name and renamed over the old one, so a window closed mid-write
 * leaves the previous snapshot, not half of a new one.
 */
export function workspaceSnapshotStore(storage: vscode.Uri | undefined, vault: vscode.Uri): SnapshotStore | undefined {
  if (!storage) return undefined;
  const file = vscode.Uri.joinPath(storage, `index-${hash(vault.toString())}.jsonl`);
  const temp = vscode.Uri.joinPath(storage, `index-${hash(vault.toString())}.jsonl.tmp`);
  return {
    async load() {
      try {
        const st = await vscode.workspace.fs.stat(file);
        if (st.size > MAX_SNAPSHOT_BYTES) return null;
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      } catch {
        return null;
      }
    },
    async save(text) {
      await vscode.workspace.fs.createDirectory(storage);
      await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
      await vscode.workspace.fs.rename(temp, file, { overwrite: true });
    },
  };
}
