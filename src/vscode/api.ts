import type * as vscode from 'vscode';
import type { RapportHost } from './host';
import type { VaultSession } from './session';
import type { EventsTree } from './tree/eventsTree';
import type { FollowUpsTree } from './tree/followUpsTree';
import type { NetworkTree } from './tree/networkTree';
import type { TreeNode } from './tree/treeNodes';

/**
 * What `activate()` returns: what the integration tests read, and nothing to change the
 * extension with. Reads go through to the host, so a restarted session shows at once.
 */
export interface RapportApi {
  readonly session: VaultSession | undefined;
  readonly network: NetworkTree | undefined;
  readonly followUps: FollowUpsTree | undefined;
  readonly events: EventsTree | undefined;
  readonly networkView: vscode.TreeView<TreeNode>;
  /** Fires when a session opens, or closes with undefined. */
  readonly onDidStartSession: vscode.Event<VaultSession | undefined>;
  /** The command ids registered through the command table. */
  readonly commands: readonly string[];
  /** Problems with the `rapport.*` VS Code settings, as last shown (each names its setting). */
  readonly settingsProblems: readonly string[];
}

export function rapportApi(host: RapportHost, commands: readonly string[]): RapportApi {
  return {
    get session() { return host.session; },
    get network() { return host.network; },
    get followUps() { return host.followUps; },
    get events() { return host.events; },
    get networkView() { return host.networkView; },
    get onDidStartSession() { return host.onDidStartSession; },
    commands: [...commands],
    get settingsProblems() { return host.session?.vscodeSettingsErrors ?? []; },
  };
}
