import * as path from 'path';
import * as vscode from 'vscode';
import { RapportConfig } from './config';
import type { Clock } from '../core/clock';
import type { CalendarDate } from '../core/dates';
import { processClock } from '../node/clock';
import { evaluateNotes } from '../core/rules';
import type { FollowUp } from '../core/rules/types';
import type { RapportSettings } from '../core/settings';
import type { Note, Problem } from '../core/types';
import { noteProblems } from '../core/report';
import type { ParseOptions } from '../core/parseNote';
import { Vault, type ChangeSet } from '../core/vault';
import { isNotePath } from '../core/vaultFs';
import { VaultFiles } from '../node/vaultFiles';
import { loadVaultConfig, settingsProblems, type SettingsProblem } from '../node/config';
import { NodeFs } from '../node/nodeFs';

export type SessionState = 'noVault' | 'indexing' | 'ready' | 'empty';

/** What changed: some paths, or everything (first index, a new day, new settings). */
export interface SessionChange {
  all: boolean;
  changed: string[];
  removed: string[];
}

const CONFIG_FILES = new Set(['.rapport.json', 'rapport.config.json']);
const DEBOUNCE_MS = 120;

/**
 * One open vault: the index, the follow-ups computed from it, and the watchers that
 * keep both current. Disk events and editor edits update single notes; only a new
 * day or new settings re-evaluate everything, and nothing re-reads the whole vault
 * after the first scan.
 */
export class VaultSession implements vscode.Disposable {
  readonly vault: Vault;
  readonly rootUri: vscode.Uri;
  private readonly followUpsByPath = new Map<string, FollowUp[]>();
  private readonly emitter = new vscode.EventEmitter<SessionChange>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private pendingDisk = new Set<string>();
  private pendingDocs = new Map<string, vscode.TextDocument>();
  /** The editor version last indexed per note: saving that same text must not index it again. */
  private readonly indexedVersions = new Map<string, number>();
  private diskTimer: NodeJS.Timeout | undefined;
  private docTimer: NodeJS.Timeout | undefined;
  private dayTimer: NodeJS.Timeout | undefined;
  private ready: Promise<void> | undefined;
  private disposed = false;
  private _today: CalendarDate;
  private _settings: RapportSettings;
  private _settingsProblems: SettingsProblem[] = [];
  private _vscodeSettingsErrors: string[] = [];
  private _settingsFile: string | null = null;
  private readonly restartEmitter = new vscode.EventEmitter<void>();
  /** Fires when a settings change needs a fresh index (the host then starts a new session). */
  readonly onDidRequestRestart = this.restartEmitter.event;
  state: SessionState = 'indexing';

  constructor(readonly root: string, private readonly config: RapportConfig, private readonly clock: Clock = processClock()) {
    this.rootUri = vscode.Uri.file(root);
    this._today = this.clock.today();
    // No I/O here: the vault's settings file is read when indexing starts.
    this._settings = config.followUpSettings(undefined).settings;
    this.vault = new Vault(new NodeFs(root), { parse: this.parseOptions });
  }

  /** Read by the vault on every parse; set from the settings just before the first scan. */
  private readonly parseOptions: ParseOptions = { patientIdentifiers: true };

  /** Whether the index looks for patient identifiers; turning the guard on or off needs a new index. */
  get privacyScan(): boolean {
    return this.parseOptions.patientIdentifiers === true;
  }

  get today(): CalendarDate {
    return this._today;
  }

  get settings(): RapportSettings {
    return this._settings;
  }

  get settingsErrors(): readonly string[] {
    return this._settingsProblems.map((p) => p.message);
  }

  /** Each settings problem with its 0-based line in the settings file. */
  get settingsProblems(): readonly SettingsProblem[] {
    return this._settingsProblems;
  }

  /** Problems with the `rapport.*` VS Code settings (reported as such, whether or not the vault has a settings file). */
  get vscodeSettingsErrors(): readonly string[] {
    return this._vscodeSettingsErrors;
  }

  /** The vault's settings file (`.rapport.json` or `rapport.config.json`), when there is one. */
  get settingsFile(): string | null {
    return this._settingsFile;
  }

