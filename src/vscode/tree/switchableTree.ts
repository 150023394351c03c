import * as vscode from 'vscode';
import type { TreeNode } from './treeNodes';

type Inner<N> = vscode.TreeDataProvider<N> & vscode.Disposable;

/**
 * A tree view lives as long as the extension; the provider behind it lives as long as
 * a vault session. Re-creating views on each session raced with the workbench's
 * requests for the old ones, so the view keeps this provider and only its inner one
 * is swapped.
 */
export class SwitchableTree<N = TreeNode> implements vscode.TreeDataProvider<N>, vscode.Disposable {
  private inner: Inner<N> | undefined;
  private innerChanges: vscode.Disposable | undefined;
  private readonly changed = new vscode.EventEmitter<N | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;

  set(inner: Inner<N> | undefined): void {
    this.innerChanges?.dispose();
    this.inner?.dispose();
    this.inner = inner;
    this.innerChanges = inner?.onDidChangeTreeData?.((e) => this.changed.fire(Array.isArray(e) || e === null ? undefined : e));
    this.changed.fire();
  }

  getChildren(node?: N): vscode.ProviderResult<N[]> {
    return this.inner?.getChildren(node) ?? [];
  }

  getTreeItem(node: N): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.inner?.getTreeItem(node) ?? new vscode.TreeItem('');
  }

  getParent(node: N): vscode.ProviderResult<N> {
    return this.inner?.getParent?.(node);
  }

  dispose(): void {
    this.set(undefined);
    this.changed.dispose();
  }
}
