import * as assert from 'assert';
import type * as vscode from 'vscode';
import { folderIn, insideUri, relativeTo } from '../../src/vscode/uris';

// The browser build has no `path` module: vault-relative paths come from URIs alone, whatever
// the scheme (file, vscode-remote on code-server, vscode-vfs on github.dev).

/** The parts of a vscode.Uri these helpers read. */
function uri(scheme: string, authority: string, path: string): vscode.Uri {
  return { scheme, authority, path } as vscode.Uri;
}

const join = (base: vscode.Uri, ...parts: string[]) => uri(base.scheme, base.authority, [base.path.replace(/\/+$/, ''), ...parts].join('/'));

describe('vault URIs without a path module', () => {
  const root = uri('vscode-vfs', 'github', '/student/vault');

  it('gives the vault-relative path of a note below the root, in any scheme', () => {
    assert.strictEqual(relativeTo(root, uri('vscode-vfs', 'github', '/student/vault/contacts/ana.md')), 'contacts/ana.md');
    assert.strictEqual(relativeTo(uri('file', '', '/v/'), uri('file', '', '/v/profile.md')), 'profile.md');
  });

  it('refuses the root itself, a sibling sharing a prefix, another scheme or host, and dot segments', () => {
    assert.strictEqual(relativeTo(root, root), undefined);
    assert.strictEqual(relativeTo(root, uri('vscode-vfs', 'github', '/student/vault2/a.md')), undefined);
    assert.strictEqual(relativeTo(root, uri('file', '', '/student/vault/a.md')), undefined);
    assert.strictEqual(relativeTo(root, uri('vscode-vfs', 'other', '/student/vault/a.md')), undefined);
    assert.strictEqual(relativeTo(root, uri('vscode-vfs', 'github', '/student/vault/../x.md')), undefined);
  });

  it('tells whether a folder lies inside another', () => {
    assert.ok(insideUri(root, root));
    assert.ok(insideUri(uri('vscode-vfs', 'github', '/student/vault/templates'), root));
    assert.ok(!insideUri(uri('vscode-vfs', 'github', '/student/vault-old'), root));
    assert.ok(!insideUri(uri('file', '', '/student/vault/templates'), root));
  });

  it('resolves a folder setting inside the vault, and refuses one that climbs out or is absolute', () => {
    assert.strictEqual(folderIn(root, 'templates', join)?.path, '/student/vault/templates');
    assert.strictEqual(folderIn(root, './my/templates/', join)?.path, '/student/vault/my/templates');
    assert.strictEqual(folderIn(root, '../elsewhere', join), undefined);
    assert.strictEqual(folderIn(root, 'a/../../b', join), undefined);
    assert.strictEqual(folderIn(root, '/etc', join), undefined);
    assert.strictEqual(folderIn(root, 'C:\\notes', join), undefined);
  });
});
