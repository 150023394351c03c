import * as vscode from 'vscode';
import { isIgnoredFolder, isNoteFile, templatesDirKey, looksBinary, type Listing, type ReadResult, type VaultFs } from '../../core/vaultFs';

/** How many reads are in flight at once: on a remote file system each is a network round trip. */
const PARALLEL_READS = 16;

/**
 * The vault through `vscode.workspace.fs`: what the browser build reads with (github.dev,
 * vscode.dev, code-server's web worker host), where there is no disk of our own. Symbolic
 * links are listed as problems, not followed: from here their target cannot be checked.
 */
export class WorkspaceFs implements VaultFs {
  private readonly ahead = new Map<string, Promise<ReadResult>>();
  private order: string[] = [];
  private position = new Map<string, number>();
  private maxBytes = 0;

  /** The vault's templates folder, asked at each listing: the settings are read after the index is made. */
  constructor(readonly root: vscode.Uri, private readonly templatesFolder: () => string | undefined = () => undefined) {}

  private uri(rel: string): vscode.Uri {
    return vscode.Uri.joinPath(this.root, ...rel.split('/'));
  }

  async list(): Promise<Listing> {
    const templatesKey = templatesDirKey(this.templatesFolder());
    const listing: Listing = { files: [], skipped: [] };
    const stack: { rel: string; depth: number }[] = [{ rel: '', depth: 0 }];
    while (stack.length > 0) {
      const dir = stack.pop()!;
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(dir.rel === '' ? this.root : this.uri(dir.rel));
      } catch {
        continue; // removed while we walked: nothing to index there
      }
      for (const [name, type] of entries) {
        const rel = dir.rel === '' ? name : `${dir.rel}/${name}`;
        const link = (type & vscode.FileType.SymbolicLink) !== 0;
        if ((type & vscode.FileType.Directory) !== 0) {
          if (!link && !isIgnoredFolder(rel, name, dir.depth, templatesKey)) stack.push({ rel, depth: dir.depth + 1 });
          continue;
        }
        if (!isNoteFile(name)) continue;
        if (link) listing.skipped.push({ path: rel, reason: 'not-a-file', detail: 'a symbolic link; Rapport does not follow links here' });
        else if ((type & vscode.FileType.File) !== 0) listing.files.push({ path: rel });
        else listing.skipped.push({ path: rel, reason: 'not-a-file', detail: 'not a regular file' });
      }
    }
    listing.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    this.order = listing.files.map((f) => f.path);
    this.position = new Map(this.order.map((p, i) => [p, i]));
    return listing;
  }

  /**
   * Reads one note. During a scan (paths read in listing order) the next reads are already
   * on their way, so a remote vault costs a few round trips per batch, not one per note.
   */
  read(rel: string, maxBytes: number): Promise<ReadResult> {
    this.maxBytes = maxBytes;
    const pending = this.ahead.get(rel);
    if (pending) {
      this.ahead.delete(rel);
      this.readAhead(rel);
      return pending;
    }
    const result = this.readNow(rel, maxBytes);
    this.readAhead(rel);
    return result;
  }

  private readAhead(after: string): void {
    const i = this.position.get(after);
    if (i === undefined) return;
    for (const next of this.order.slice(i + 1, i + 1 + PARALLEL_READS)) {
      if (!this.ahead.has(next)) this.ahead.set(next, this.readNow(next, this.maxBytes));
    }
    // The listing's order is used once; later refreshes read one note at a time.
    if (i === this.order.length - 1) {
      this.order = [];
      this.position.clear();
    }
  }

  private async readNow(rel: string, maxBytes: number): Promise<ReadResult> {
    const uri = this.uri(rel);
    try {
      const st = await vscode.workspace.fs.stat(uri);
      if ((st.type & vscode.FileType.File) === 0) return { kind: 'skipped', reason: 'not-a-file', detail: 'not a regular file' };
      if (st.size > maxBytes) return { kind: 'too-large', size: st.size };
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.length > maxBytes) return { kind: 'too-large', size: bytes.length };
      if (looksBinary(bytes)) return { kind: 'binary' };
      return { kind: 'text', text: new TextDecoder().decode(bytes) };
    } catch (e) {
      if (e instanceof vscode.FileSystemError && (e.code === 'FileNotFound' || e.code === 'EntryNotFound')) return { kind: 'missing' };
      return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
    }
  }
}
