import * as vscode from 'vscode';
import type { ConferenceNote, ContactNote, RotationNote } from '../../core/types';
import type { VaultSession } from '../session';
import { openNoteCommand } from './contactItem';
import type { TreeNode } from './treeNodes';

/** True when the student has met this contact: a met date, or a met/meeting/call in the log. */
function hasMet(c: ContactNote): boolean {
  return c.met !== null || c.interactions.some((i) => i.direction === 'both');
}

/** Conferences & rotations: goals, shortlist (met or not yet), and the people met on each. */
export class EventsTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly session: VaultSession) {
    this.subscription = session.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (this.session.state === 'indexing') return [];
    const vault = this.session.vault;
    if (!node) {
      const byStart = (a: ConferenceNote | RotationNote, b: ConferenceNote | RotationNote) => (b.start ?? '').localeCompare(a.start ?? '') || a.name.localeCompare(b.name);
      return [...vault.conferences().sort(byStart), ...vault.rotations().sort(byStart)].map((e) => ({ type: 'event', path: e.path }));
    }
    if (node.type === 'event') {
      const e = vault.get(node.path);
      if (e?.kind === 'conference') {
        return [
          { type: 'section', id: `${e.path}#goals`, label: 'Goals', path: e.path, section: 'goals' },
          { type: 'section', id: `${e.path}#shortlist`, label: 'Shortlist', path: e.path, section: 'shortlist' },
          { type: 'section', id: `${e.path}#contacts`, label: 'Met here', path: e.path, section: 'contacts' },
        ];
      }
      if (e?.kind === 'rotation') return this.contactLeaves(e);
      return [];
    }
    if (node.type === 'section') {
      const e = vault.get(node.path);
      if (e?.kind !== 'conference') return [];
      if (node.section === 'goals') {
        return e.goals.map((g, i) => ({ type: 'leaf', id: `${e.path}#goal${i}`, label: g, icon: 'target', path: e.path, line: e.keyLines.goals }));
      }
      if (node.section === 'shortlist') {
        return e.shortlist.map((name, i) => {
          const c = vault.resolve(name);
          const met = c?.kind === 'contact' && hasMet(c);
          return {
            type: 'leaf', id: `${e.path}#short${i}`, label: c?.name ?? name, description: met ? 'met' : 'not yet met',
            icon: met ? 'pass' : 'circle-large-outline', path: c?.path ?? e.path, line: c ? 0 : e.keyLines.shortlist, met,
          };
        });
      }
      return this.contactLeaves(e);
    }
    return [];
  }

  private contactLeaves(e: ConferenceNote | RotationNote): TreeNode[] {
    return this.session.vault.contactsOf(e).map((c) => ({
      type: 'leaf', id: `${e.path}#c:${c.path}`, label: c.name, description: [c.role, c.institution].filter(Boolean).join(' · '), icon: 'person', path: c.path, line: 0,
    }));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.type === 'event') {
      const e = this.session.vault.get(node.path);
      if (e?.kind !== 'conference' && e?.kind !== 'rotation') return new vscode.TreeItem('(gone)');
      const item = new vscode.TreeItem(e.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `event:${e.path}`;
      const dates = e.start ? `${e.start}${e.end && e.end !== e.start ? ` → ${e.end}` : ''}` : 'no dates';
      const kind = e.kind === 'conference' ? 'conference' : `${e.rotationKind} rotation`;
      item.description = `${kind} · ${dates}`;
      item.iconPath = new vscode.ThemeIcon(e.kind === 'conference' ? 'megaphone' : 'briefcase');
      item.tooltip = `${e.name}\n${kind}, ${dates}${e.kind === 'conference' && e.location ? `\n${e.location}` : ''}${e.kind === 'rotation' && e.institution ? `\n${e.institution}` : ''}`;
      item.contextValue = e.kind;
      item.command = openNoteCommand(this.session, e.path, 0);
      item.accessibilityInformation = { label: `${e.name}, ${kind}, ${dates}` };
      return item;
    }
    if (node.type === 'section') {
      const e = this.session.vault.get(node.path);
      const count = e?.kind === 'conference' ? (node.section === 'goals' ? e.goals.length : node.section === 'shortlist' ? e.shortlist.length : this.session.vault.contactsOf(e).length) : 0;
      const item = new vscode.TreeItem(node.label, count > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.description = String(count);
      item.iconPath = new vscode.ThemeIcon(node.section === 'goals' ? 'checklist' : node.section === 'shortlist' ? 'list-unordered' : 'people');
      return item;
    }
    if (node.type === 'leaf') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.description = node.description;
      item.iconPath = new vscode.ThemeIcon(node.icon);
      if (node.path) item.command = openNoteCommand(this.session, node.path, node.line ?? 0);
      item.accessibilityInformation = { label: `${node.label}${node.description ? `, ${node.description}` : ''}` };
      return item;
    }
    return new vscode.TreeItem('');
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
