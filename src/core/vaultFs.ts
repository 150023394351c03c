/**
 * What the core needs from a file system. The Node implementation lives in
 * `src/node/nodeFs.ts`; tests use `MemoryFs` below.
 */
export interface FileEntry {
  /** Vault-relative, forward slashes. */
  path: string;
}

export type SkipReason = 'not-a-file' | 'outside-vault';

export interface SkippedEntry {
  path: string;
  reason: SkipReason;
  detail: string;
}

export interface Listing {
  files: FileEntry[];
  /** Markdown-named entries that are not read, each reported as a problem. */
  skipped: SkippedEntry[];
  /** Every other file (attachments: .pdf, .png, Obsidian .base...): `[[links]]` to them resolve. */
  attachments?: string[];
}

/**
 * What a file looked like when read: size, modification and change time (ms). The change
 * time (inode change on a disk) cannot be set back by tools that copy or restore an mtime
 * (`touch -r`, `rsync -t`), so together they tell an edited file from an unchanged one.
 */
export interface FileStamp {
  size: number;
  mtime: number;
  ctime: number;
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtime === b.mtime && a.ctime === b.ctime;
}

export type ReadResult =
  | { kind: 'text'; text: string; stamp?: FileStamp }
  | { kind: 'missing' }
  | { kind: 'too-large'; size: number }
  | { kind: 'binary' }
  | { kind: 'skipped'; reason: SkipReason; detail: string }
  | { kind: 'error'; message: string };

export interface VaultFs {
  list(): Promise<Listing>;
  read(path: string, maxBytes: number): Promise<ReadResult>;
  /** The file's stamp now, or null when it is gone or not a file (only where snapshots are kept). */
  stat?(path: string): Promise<FileStamp | null>;
}

const IGNORED_DIRS = new Set(['templates', 'node_modules']);

/** Folders that never hold notes: dot-folders (.git, .obsidian, .vscode), templates/, node_modules/. */
export function isIgnoredDir(name: string, depth: number): boolean {
  // Case-insensitive: Obsidian's core Templates plugin suggests `Templates/`.
  const lower = name.toLowerCase();
  return name.startsWith('.') || IGNORED_DIRS.has(lower) || (depth === 0 && lower === '_templates');
}

/**
 * The vault's templates folder as a lower-case relative path (`rapport.templatesFolder`,
 * `templates` by default), or null when the setting names no folder inside the vault.
 * Compared case-insensitively: Obsidian's Templates plugin suggests `Templates/`.
 */
export function templatesDirKey(folder: string | undefined): string | null {
  const slashed = (folder ?? 'templates').trim().replace(/\\/g, '/');
  if (slashed.startsWith('/')) return null;
  const parts = slashed.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.some((p) => p === '..') || /^[a-z]:/i.test(parts[0])) return null;
  return parts.join('/').toLowerCase();
}

/** True for a folder that never holds notes: `isIgnoredDir`, or the configured templates folder. */
export function isIgnoredFolder(rel: string, name: string, depth: number, templatesKey: string | null): boolean {
  return isIgnoredDir(name, depth) || (templatesKey !== null && rel.toLowerCase() === templatesKey);
}

export function isNoteFile(name: string): boolean {
  return /\.md$/i.test(name) && !name.startsWith('.');
}

/** True when a vault-relative path would be indexed (used to filter watcher events). */
export function isNotePath(path: string): boolean {
  const parts = path.split('/');
  const file = parts.pop() ?? '';
  return isNoteFile(file) && parts.every((dir, depth) => !isIgnoredDir(dir, depth));
}

/** True when no folder of the path is ignored (the file itself may be any kind). */
export function isListedPath(path: string): boolean {
  const parts = path.split('/');
  parts.pop();
  return parts.every((dir, depth) => !isIgnoredDir(dir, depth));
}

/** Looks at the first bytes the way git does: a NUL byte means binary. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8000);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** An in-memory vault, for tests and for documents that exist only in an editor. */
export class MemoryFs implements VaultFs {
  readonly files = new Map<string, string | Uint8Array>();
  readonly skipped: SkippedEntry[] = [];
  /** Paths listed but gone by the time they are read, as when a file is deleted mid-scan. */
  readonly vanishing = new Set<string>();
  /** Modification times by path (default 1): tests set them to say a file was touched. */
  readonly mtimes = new Map<string, number>();

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.files.set(path, text);
  }

  list(): Promise<Listing> {
    const files = [...this.files.keys(), ...this.vanishing].filter(isNotePath).sort().map((path) => ({ path }));
    const attachments = [...this.files.keys()].filter((p) => !isNotePath(p) && isListedPath(p));
    return Promise.resolve({ files, skipped: [...this.skipped], attachments });
  }

  read(path: string, maxBytes: number): Promise<ReadResult> {
    return Promise.resolve(this.readNow(path, maxBytes));
  }

  private readNow(path: string, maxBytes: number): ReadResult {
    const content = this.files.get(path);
    if (content === undefined || this.vanishing.has(path)) return { kind: 'missing' };
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    if (bytes.length > maxBytes) return { kind: 'too-large', size: bytes.length };
    if (looksBinary(bytes)) return { kind: 'binary' };
    return { kind: 'text', text: typeof content === 'string' ? content : new TextDecoder().decode(content), stamp: this.stampOf(path, bytes.length) };
  }

  stat(path: string): Promise<FileStamp | null> {
    const content = this.files.get(path);
    if (content === undefined || this.vanishing.has(path)) return Promise.resolve(null);
    return Promise.resolve(this.stampOf(path, typeof content === 'string' ? new TextEncoder().encode(content).length : content.length));
  }

  private stampOf(path: string, size: number): FileStamp {
    const t = this.mtimes.get(path) ?? 1;
    return { size, mtime: t, ctime: t };
  }
}