  /** Indexes the vault once, in the background, with progress shown in the Rapport views. */
  whenReady(): Promise<void> {
    this.ready ??= this.start();
    return this.ready;
  }

  private async start(): Promise<void> {
    this.loadSettings();
    this.parseOptions.patientIdentifiers = this._settings.privacyGuard !== 'off';
    await vscode.window.withProgress({ location: { viewId: 'rapport.network' }, title: 'Indexing vault' }, async () => {
      // Documents open before the scan may hold unsaved text: the scan reads disk, the buffers win after it.
      await this.vault.scan();
    });
    if (this.disposed) return;
    for (const doc of vscode.workspace.textDocuments) if (doc.isDirty) this.queueDocument(doc);
    this.reevaluateAll();
    this.watch();
  }

  private watch(): void {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.rootUri, '**/*'));
    const onDisk = (uri: vscode.Uri) => this.queueDisk(uri);
    this.disposables.push(
      watcher,
      watcher.onDidCreate(onDisk),
      watcher.onDidChange(onDisk),
      watcher.onDidDelete((uri) => this.onDelete(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.queueDocument(e.document);
      }),
      // A closed editor drops its unsaved text: go back to what is on disk.
      vscode.workspace.onDidCloseTextDocument((doc) => {
        const rel = this.relative(doc.uri);
        if (rel === undefined || !isNotePath(rel)) return;
        this.indexedVersions.delete(rel);
        this.queueDisk(doc.uri);
      }),
    );
    this.scheduleDayCheck();
  }

  private _files: VaultFiles | undefined;

  /** The guarded file layer for this vault (made on first use: the constructor does no I/O). */
  get files(): VaultFiles {
    this._files ??= new VaultFiles(this.root);
    return this._files;
  }

  /** Null when the file at `uri` is a note Rapport may edit (really inside the vault, a regular file); else why not. */
  editRefusal(uri: vscode.Uri): string | null {
    const rel = uri.scheme === 'file' ? this.relative(uri) : undefined;
    if (rel === undefined) return 'this file is not in the vault';
    try {
      const where = this.files.locate(rel);
      return where.ok ? null : where.reason;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }

  /** Vault-relative path with forward slashes, or undefined for a file outside the vault. */
  relative(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== 'file' && uri.scheme !== 'untitled') return undefined;
    const rel = path.relative(this.root, uri.fsPath);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep).join('/');
  }

  uriOf(relPath: string): vscode.Uri {
    return vscode.Uri.joinPath(this.rootUri, ...relPath.split('/'));
  }

  private queueDisk(uri: vscode.Uri): void {
    const rel = this.relative(uri);
    if (rel === undefined) return;
    if (CONFIG_FILES.has(rel)) {
      this.settingsChanged();
      return;
    }
    if (!isNotePath(rel)) return;
    this.pendingDisk.add(rel);
    clearTimeout(this.diskTimer);
    this.diskTimer = setTimeout(() => void this.flushDisk(), DEBOUNCE_MS);
  }

  private async flushDisk(): Promise<void> {
    const paths = [...this.pendingDisk];
    this.pendingDisk.clear();
    const change: ChangeSet = { changed: [], removed: [] };
    for (const rel of paths) {
      if (this.disposed) return;
      const open = vscode.workspace.textDocuments.find((d) => this.relative(d.uri) === rel);
      // A save of text already indexed from the editor changes nothing: skip the second pass.
      if (open && !open.isDirty && this.indexedVersions.get(rel) === open.version) continue;
      // An open, edited buffer is what the user sees: it wins over the file under it.
      const c = open?.isDirty ? this.vault.upsert(rel, open.getText()) : await this.vault.refresh(rel);
      this.indexedVersions.delete(rel);
      change.changed.push(...c.changed);
      change.removed.push(...c.removed);
    }
    this.apply(change);
  }

  private queueDocument(doc: vscode.TextDocument): void {
    const rel = this.relative(doc.uri);
    if (rel === undefined || !isNotePath(rel) || doc.uri.scheme !== 'file') return;
    this.pendingDocs.set(rel, doc);
    clearTimeout(this.docTimer);
    this.docTimer = setTimeout(() => this.flushDocs(), DEBOUNCE_MS);
  }

  private flushDocs(): void {
    const docs = [...this.pendingDocs];
    this.pendingDocs.clear();
    const change: ChangeSet = { changed: [], removed: [] };
    for (const [rel, doc] of docs) {
      if (doc.isClosed) continue;
      const c = this.vault.upsert(rel, doc.getText());
      this.indexedVersions.set(rel, doc.version);
      change.changed.push(...c.changed);
    }
    this.apply(change);
  }

  private onDelete(uri: vscode.Uri): void {
    const rel = this.relative(uri);
    if (rel === undefined) return;
    if (rel.toLowerCase().endsWith('.md')) {
      this.apply(this.vault.remove(rel));
      return;
    }
    // A deleted folder reports only itself: forget every note below it.
    const prefix = `${rel}/`;
    const change: ChangeSet = { changed: [], removed: [] };
    for (const p of this.vault.paths().filter((q) => q.startsWith(prefix))) {
      const c = this.vault.remove(p);
      change.changed.push(...c.changed);
      change.removed.push(...c.removed);
    }
    this.apply(change);
  }

  private apply(change: ChangeSet): void {
    if (this.disposed) return;
    const removed = new Set(change.removed);
    const changed = [...new Set(change.changed)].filter((p) => !removed.has(p));
    for (const p of removed) this.followUpsByPath.delete(p);
    const results = evaluateNotes(this.vault, changed, this._today, this._settings);
    for (const p of changed) this.followUpsByPath.set(p, results.get(p) ?? []);
    this.updateState();
    this.emitter.fire({ all: false, changed, removed: [...removed] });
  }

  reevaluateAll(): void {
    if (this.disposed) return;
    this._today = this.clock.today();
    this.followUpsByPath.clear();
    const paths = this.vault.paths();
    const results = evaluateNotes(this.vault, paths, this._today, this._settings);
    for (const p of paths) this.followUpsByPath.set(p, results.get(p) ?? []);
    this.updateState();
    this.emitter.fire({ all: true, changed: paths, removed: [] });
  }

  loadSettings(): void {
    const file = loadVaultConfig(this.root);
    const merged = this.config.followUpSettings(file.raw);
    this._settings = merged.settings;
    this._settingsProblems = [...file.errors.map((message) => ({ message, line: 0 })), ...settingsProblems(file, merged.fileErrors)];
    this._vscodeSettingsErrors = merged.vscodeErrors;
    this._settingsFile = file.file;
  }

  /** Re-reads settings and re-evaluates; asks for a new session when the index itself must change. */
  settingsChanged(): void {
    this.loadSettings();
    if ((this._settings.privacyGuard !== 'off') !== this.privacyScan) this.restartEmitter.fire();
    else this.reevaluateAll();
  }

  /** Checks each minute whether the date turned: a window left open overnight shows tomorrow's follow-ups. */
  private scheduleDayCheck(): void {
    this.dayTimer = setInterval(() => {
      if (this.clock.today() !== this._today) this.reevaluateAll();
    }, 60_000);
  }

  private updateState(): void {
    this.state = this.vault.countOf('contact') === 0 ? 'empty' : 'ready';
  }

  followUps(path: string): readonly FollowUp[] {
    return this.followUpsByPath.get(path) ?? [];
  }

  allFollowUps(): { path: string; followUp: FollowUp }[] {
    const out: { path: string; followUp: FollowUp }[] = [];
    for (const [p, list] of this.followUpsByPath) for (const f of list) out.push({ path: p, followUp: f });
    return out;
  }

  /** Reading problems and follow-ups of one note, for the Problems panel. */
  problems(path: string): Problem[] {
    return noteProblems(this.vault, path, this._settings, this.followUps(path));
  }

  note(uri: vscode.Uri): Note | undefined {
    const rel = this.relative(uri);
    return rel === undefined ? undefined : this.vault.get(rel);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.diskTimer);
    clearTimeout(this.docTimer);
    clearInterval(this.dayTimer);
    for (const d of this.disposables) d.dispose();
    this.restartEmitter.dispose();
  }
}
