import * as vscode from 'vscode';
import {
  LETTER_STATUSES, applicationWords, letterWords, seasonSummary,
  type ApplicationRow, type LetterRow, type LetterStatus, type SeasonSummary,
} from '../../core/season/summary';
import type { VaultSession } from '../session';
import { openNoteCommand } from './contactItem';

/** The Season view's nodes: two sections, letters grouped by status, applications by program. */
export type SeasonNode =
  | { type: 'section'; section: 'letters' | 'applications' }
  | { type: 'status'; status: LetterStatus; rows: LetterRow[] }
  | { type: 'letter'; row: LetterRow }
  | { type: 'application'; row: ApplicationRow };

const LETTER_ICONS: Record<LetterStatus, string> = {
  declined: 'circle-slash', asked: 'question', agreed: 'thumbsup', 'materials sent': 'mail', uploaded: 'cloud-upload', thanked: 'heart',
};

const APPLICATION_ICONS: Record<ApplicationRow['status'], string> = {
  'not applied': 'circle-large-outline', applied: 'send', invited: 'mail-read', 'interview scheduled': 'calendar', 'interview declined': 'circle-slash', interviewed: 'pass',
};

/**
 * The application season: letters by status (asked, agreed, materials sent, uploaded,
 * thanked, declined) and applications by program (applied, signal, invited, interview,
 * done), in the same words as `rapport season`. Each item's context value names the
 * next steps, so its menu offers them ("Mark letter uploaded", "Log interview scheduled").
 */
export class SeasonTree implements vscode.TreeDataProvider<SeasonNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SeasonNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private cached: SeasonSummary | undefined;

  constructor(private readonly session: VaultSession) {
    this.subscription = session.onDidChange(() => {
      this.cached = undefined;
      this.changed.fire(undefined);
    });
  }

  private summary(): SeasonSummary {
    this.cached ??= seasonSummary(this.session.vault, this.session.today, this.session.settings);
    return this.cached;
  }

  getChildren(node?: SeasonNode): SeasonNode[] {
    if (this.session.state === 'indexing') return [];
    const s = this.summary();
    if (!node) return [{ type: 'section', section: 'letters' }, { type: 'section', section: 'applications' }];
    if (node.type === 'section' && node.section === 'letters') {
      return LETTER_STATUSES.map((status) => ({ type: 'status' as const, status, rows: s.letters.filter((r) => r.status === status) })).filter((n) => n.rows.length > 0);
    }
    if (node.type === 'section') return s.applications.map((row) => ({ type: 'application', row }));
    if (node.type === 'status') return node.rows.map((row) => ({ type: 'letter', row }));
    return [];
  }

  getTreeItem(node: SeasonNode): vscode.TreeItem {
    if (node.type === 'section') {
      const s = this.summary();
      const count = node.section === 'letters' ? s.letters.length : s.applications.length;
      const item = new vscode.TreeItem(node.section === 'letters' ? 'Letters' : 'Applications', vscode.TreeItemCollapsibleState.Expanded);
      item.id = `season:${node.section}`;
      item.description = String(count);
      item.iconPath = new vscode.ThemeIcon(node.section === 'letters' ? 'mail' : 'briefcase');
      return item;
    }
    if (node.type === 'status') {
      const item = new vscode.TreeItem(node.status, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `season:letters:${node.status}`;
      item.description = String(node.rows.length);
      item.iconPath = new vscode.ThemeIcon(LETTER_ICONS[node.status]);
      return item;
    }
    if (node.type === 'letter') {
      const r = node.row;
      const item = new vscode.TreeItem(r.writer, vscode.TreeItemCollapsibleState.None);
      item.id = `season:letter:${r.path}`;
      item.description = letterWords(r);
      item.tooltip = `Letter from ${r.writer}: ${letterWords(r)}`;
      item.iconPath = new vscode.ThemeIcon(LETTER_ICONS[r.status]);
      item.contextValue = `seasonLetter.${r.status.replace(' ', '-')}`;
      item.command = openNoteCommand(this.session, r.path, 0);
      item.accessibilityInformation = { label: `Letter from ${r.writer}, ${letterWords(r)}` };
      return item;
    }
    const r = node.row;
    const item = new vscode.TreeItem(r.program, vscode.TreeItemCollapsibleState.None);
    item.id = `season:application:${r.path}`;
    item.description = applicationWords(r);
    item.tooltip = `${r.program}: ${applicationWords(r)}`;
    item.iconPath = new vscode.ThemeIcon(APPLICATION_ICONS[r.status]);
    item.contextValue = `seasonApplication.${r.status.replace(/ /g, '-')}`;
    item.command = openNoteCommand(this.session, r.path, 0);
    item.accessibilityInformation = { label: `${r.program}, ${applicationWords(r)}` };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
