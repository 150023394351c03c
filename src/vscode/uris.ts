import type * as vscode from 'vscode';

/** True when `child` is `parent` or lies below it (same scheme and authority; paths compared as written). */
export function insideUri(child: vscode.Uri, parent: vscode.Uri): boolean {
  if (child.scheme !== parent.scheme || child.authority !== parent.authority) return false;
  const base = parent.path.replace(/\/+$/, '');
  return child.path === base || child.path.startsWith(`${base}/`);
}

/** The vault-relative path (forward slashes) of a URI below `root`, or undefined. */
export function relativeTo(root: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
  const base = root.path.replace(/\/+$/, '');
  if (!uri.path.startsWith(`${base}/`)) return undefined;
  const rel = uri.path.slice(base.length + 1);
  return rel === '' || rel.split('/').some((s) => s === '..' || s === '.') ? undefined : rel;
}

/** A vault-relative folder setting resolved against the vault; undefined when it climbs out. */
export function folderIn(root: vscode.Uri, folder: string, join: (base: vscode.Uri, ...parts: string[]) => vscode.Uri): vscode.Uri | undefined {
  const parts = folder.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  if (folder.startsWith('/') || /^[a-z]:/i.test(folder) || parts.includes('..')) return undefined;
  return join(root, ...parts);
}
