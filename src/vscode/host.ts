import * as vscode from 'vscode';
import { RapportConfig } from './config';
import { buildRegistry } from '../core/templates';
import type { LoadedTemplateSet, RapportEnvironment, VaultLocation } from './environment';
import { FollowUpDiagnostics } from './diagnostics';
import { VaultSession, type SessionState } from './session';
import { VsCodeSettingsWarnings } from './settingsWarnings';
import { workspaceSnapshotStore } from './snapshotStore';
import { OverdueStatus } from './statusBar';
import { EventsTree } from './tree/eventsTree';
import { FollowUpsTree } from './tree/followUpsTree';
import { NetworkTree } from './tree/networkTree';
import { SeasonTree, type SeasonNode } from './tree/seasonTree';
import { SwitchableTree } from './tree/switchableTree';
import type { TreeNode } from './tree/treeNodes';
import { folderIn } from './uris';

/**
 * Owns the session-lifetime parts: the open vault and everything drawn from it.
 * Extension-lifetime parts (commands, providers) ask the host for the current
 * session, so changing `rapport.vaultPath` rebuilds only what depends on the vault.
 */
export class RapportHost implements vscode.Disposable {
  readonly config = new RapportConfig();
  private _session: VaultSession | undefined;
  private sessionParts: vscode.Disposable[] = [];
  network: NetworkTree | undefined;
  followUps: FollowUpsTree | undefined;
  events: EventsTree | undefined;
  season: SeasonTree | undefined;
  private readonly networkTree = new SwitchableTree();
  private readonly followUpsTree = new SwitchableTree();
  private readonly eventsTree = new SwitchableTree();
  private readonly seasonTree = new SwitchableTree<SeasonNode>();
  readonly networkView: vscode.TreeView<TreeNode>;
  readonly followUpsView: vscode.TreeView<TreeNode>;
  private readonly eventsView: vscode.TreeView<TreeNode>;
  private readonly seasonView: vscode.TreeView<SeasonNode>;
  private readonly started = new vscode.EventEmitter<VaultSession | undefined>();
  /** Fires when a session opens (or closes, with undefined). */
  readonly onDidStartSession = this.started.event;

  constructor(private readonly context: vscode.ExtensionContext, readonly env: RapportEnvironment) {
    this.networkView = vscode.window.createTreeView('rapport.network', { treeDataProvider: this.networkTree, showCollapseAll: true });
    this.followUpsView = vscode.window.createTreeView('rapport.followUps', { treeDataProvider: this.followUpsTree, showCollapseAll: true });
    this.eventsView = vscode.window.createTreeView('rapport.events', { treeDataProvider: this.eventsTree, showCollapseAll: true });
    this.seasonView = vscode.window.createTreeView('rapport.season', { treeDataProvider: this.seasonTree, showCollapseAll: true });
  }

  get session(): VaultSession | undefined {
    return this._session;
  }

  /**
   * Opens the vault the settings and workspace point to; cheap when there is none. On the
   * desktop the vault is found at once; in a browser finding it takes a few round trips.
   */
  start(): void {
    this.stop();
    const generation = ++this.generation;
    const location = this.env.locateVault(this.config);
    if (location instanceof Promise) {
      location.then((found) => {
        if (generation === this.generation) this.open(found);
      }, (e: unknown) => void vscode.window.showErrorMessage(`Rapport could not look for a vault: ${e instanceof Error ? e.message : String(e)}`));
    } else {
      this.open(location);
    }
  }

  private generation = 0;

