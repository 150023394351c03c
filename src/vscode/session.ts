import * as vscode from 'vscode';
import { RapportConfig } from './config';
import type { Clock } from '../core/clock';
import type { CalendarDate } from '../core/dates';
import { evaluateNotes } from '../core/rules';
import type { FollowUp } from '../core/rules/types';
import type { RapportSettings } from '../core/settings';
import type { Note, Problem } from '../core/types';
import { noteProblems } from '../core/report';
import type { ParseOptions } from '../core/parseNote';
import { UpdatePolicy, type Batch, type Slicer } from '../core/updatePolicy';
import { Vault, type ChangeSet } from '../core/vault';
import { isNotePath } from '../core/vaultFs';
import { settingsMessageLine } from '../core/settingsLines';
import { SnapshotReader, entriesOf, snapshotLines, type SnapshotEntry } from '../core/snapshot';
import type { NoteFiles, RapportEnvironment } from './environment';
import type { SnapshotStore } from './snapshotStore';
import { relativeTo } from './uris';

/** A settings problem and its 0-based line in the settings file. */
export interface SettingsProblem {
  message: string;
  line: number;
}

export type SessionState = 'noVault' | 'indexing' | 'ready' | 'empty';

/** What changed: some paths, or everything (first index, a new day, new settings). */
export interface SessionChange {
  all: boolean;
  changed: string[];
  removed: string[];
}

const CONFIG_FILES = new Set(['.rapport.json', 'rapport.config.json']);

/** A disk event as the update policy keeps it: the last one per path wins. */
type DiskEvent = 'change' | 'delete';

/** How many notes are evaluated between two checks of the slice's time. */
const EVALUATE_CHUNK = 64;
/**
 * The most notes one change event names: each costs its listeners (diagnostics, trees) work
 * that the slice's clock does not see until they return. Follow-ups restored from a snapshot
 * cost nothing to "evaluate", so without this one event would name the whole vault.
 */
const MAX_PER_EVENT = 256;
/** A snapshot is saved this long after the last change… */
const SAVE_DEBOUNCE_MS = 2_000;
/** …and at most this often, however busy the vault (each save encodes every note). */
const SAVE_INTERVAL_MS = 30_000;

/**
 * One open vault: the index, the follow-ups computed from it, and the watchers that
 * keep both current. Disk events and editor edits go through the core's update policy
 * (debounced, batched per path, in order, in slices that leave the host responsive);
 * only a new day or new settings re-evaluate everything, and nothing re-reads the whole
 * vault after the first scan.
 */
export class VaultSession implements vscode.Disposable {
  readonly vault: Vault;
  /** The vault's folder as a path (for messages and the Node host's tests). */
  readonly root: string;
  private readonly followUpsByPath = new Map<string, FollowUp[]>();
  private readonly emitter = new vscode.EventEmitter<SessionChange>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private readonly diskUpdates: UpdatePolicy<DiskEvent>;
  private readonly docUpdates: UpdatePolicy<vscode.TextDocument>;
  /** The editor version last indexed per note: saving that same text must not index it again. */
  private readonly indexedVersions = new Map<string, number>();
  private dayTimer: ReturnType<typeof setInterval> | undefined;
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
  /** The longest time (ms) the session's own work held the host without yielding, for the benchmark. */
  longestSliceMs = 0;

  /** How the session started: from a snapshot ('warm') or by reading every note ('cold'). */
  startedFrom: 'cold' | 'warm' | undefined;
  private revalidation: Promise<void> = Promise.resolve();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | undefined;
  private lastSave = -Infinity;

  constructor(
    readonly rootUri: vscode.Uri,
    private readonly config: RapportConfig,
    private readonly env: RapportEnvironment,
    private readonly store?: SnapshotStore,
  ) {
    this.root = rootUri.fsPath;
    this.clock = env.clock;
    this._today = this.clock.today();
    // No I/O here: the vault's settings file is read when indexing starts.
    this._settings = config.followUpSettings(undefined).settings;
    this.vault = new Vault(env.vaultFs(rootUri, () => this._settings.templatesFolder), { parse: this.parseOptions });
    const onError = (e: unknown) => void vscode.window.showErrorMessage(`Rapport could not update the index: ${e instanceof Error ? e.message : String(e)}`);
    this.diskUpdates = new UpdatePolicy((batch, slicer) => this.flushDisk(batch, slicer), undefined, { onError });
    this.docUpdates = new UpdatePolicy((batch, slicer) => this.flushDocs(batch, slicer), undefined, { onError });
  }

  private readonly clock: Clock;

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

