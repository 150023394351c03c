import * as path from 'path';
import * as vscode from 'vscode';
import { RapportConfig } from './config';
import { buildRegistry, type TemplateRegistry } from '../core/templates';
import { readTemplateDir } from '../node/templateLoader';
import { FollowUpDiagnostics } from './diagnostics';
import { VaultSession, type SessionState } from './session';
import { VsCodeSettingsWarnings } from './settingsWarnings';
import { OverdueStatus } from './statusBar';
import { EventsTree } from './tree/eventsTree';
import { FollowUpsTree } from './tree/followUpsTree';
import { NetworkTree } from './tree/networkTree';
import { SwitchableTree } from './tree/switchableTree';
import type { TreeNode } from './tree/treeNodes';
import { contains } from '../node/vaultFinder';
import { locateVault } from './vaultLocator';

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
  private readonly networkTree = new SwitchableTree();
  private readonly followUpsTree = new SwitchableTree();
  private readonly eventsTree = new SwitchableTree();
  readonly networkView: vscode.TreeView<TreeNode>;
  readonly followUpsView: vscode.TreeView<TreeNode>;
  private readonly eventsView: vscode.TreeView<TreeNode>;
  private readonly started = new vscode.EventEmitter<VaultSession | undefined>();
  /** Fires when a session opens (or closes, with undefined). */
  readonly onDidStartSession = this.started.event;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.networkView = vscode.window.createTreeView('rapport.network', { treeDataProvider: this.networkTree, showCollapseAll: true });
    this.followUpsView = vscode.window.createTreeView('rapport.followUps', { treeDataProvider: this.followUpsTree, showCollapseAll: true });
    this.eventsView = vscode.window.createTreeView('rapport.events', { treeDataProvider: this.eventsTree, showCollapseAll: true });
  }

  get session(): VaultSession | undefined {
    return this._session;
  }

  /** Opens the vault the settings and workspace point to; cheap when there is none. */
  start(): void {
    this.stop();
    const location = locateVault(this.config);
    if (location.kind === 'none') {
      void this.setState('noVault');
      this.started.fire(undefined);
      return;
    }
    const session = new VaultSession(location.root, this.config);
    this._session = session;
    const network = new NetworkTree(session, this.context.workspaceState);
    const followUps = new FollowUpsTree(session);
    const events = new EventsTree(session);
    this.network = network;
    this.followUps = followUps;
    this.events = events;
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
        const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.resolve(location.root, this.config.templatesFolder)), '*.md'));
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
        void vscode.window.showErrorMessage(`Rapport could not index the vault at ${location.root}: ${e instanceof Error ? e.message : String(e)}`);
      });
    }, 0);
  }

  /**
   * The built-in templates plus the vault's (`rapport.templatesFolder`, which must lie
   * inside the vault). Read on each use: a few small files, and edits show at once.
   */
  templates(): { registry: TemplateRegistry; contactTemplate: string | null } {
    this.templateCache ??= this.readTemplates();
    return this.templateCache;
  }

  private templateCache: { registry: TemplateRegistry; contactTemplate: string | null } | undefined;

  /** Forget the templates read so far: the vault's templates folder changed. */
  templatesChanged(): void {
    this.templateCache = undefined;
  }

  private readTemplates(): { registry: TemplateRegistry; contactTemplate: string | null } {
    const builtins = readTemplateDir(path.join(this.context.extensionPath, 'templates'), 'builtin');
    const session = this._session;
    let vault = { files: builtins.files.slice(0, 0), problems: builtins.problems.slice(0, 0), contactTemplate: null as string | null };
    if (session) {
      const dir = path.resolve(session.root, this.config.templatesFolder);
      if (contains(session.root, dir)) vault = readTemplateDir(dir, 'vault', session.root);
      else void vscode.window.showWarningMessage(`Rapport: rapport.templatesFolder (${this.config.templatesFolder}) is outside the vault and was ignored.`);
    }
    return { registry: buildRegistry(builtins.files, vault.files, [...builtins.problems, ...vault.problems]), contactTemplate: vault.contactTemplate };
  }

  private async setState(state: SessionState): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'rapport.state', state);
  }

  stop(): void {
    this.templateCache = undefined;
    // The trees dispose their session-bound providers when emptied.
    this.networkTree.set(undefined);
    this.followUpsTree.set(undefined);
    this.eventsTree.set(undefined);
    this.followUpsView.badge = undefined;
    for (const d of this.sessionParts.reverse()) d.dispose();
    this.sessionParts = [];
    this._session = undefined;
    this.network = undefined;
    this.followUps = undefined;
    this.events = undefined;
  }

  dispose(): void {
    this.stop();
    for (const d of [this.networkView, this.followUpsView, this.eventsView, this.networkTree, this.followUpsTree, this.eventsTree, this.started]) d.dispose();
  }
}

function badge(n: number): vscode.ViewBadge | undefined {
  return n > 0 ? { value: n, tooltip: `${n} overdue follow-up${n === 1 ? '' : 's'}` } : undefined;
}