  private open(location: VaultLocation): void {
    if (location.kind === 'none') {
      void this.setState('noVault');
      this.started.fire(undefined);
      return;
    }
    const session = new VaultSession(location.root, this.config, this.env, workspaceSnapshotStore(this.context.storageUri, location.root));
    this._session = session;
    const network = new NetworkTree(session, this.context.workspaceState);
    const followUps = new FollowUpsTree(session);
    const events = new EventsTree(session);
    this.network = network;
    this.followUps = followUps;
    this.events = events;
    this.season = new SeasonTree(session);
    this.seasonTree.set(this.season);
    this.networkTree.set(network);
    this.followUpsTree.set(followUps);
    this.eventsTree.set(events);
    this.sessionParts = [
      new FollowUpDiagnostics(session),
      new VsCodeSettingsWarnings(session),
      new OverdueStatus(session, followUps),
      session.onDidRequestRestart(() => setTimeout(() => this.start(), 0)),
      // Vault templates are not notes, so the session does not index them; watch them here.
      (() => {
        const dir = folderIn(location.root, this.config.templatesFolder, (base, ...parts) => vscode.Uri.joinPath(base, ...parts));
        if (!dir) return new vscode.Disposable(() => undefined);
        const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, '*.md'));
        const forget = () => this.templatesChanged();
        return vscode.Disposable.from(w, w.onDidCreate(forget), w.onDidChange(forget), w.onDidDelete(forget));
      })(),
      session.onDidChange(() => {
        void this.setState(session.state);
        this.followUpsView.badge = badge(followUps.overdueCount());
      }),
      session,
    ];
    void this.setState('indexing');
    this.started.fire(session);
    // After activation returns: the first index is background work, never part of activating.
    setTimeout(() => {
      if (this._session !== session) return;
      session.whenReady().catch((e: unknown) => {
        void vscode.window.showErrorMessage(`Rapport could not index the vault at ${session.root}: ${e instanceof Error ? e.message : String(e)}`);
      });
    }, 0);
  }

  /**
   * The built-in templates plus the vault's (`rapport.templatesFolder`, which must lie
   * inside the vault), as last read. Commands call `loadTemplates()` first; this is for
   * callers that cannot wait (a quick fix's title), which get the built-ins meanwhile.
   */
  templates(): LoadedTemplateSet {
    if (!this.templateCache) void this.loadTemplates().catch(() => undefined);
    return this.templateCache ?? { registry: buildRegistry([], []), contactTemplate: null };
  }

  private templateCache: LoadedTemplateSet | undefined;
  private templateLoad: Promise<LoadedTemplateSet> | undefined;

  /** The templates, read now if the vault's folder changed since the last read. */
  loadTemplates(): Promise<LoadedTemplateSet> {
    if (this.templateCache) return Promise.resolve(this.templateCache);
    if (this.templateLoad) return this.templateLoad;
    const session = this._session;
    const accept = (read: LoadedTemplateSet & { warning?: string }): LoadedTemplateSet => {
      if (read.warning) void vscode.window.showWarningMessage(`Rapport: ${read.warning}`);
      return { registry: read.registry, contactTemplate: read.contactTemplate };
    };
    const read = this.env.readTemplates(session?.rootUri, session?.settings.templatesFolder ?? this.config.templatesFolder);
    if (!(read instanceof Promise)) {
      // The desktop reads a few small files at once: the cache is there before this returns.
      this.templateCache = accept(read);
      return Promise.resolve(this.templateCache);
    }
    const load: Promise<LoadedTemplateSet> = read.then((r) => {
      const set = accept(r);
      if (this.templateLoad === load) {
        this.templateCache = set;
        this.templateLoad = undefined;
      }
      return set;
    });
    this.templateLoad = load;
    return load;
  }

  /** Forget the templates read so far: the vault's templates folder changed. */
  templatesChanged(): void {
    this.templateCache = undefined;
    this.templateLoad = undefined;
  }

  private async setState(state: SessionState): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'rapport.state', state);
  }

  stop(): void {
    this.templatesChanged();
    // The trees dispose their session-bound providers when emptied.
    this.networkTree.set(undefined);
    this.followUpsTree.set(undefined);
    this.eventsTree.set(undefined);
    this.seasonTree.set(undefined);
    this.followUpsView.badge = undefined;
    for (const d of this.sessionParts.reverse()) d.dispose();
    this.sessionParts = [];
    this._session = undefined;
    this.network = undefined;
    this.followUps = undefined;
    this.events = undefined;
    this.season = undefined;
  }

  dispose(): void {
    this.stop();
    for (const d of [this.networkView, this.followUpsView, this.eventsView, this.seasonView, this.networkTree, this.followUpsTree, this.eventsTree, this.seasonTree, this.started]) d.dispose();
  }
}

function badge(n: number): vscode.ViewBadge | undefined {
  return n > 0 ? { value: n, tooltip: `${n} overdue follow-up${n === 1 ? '' : 's'}` } : undefined;
}
