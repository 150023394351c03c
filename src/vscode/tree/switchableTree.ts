import * as vscode from 'vscode';
import type { TreeNode } from './treeNodes';

type Inner = vscode.TreeDataProvider<TreeNode> & vscode.Disposable;

/**
 * A tree view lives as long as the extension; the provider behind it lives as long as
 * a vault session. Re-creating views on each session raced with the workbench's
 * requests for the old ones, so the view keeps this provider and only its inner one
 * is swapped.
 */
export class SwitchableTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private inner: Inner | undefined;
  private innerChanges: vscode.Disposable | undefined;
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;

  set(inner: Inner | undefined): void {
    this.innerChanges?.dispose();
    this.inner?.dispose();
    this.inner = inner;
    this.innerChanges = inner?.onDidChangeTreeData?.((e) => this.changed.fire(Array.isArray(e) || e === null ? undefined : e));
    this.changed.fire();
  }

  getChildren(node?: TreeNode): vscode.ProviderResult<TreeNode[]> {
    return this.inner?.getChildren(node) ?? [];
  }

  getTreeItem(node: TreeNode): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.inner?.getTreeItem(node) ?? new vscode.TreeItem('');
  }

  getParent(node: TreeNode): vscode.ProviderResult<TreeNode> {
    return this.inner?.getParent?.(node);
  }

  dispose(): void {
    this.set(undefined);
    this.changed.dispose();
  }
}
