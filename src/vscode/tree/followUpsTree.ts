import * as vscode from 'vscode';
import { bucketOf, isOverdue, relativeDue, type AgendaBucket } from '../../core/contactState';
import type { FollowUp } from '../../core/rules/types';
import { othersText } from '../convert';
import type { VaultSession } from '../session';
import { openNoteCommand } from './contactItem';
import { LARGE_GROUP } from './networkTree';
import type { TreeNode } from './treeNodes';

const BUCKETS: { id: AgendaBucket; label: string; icon: string }[] = [
  { id: 'overdue', label: 'Overdue', icon: 'warning' },
  { id: 'today', label: 'Today', icon: 'calendar' },
  { id: 'week', label: 'This week', icon: 'clock' },
  { id: 'later', label: 'Later', icon: 'history' },
];

const SEVERITY_ICON: Record<FollowUp['severity'], vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  info: new vscode.ThemeIcon('info'),
  hint: new vscode.ThemeIcon('lightbulb'),
};

/** The Follow-ups view: what to do, by when. */
export class FollowUpsTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly session: VaultSession) {
    this.subscription = session.onDidChange(() => this.changed.fire(undefined));
  }

  /** The size of the Overdue bucket, which the badge and the status bar show. */
  overdueCount(): number {
    return this.session.allFollowUps().filter(({ followUp: f }) => isOverdue(f, this.session.today)).length;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (this.session.state === 'indexing') return [];
    if (!node) {
      const today = this.session.today;
      const all = this.session.allFollowUps().sort((a, b) => (a.followUp.due < b.followUp.due ? -1 : a.followUp.due > b.followUp.due ? 1 : a.path.localeCompare(b.path)));
      return BUCKETS.map((b) => ({ type: 'bucket' as const, id: `bucket:${b.id}`, label: b.label, items: all.filter((x) => bucketOf(x.followUp, today) === b.id) }))
        .filter((b) => b.items.length > 0);
    }
    if (node.type === 'bucket') return node.items.map(({ path, followUp }) => ({ type: 'followUp', path, followUp }));
    return [];
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.type === 'bucket') {
      const spec = BUCKETS.find((b) => `bucket:${b.id}` === node.id)!;
      const folded = spec.id === 'later' || node.items.length > LARGE_GROUP;
      const item = new vscode.TreeItem(spec.label, folded ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.description = String(node.items.length);
      item.iconPath = new vscode.ThemeIcon(spec.icon);
      item.contextValue = 'bucket';
      item.accessibilityInformation = { label: `${spec.label}, ${node.items.length} follow-ups` };
      return item;
    }
    if (node.type === 'followUp') {
      const f = node.followUp;
      const note = this.session.vault.get(node.path);
      const who = f.contact ?? note?.name ?? node.path;
      const item = new vscode.TreeItem(who, vscode.TreeItemCollapsibleState.None);
      item.id = `fu:${node.path}:${f.code}:${f.key}`;
      item.description = `${f.action} · ${relativeDue(f.due, this.session.today)}`;
      item.tooltip = `${f.message}\nDue ${f.due} · ${f.code}${f.template ? ` · template: ${f.template}` : ''}${othersText(f.others)}`;
      item.iconPath = SEVERITY_ICON[f.severity];
      item.contextValue = `followUp.${f.code}`;
      item.resourceUri = this.session.uriOf(node.path);
      item.command = openNoteCommand(this.session, node.path, f.range.start.line);
      item.accessibilityInformation = { label: `${who}: ${f.action}, due ${f.due}, ${f.severity}` };
      return item;
    }
    return new vscode.TreeItem('');
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
