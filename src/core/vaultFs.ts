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
}

export type ReadResult =
  | { kind: 'text'; text: string }
  | { kind: 'missing' }
  | { kind: 'too-large'; size: number }
  | { kind: 'binary' }
  | { kind: 'skipped'; reason: SkipReason; detail: string }
  | { kind: 'error'; message: string };

export interface VaultFs {
  list(): Promise<Listing>;
  read(path: string, maxBytes: number): Promise<ReadResult>;
}

const IGNORED_DIRS = new Set(['templates', 'node_modules']);

/** Folders that never hold notes: dot-folders (.git, .obsidian, .vscode), templates/, node_modules/. */
export function isIgnoredDir(name: string, depth: number): boolean {
  return name.startsWith('.') || IGNORED_DIRS.has(name) || (depth === 0 && name === '_templates');
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

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.files.set(path, text);
  }

  list(): Promise<Listing> {
    const files = [...this.files.keys(), ...this.vanishing].filter(isNotePath).sort().map((path) => ({ path }));
    return Promise.resolve({ files, skipped: [...this.skipped] });
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
    return { kind: 'text', text: typeof content === 'string' ? content : new TextDecoder().decode(content) };
  }
}
