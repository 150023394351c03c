import * as vscode from 'vscode';
import { STRENGTH_RULE, contactsOutsidePrograms, programStrengths, strengthSummary } from '../../core/programs';
import { GROUP_LABELS, type ContactNote } from '../../core/types';
import type { VaultSession } from '../session';
import { contactItem } from './contactItem';
import type { TreeNode } from './treeNodes';

export type NetworkGrouping = 'role' | 'institution' | 'program';
const GROUPINGS: readonly NetworkGrouping[] = ['role', 'institution', 'program'];
const GROUPING_KEY = 'rapport.networkGrouping';
/** Groups larger than this start collapsed. */
export const LARGE_GROUP = 100;

/** The Network view: contacts by group (or by institution), each group with its count. */
export class NetworkTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private _grouping: NetworkGrouping;

  constructor(private readonly session: VaultSession, private readonly memento: vscode.Memento) {
    const saved = memento.get<NetworkGrouping>(GROUPING_KEY);
    this._grouping = saved !== undefined && GROUPINGS.includes(saved) ? saved : 'role';
    void vscode.commands.executeCommand('setContext', GROUPING_KEY, this._grouping);
    this.subscription = session.onDidChange(() => this.refresh());
  }

  /** Groups are computed once per change of the vault, not on every expand or reveal. */
  private cached: TreeNode[] | undefined;

  private refresh(): void {
    this.cached = undefined;
    this.changed.fire(undefined);
  }

  get grouping(): NetworkGrouping {
    return this._grouping;
  }

  async setGrouping(grouping: NetworkGrouping): Promise<void> {
    this._grouping = grouping;
    await this.memento.update(GROUPING_KEY, grouping);
    await vscode.commands.executeCommand('setContext', GROUPING_KEY, grouping);
    this.refresh();
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (this.session.state === 'indexing') return [];
    if (!node) return (this.cached ??= this.groups());
    if (node.type === 'group') return node.paths.map((path) => ({ type: 'contact', path, parent: node.id }));
    return [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node.type !== 'contact') return undefined;
    return (this.cached ??= this.groups()).find((g) => g.type === 'group' && g.id === node.parent);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.type === 'group') {
      // Big groups start folded: an open group of thousands is rebuilt on every change.
      const folded = this._grouping === 'program' || node.paths.length > LARGE_GROUP;
      const item = new vscode.TreeItem(node.label, folded ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.description = node.description ?? String(node.paths.length);
      item.contextValue = 'group';
      item.iconPath = new vscode.ThemeIcon(this._grouping === 'role' ? 'account' : this._grouping === 'program' ? 'star-empty' : 'organization');
      item.tooltip = node.tooltip ?? `${node.label}: ${node.paths.length} contact${node.paths.length === 1 ? '' : 's'}`;
      item.accessibilityInformation = { label: `${node.label}, ${node.description ?? `${node.paths.length} contacts`}` };
      return item;
    }
    if (node.type === 'contact') {
      const note = this.session.vault.get(node.path);
      if (note?.kind === 'contact') return contactItem(this.session, note, `${node.parent}/${node.path}`);
    }
    return new vscode.TreeItem('(gone)');
  }

  private groups(): TreeNode[] {
    const vault = this.session.vault;
    if (this._grouping === 'program') {
      const strengths = programStrengths(vault, this.session.today, (p) => this.session.followUps(p).length);
      const outside = contactsOutsidePrograms(vault);
      // Schools, labs and hospitals are not ranked: their people are listed apart, not dropped.
      const rest: TreeNode[] = outside.length === 0 ? [] : [{
        type: 'group', id: 'program:\u0000outside', label: 'Not at a residency program', paths: outside.map((c) => c.path),
        description: `${outside.length} · not ranked`,
        tooltip: 'Contacts whose program and institution match no program note (programs/, type: program). Add a program note to rank them.',
      }];
      return [...strengths.map((p): TreeNode => ({
        type: 'group',
        id: `program:${p.name}`,
        label: p.name,
        paths: p.contacts,
        description: `strength ${p.score} · ${strengthSummary(p)}`,
        // Plain text: the measure in full, so nothing about the score is hidden.
        tooltip: [`${p.name}: strength ${p.score}`, ...p.explanation.map((e) => `  ${e}`), p.lastInteraction ? `Last contact: ${p.lastInteraction}` : 'No interaction logged', '', STRENGTH_RULE].join('\n'),
      })), ...rest];
    }
    if (this._grouping === 'role') {
      return [...vault.groups()]
        .filter(([, contacts]) => contacts.length > 0)
        .map(([group, contacts]) => ({ type: 'group', id: `group:${group}`, label: GROUP_LABELS[group], paths: contacts.map((c) => c.path) }));
    }
    const byPlace = new Map<string, ContactNote[]>();
    for (const c of vault.contacts()) {
      const place = c.institution ?? c.program ?? 'No institution';
      let list = byPlace.get(place);
      if (!list) byPlace.set(place, (list = []));
      list.push(c);
    }
    return [...byPlace]
      .sort(([a], [b]) => (a === 'No institution' ? 1 : b === 'No institution' ? -1 : a.localeCompare(b)))
      .map(([place, contacts]) => ({ type: 'group', id: `place:${place}`, label: place, paths: contacts.map((c) => c.path) }));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
