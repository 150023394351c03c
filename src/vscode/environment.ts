import type * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import type { ColumnMapping } from '../core/import';
import type { ImportFileRead } from '../core/import/decode';
import type { TemplateRegistry } from '../core/templates';
import type { VaultFs } from '../core/vaultFs';
import type { RapportConfig } from './config';

export type VaultLocation = { kind: 'found'; root: vscode.Uri; reason: string } | { kind: 'none'; reason: string };

/** The vault's settings file as read, unvalidated (the session merges and validates it). */
export interface VaultConfigRead {
  /** Vault-relative name of the file read, or null when there is none. */
  file: string | null;
  raw: unknown;
  errors: string[];
  /** The file's text, to place each settings problem on its line ('' when not read). */
  text: string;
}

export type Guarded<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * The vault's notes as Rapport may touch them. On the desktop this is `src/node/vaultFiles`
 * (a note that links out of the vault, or is not a regular file, is refused); in a browser
 * `workspace.fs` has no such files to refuse.
 */
export interface NoteFiles {
  /** Null when Rapport may edit the note at this vault-relative path; else why not. */
  editRefusal(rel: string): string | null;
  /** Whether the note exists ('missing' when not), or why it may not be touched. */
  locate(rel: string): Promise<Guarded<'present' | 'missing'>>;
  /** Creates a new note, never over an existing file and never outside the vault. */
  create(rel: string, text: string): Promise<Guarded<string>>;
}

export interface LoadedTemplateSet {
  registry: TemplateRegistry;
  /** The vault's `templates/contact.md`, the layout of a new contact note. */
  contactTemplate: string | null;
}

export interface NoteWriteResult {
  written: string[];
  failed: { path: string; reason: string }[];
}

/** A value now (the Node host reads its disk synchronously) or later (the browser asks over the network). */
export type Maybe<T> = T | Promise<T>;

/**
 * Everything the extension needs from where it runs. The Node entry (`extension.node.ts`)
 * supplies the disk through `src/node` (guarded reads, symlink checks, `wx` writes); the
 * browser entry (`extension.web.ts`) supplies `vscode.workspace.fs`. Every other module of
 * `src/vscode` is the same in both, and imports neither `src/node` nor a Node built-in.
 */
export interface RapportEnvironment {
  readonly kind: 'node' | 'web';
  readonly clock: Clock;
  /** Whether there is a local disk to write to outside the workspace (sample vault, `.ics` files). */
  readonly localDisk: boolean;
  /** The vault's files; `templatesFolder` is never read as notes. */
  vaultFs(root: vscode.Uri, templatesFolder?: () => string | undefined): VaultFs;
  noteFiles(root: vscode.Uri): NoteFiles;
  locateVault(config: RapportConfig): Maybe<VaultLocation>;
  loadVaultConfig(root: vscode.Uri): Maybe<VaultConfigRead>;
  /** The built-in templates plus the vault's folder (`folder` relative to the vault), with a warning when the folder was refused. */
  readTemplates(root: vscode.Uri | undefined, folder: string): Maybe<LoadedTemplateSet & { warning?: string }>;
  readImportFile(file: vscode.Uri): Promise<ImportFileRead>;
  loadRememberedMapping(root: vscode.Uri): Promise<{ mapping: ColumnMapping | null; warning: string | null }>;
  rememberMapping(root: vscode.Uri, mapping: ColumnMapping): Promise<{ ok: true } | { ok: false; reason: string }>;
  /** Writes new notes, never over an existing file and never outside the vault. */
  writeNewNotes(root: vscode.Uri, notes: readonly { path: string; text: string }[]): Promise<NoteWriteResult>;
  /** Whether a vault-relative file exists (to pick a free file name). */
  exists(uri: vscode.Uri): Promise<boolean>;
  /** Copies the bundled sample vault into `dest`; only where there is a local disk. */
  copySample?(dest: vscode.Uri, confirm: (existing: number) => Promise<boolean>): Promise<boolean>;
}