  /** Resolves once every disk and editor change seen so far is in the index (tests, benchmarks). */
  async idle(): Promise<void> {
    await this.whenReady();
    await this.revalidation;
    await this.diskUpdates.flush();
    await this.docUpdates.flush();
  }

  /** Resolves once the snapshot saved last (or being saved) is on disk (tests, benchmarks). */
  async saved(): Promise<void> {
    if (this.saveTimer !== undefined) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      this.saving = this.saveSnapshot();
    }
    await this.saving;
  }

  private async start(): Promise<void> {
    await this.loadSettings();
    this.parseOptions.patientIdentifiers = this._settings.privacyGuard !== 'off';
    if (await this.startFromSnapshot()) return;
    this.startedFrom = 'cold';
    await vscode.window.withProgress({ location: { viewId: 'rapport.network' }, title: 'Indexing vault' }, async () => {
      // Documents open before the scan may hold unsaved text: the scan reads disk, the buffers win after it.
      const stats = await this.vault.scan();
      this.noteSlice(stats.longestSliceMs);
    });
    if (this.disposed) return;
    this.watch();
    for (const doc of vscode.workspace.textDocuments) if (doc.isDirty) this.queueDocument(doc);
    await this.reevaluateAllSliced();
    this.scheduleDayCheck();
    this.scheduleSave(0);
  }

  /** What a snapshot must match to be this vault's, read the way this session reads. */
  private get snapshotIdentity(): { vault: string; parse: string } {
    return { vault: this.rootUri.toString(), parse: `patientIdentifiers=${this.privacyScan}` };
  }

  /** The day and settings follow-ups are computed for: a snapshot's are reused only for the same. */
  private get derivedKey(): string {
    return `${this._today}|${JSON.stringify(this._settings)}`;
  }

  /**
   * Shows the snapshot's notes and follow-ups at once, then compares it with the disk in
   * the background (a stat per note, reading only what changed) through the update policy.
   * False, with nothing changed, when there is no usable snapshot: the caller reads the vault.
   */
  private async startFromSnapshot(): Promise<boolean> {
    const text = this.store ? await this.store.load().catch(() => null) : null;
    if (text === null || this.disposed) return false;
    const reader = SnapshotReader.open(text, this.snapshotIdentity);
    if (!reader) return false;
    const slicer = this.vault.slicer();
    const entries: SnapshotEntry[] = [];
    for (;;) {
      const e = reader.next();
      // A broken snapshot is discarded silently: the cold scan rebuilds it.
      if (e === null) return false;
      if (e === 'done') break;
      entries.push(e);
      await slicer.tick();
    }
    if (this.disposed) return false;
    this.startedFrom = 'warm';
    await this.vault.restore(entries, slicer);
    this.noteSlice(slicer.longest);
    this.watch();
    for (const doc of vscode.workspace.textDocuments) if (doc.isDirty) this.queueDocument(doc);
    this._today = this.clock.today();
    if (reader.head.derived === this.derivedKey) {
      const known = new Map(entries.map((e) => [e.note.path, e.followUps ?? []]));
      this.followUpsByPath.clear();
      await this.evaluateInSlices(this.vault.paths(), true, [], this.vault.slicer(), known);
    } else {
      await this.reevaluateAllSliced();
    }
    this.scheduleDayCheck();
    this.revalidation = this.revalidate(reader.head.takenAt).catch((e: unknown) => {
      void vscode.window.showErrorMessage(`Rapport could not check the vault for changes: ${e instanceof Error ? e.message : String(e)}`);
    });
    return true;
  }

  /** Feeds what changed on disk since the snapshot into the update policy, as a watcher would have. */
  private async revalidate(takenAt: number): Promise<void> {
    const slicer = this.vault.slicer();
    const stale = await this.vault.staleness(takenAt, slicer);
    this.noteSlice(slicer.longest);
    if (this.disposed) return;
    for (const p of stale.changed) this.diskUpdates.push(p, 'change');
    for (const p of stale.removed) this.diskUpdates.push(p, 'delete');
    await this.diskUpdates.flush();
    // Nothing changed: the snapshot still stands, but its racy stamps age into trusted ones with a new one.
    this.scheduleSave(SAVE_DEBOUNCE_MS);
  }

  /** Saves the snapshot after `delay` ms, or later to keep to one save per `SAVE_INTERVAL_MS`. */
  private scheduleSave(delay = SAVE_DEBOUNCE_MS): void {
    if (!this.store || this.disposed || this.saveTimer !== undefined) return;
    const wait = Math.max(delay, this.lastSave + SAVE_INTERVAL_MS - Date.now());
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.saving = (this.saving ?? Promise.resolve()).then(() => this.saveSnapshot());
    }, wait);
  }

  /** Encodes the index a slice at a time (never one long block) and writes it; a failure only costs the next start its speed. */
  private async saveSnapshot(): Promise<void> {
    if (!this.store || this.disposed) return;
    this.lastSave = Date.now();
    const takenAt = Date.now();
    const snapshot = { ...this.snapshotIdentity, takenAt, derived: this.derivedKey, attachment: null, entries: entriesOf(this.vault, (p) => this.followUpsByPath.get(p)) };
    const slicer = this.vault.slicer();
    const parts: string[] = [];
    for (const part of snapshotLines(snapshot)) {
      parts.push(part);
      await slicer.tick();
      if (this.disposed) return;
    }
    this.noteSlice(slicer.longest);
    await this.store.save(parts.join('')).catch(() => undefined);
  }

  private noteSlice(ms: number): void {
    if (ms > this.longestSliceMs) this.longestSliceMs = ms;
  }

  private watch(): void {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.rootUri, '**/*'));
    const onDisk = (uri: vscode.Uri) => this.queueDisk(uri, 'change');
    this.disposables.push(
      watcher,
      watcher.onDidCreate(onDisk),
      watcher.onDidChange(onDisk),
      watcher.onDidDelete((uri) => this.queueDisk(uri, 'delete')),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.queueDocument(e.document);
      }),
      // A closed editor drops its unsaved text: go back to what is on disk.
      vscode.workspace.onDidCloseTextDocument((doc) => {
        const rel = this.relative(doc.uri);
        if (rel === undefined || !isNotePath(rel)) return;
        this.indexedVersions.delete(rel);
        this.queueDisk(doc.uri, 'change');
      }),
      { dispose: () => this.diskUpdates.dispose() },
      { dispose: () => this.docUpdates.dispose() },
    );
  }

  private _files: NoteFiles | undefined;

  /** The guarded file layer for this vault, from the environment (made on first use: the constructor does no I/O). */
  get files(): NoteFiles {
    this._files ??= this.env.noteFiles(this.rootUri);
    return this._files;
  }

  /** Null when the file at `uri` is a note Rapport may edit (really inside the vault, a regular file); else why not. */
  editRefusal(uri: vscode.Uri): string | null {
    const rel = this.relative(uri);
    if (rel === undefined) return 'this file is not in the vault';
    return this.files.editRefusal(rel);
  }

  /** Vault-relative path with forward slashes, or undefined for a file outside the vault. */
  relative(uri: vscode.Uri): string | undefined {
    return relativeTo(this.rootUri, uri);
  }

  uriOf(relPath: string): vscode.Uri {
    return vscode.Uri.joinPath(this.rootUri, ...relPath.split('/'));
  }

  private queueDisk(uri: vscode.Uri, event: DiskEvent): void {
    const rel = this.relative(uri);
    if (rel === undefined) return;
    // A deleted folder reports only itself; a note, its settings file or a folder is all we keep.
    if (CONFIG_FILES.has(rel) || isNotePath(rel) || event === 'delete') this.diskUpdates.push(rel, event);
  }

  private async flushDisk(batch: Batch<DiskEvent>, slicer: Slicer): Promise<void> {
    const change: ChangeSet = { changed: [], removed: [] };
    let settings = false;
    for (const [rel, event] of batch) {
      if (this.disposed) return;
      if (CONFIG_FILES.has(rel)) {
        settings = true;
        continue;
      }
      let c: ChangeSet;
      if (!isNotePath(rel)) {
        // A deleted folder: forget every note below it.
        const prefix = `${rel}/`;
        c = { changed: [], removed: [] };
        for (const p of this.vault.paths().filter((q) => q.startsWith(prefix))) merge(c, this.vault.remove(p));
      } else {
        const open = event === 'change' ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uriOf(rel).toString()) : undefined;
        // A save of text already indexed from the editor changes nothing: skip the second pass.
        if (open && !open.isDirty && this.indexedVersions.get(rel) === open.version) continue;
        // An open, edited buffer is what the user sees: it wins over the file under it.
        c = open?.isDirty ? this.vault.upsert(rel, open.getText()) : await this.vault.refresh(rel);
        this.indexedVersions.delete(rel);
      }
      merge(change, c);
      await slicer.tick();
    }
    await this.apply(change, slicer);
    if (settings) await this.settingsChanged();
  }

  private queueDocument(doc: vscode.TextDocument): void {
    const rel = this.relative(doc.uri);
    if (rel === undefined || !isNotePath(rel)) return;
    this.docUpdates.push(rel, doc);
  }

  private async flushDocs(batch: Batch<vscode.TextDocument>, slicer: Slicer): Promise<void> {
    const change: ChangeSet = { changed: [], removed: [] };
    for (const [rel, doc] of batch) {
      if (doc.isClosed || this.disposed) continue;
      const c = this.vault.upsert(rel, doc.getText());
      this.indexedVersions.set(rel, doc.version);
      merge(change, c);
      await slicer.tick();
    }
    await this.apply(change, slicer);
  }

  /** Re-evaluates what a change touched and tells the views, in slices. */
  private async apply(change: ChangeSet, slicer: Slicer = this.vault.slicer()): Promise<void> {
    if (this.disposed) return;
    const removed = new Set(change.removed);
    const changed = [...new Set(change.changed)].filter((p) => !removed.has(p));
    for (const p of removed) this.followUpsByPath.delete(p);
    await this.evaluateInSlices(changed, false, [...removed], slicer);
    this.scheduleSave();
  }

  /**
   * Evaluates `paths` and fires one change per slice: the Problems panel and the trees fill
   * in as the work goes, and no single event makes a listener handle thousands of notes.
   */
  private async evaluateInSlices(paths: string[], all: boolean, removed: string[], slicer: Slicer, known?: ReadonlyMap<string, FollowUp[]>): Promise<void> {
    let first = true;
    let i = 0;
    do {
      const chunk: string[] = [];
      const started = Date.now();
      // Fill a slice: chunks of notes until the slice's budget is spent.
      while (i < paths.length) {
        const part = paths.slice(i, i + EVALUATE_CHUNK);
        i += part.length;
        // A snapshot's follow-ups for this day and these settings are what the rules would say.
        const results = known ?? evaluateNotes(this.vault, part, this._today, this._settings);
        for (const p of part) this.followUpsByPath.set(p, results.get(p) ?? []);
        chunk.push(...part);
        if (Date.now() - started > 8 || chunk.length >= MAX_PER_EVENT) break;
      }
      if (this.disposed) return;
      this.updateState();
      this.emitter.fire({ all: all && first, changed: chunk, removed: first ? removed : [] });
      first = false;
      await slicer.tick();
    } while (i < paths.length);
    slicer.done();
    this.noteSlice(slicer.longest);
  }

  /** Re-evaluates every note (a new day, new settings), in slices; resolves when all are done. */
  reevaluateAll(): Promise<void> {
    return this.reevaluateAllSliced();
  }

  private async reevaluateAllSliced(): Promise<void> {
    if (this.disposed) return;
    this._today = this.clock.today();
    this.followUpsByPath.clear();
    await this.evaluateInSlices(this.vault.paths(), true, [], this.vault.slicer());
    this.scheduleSave();
  }

  async loadSettings(): Promise<void> {
    const file = await this.env.loadVaultConfig(this.rootUri);
    const merged = this.config.followUpSettings(file.raw);
    this._settings = merged.settings;
    const placed = merged.fileErrors.map((message) => ({ message, line: file.text === '' ? 0 : settingsMessageLine(file.text, message) }));
    this._settingsProblems = [...file.errors.map((message) => ({ message, line: 0 })), ...placed];
    this._vscodeSettingsErrors = merged.vscodeErrors;
    this._settingsFile = file.file;
  }

  /** Re-reads settings and re-evaluates; asks for a new session when the index itself must change. */
  async settingsChanged(): Promise<void> {
    const templatesBefore = this._settings.templatesFolder.toLowerCase();
    await this.loadSettings();
    // Either changes which files are notes and how they are read: that needs a fresh index.
    if ((this._settings.privacyGuard !== 'off') !== this.privacyScan || this._settings.templatesFolder.toLowerCase() !== templatesBefore) this.restartEmitter.fire();
    else await this.reevaluateAllSliced();
  }

  /** Checks each minute whether the date turned: a window left open overnight shows tomorrow's follow-ups. */
  private scheduleDayCheck(): void {
    this.dayTimer = setInterval(() => {
      if (this.clock.today() !== this._today) void this.reevaluateAll();
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
    clearInterval(this.dayTimer);
    clearTimeout(this.saveTimer);
    for (const d of this.disposables) d.dispose();
    this.restartEmitter.dispose();
  }
}

function merge(into: ChangeSet, c: ChangeSet): void {
  into.changed.push(...c.changed);
  into.removed.push(...c.removed);
}
