import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { nextEvent, readyHost, workspaceRoot } from './helpers';

describe('Restricted Mode', () => {
  it('runs in an untrusted workspace and still reads and shows the notes', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'this suite runs with Workspace Trust on and the folder untrusted');
    const host = await readyHost();
    assert.strictEqual(host.session!.root, workspaceRoot());
    assert.ok(host.session!.vault.contacts().length > 0);
    assert.ok(host.network!.getChildren().length > 0);
  });

  it('ignores a workspace setting that points the vault outside the workspace', async () => {
    const host = await readyHost();
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-elsewhere-'));
    fs.mkdirSync(path.join(elsewhere, 'contacts'));
    fs.writeFileSync(path.join(elsewhere, 'profile.md'), '---\nname: Someone Else\n---\n');
    fs.mkdirSync(path.join(workspaceRoot(), '.vscode'), { recursive: true });
    // A setting that is not restricted rides along in the same file: once VS Code shows it, it has read the file.
    const settingsFile = path.join(workspaceRoot(), '.vscode', 'settings.json');
    const read = () => vscode.workspace.getConfiguration('rapport').get('otherCadenceDays') === 7;
    const seen = read() ? Promise.resolve() : nextEvent(vscode.workspace.onDidChangeConfiguration, read, 'VS Code to read the workspace settings');
    fs.writeFileSync(settingsFile, JSON.stringify({ 'rapport.vaultPath': elsewhere, 'rapport.templatesFolder': '../../..', 'rapport.otherCadenceDays': 7 }));
    try {
      await seen;
      await vscode.commands.executeCommand('rapport.refresh');
      const again = await readyHost();
      assert.notStrictEqual(again.session, undefined);
      assert.strictEqual(again.session!.root, workspaceRoot(), 'the vault stays the workspace folder');
      assert.strictEqual(vscode.workspace.getConfiguration('rapport').get('vaultPath'), '', 'VS Code itself withholds the restricted setting');
      assert.ok(host);
    } finally {
      fs.rmSync(settingsFile, { force: true });
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
