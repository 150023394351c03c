import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, eventually, readyHost } from './helpers';

describe('the command table', () => {
  it('registers every command package.json declares through the registrar, and no other', async () => {
    const api = await readyHost();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const manifest = JSON.parse(fs.readFileSync(path.join(ext.extensionPath, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    const declared = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepStrictEqual([...api.commands].sort(), declared);
    const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('rapport.') && !id.endsWith('.focus') && !/^rapport\.(network|followUps|events)\.(resetViewLocation|toggleVisibility|removeView|open)$/.test(id));
    for (const id of declared) assert.ok(registered.includes(id), `${id} is registered in VS Code`);
  });

  it('reports an invalid VS Code setting as a VS Code setting, also without a .rapport.json', async () => {
    const api = await readyHost();
    const config = vscode.workspace.getConfiguration('rapport');
    await config.update('maxAttempts', 0, vscode.ConfigurationTarget.Global);
    try {
      const problems = await eventually(() => (api.settingsProblems.length > 0 ? api.settingsProblems : undefined), 'the settings problem');
      assert.match(problems[0], /^'rapport\.maxAttempts' should be a whole number/);
      const settingsFile = api.session!.settingsFile;
      if (settingsFile !== null) {
        const onFile = vscode.languages.getDiagnostics(api.session!.uriOf(settingsFile)).map((d) => d.message);
        assert.ok(!onFile.some((m) => m.includes('maxAttempts')), `not reported on ${settingsFile}: ${onFile.join(' | ')}`);
      }
    } finally {
      await config.update('maxAttempts', undefined, vscode.ConfigurationTarget.Global);
    }
    await eventually(() => (api.settingsProblems.length === 0 ? true : undefined), 'the problem to clear');
  });
});
