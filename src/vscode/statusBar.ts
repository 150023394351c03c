import * as vscode from 'vscode';
import type { VaultSession } from './session';
import type { FollowUpsTree } from './tree/followUpsTree';

/** "Rapport: 3 overdue"; a click focuses the Follow-ups view. Hidden without a vault. */
export class OverdueStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('rapport.overdue', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(session: VaultSession, private readonly tree: FollowUpsTree) {
    this.item.name = 'Rapport overdue follow-ups';
    this.item.command = 'rapport.followUps.focus';
    this.subscription = session.onDidChange(() => this.update());
  }

  private update(): void {
    const n = this.tree.overdueCount();
    this.item.text = n > 0 ? `$(warning) Rapport: ${n} overdue` : '$(check) Rapport: on track';
    this.item.tooltip = n > 0 ? `${n} follow-up${n === 1 ? ' is' : 's are'} overdue. Click to see them.` : 'No overdue follow-ups. Click to see what is coming.';
    this.item.accessibilityInformation = { label: n > 0 ? `Rapport: ${n} overdue follow-ups` : 'Rapport: no overdue follow-ups' };
    this.item.backgroundColor = n > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
