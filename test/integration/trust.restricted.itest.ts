import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { readyHost, sleep, workspaceRoot } from './helpers';

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
    fs.writeFileSync(path.join(workspaceRoot(), '.vscode', 'settings.json'), JSON.stringify({ 'rapport.vaultPath': elsewhere, 'rapport.templatesFolder': '../../..' }));
    // Give VS Code time to read the file, then ask Rapport to look again.
    await sleep(1500);
    await vscode.commands.executeCommand('rapport.refresh');
    const again = await readyHost();
    assert.strictEqual(again.session!.root, workspaceRoot());
    assert.strictEqual(vscode.workspace.getConfiguration('rapport').get('vaultPath'), '', 'VS Code itself withholds the restricted setting');
    assert.ok(host);
    fs.rmSync(elsewhere, { recursive: true, force: true });
  });
});
