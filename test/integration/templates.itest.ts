import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/vscode/tree/treeNodes';
import { eventually, labelText, readyHost, writeNote } from './helpers';

describe('Templates, new contacts and completions in VS Code', () => {
  it('inserts a filled template into a note as one undoable snippet, escaping field values', async () => {
    const host = await readyHost();
    const uri = writeNote('contacts/itest-template.md', [
      '---', "name: O'Brien $1 ${x}", 'title: Dr.', 'role: faculty', 'institution: Lakeshore University', '---', '', 'Notes.', '',
    ].join('\n'));
    await eventually(() => host.session!.vault.get('contacts/itest-template.md') || undefined, 'the note to be indexed');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(7, 6, 7, 6);
    const before = doc.getText();
    await vscode.commands.executeCommand('rapport.insertTemplate', undefined, 'conference-follow-up');
    const after = doc.getText();
    assert.notStrictEqual(after, before, 'the template was inserted');
    assert.ok(after.includes("Dr. O'Brien $1 ${x}") || after.includes("O'Brien $1 ${x}"), 'the name is inserted literally, snippet syntax and all');
    assert.ok(!/\{\{/.test(after), 'no {{placeholder}} is left: unknown fields became tab stops');
    assert.ok(after.startsWith(before.slice(0, before.indexOf('Notes.'))), 'the frontmatter is untouched');
    await vscode.commands.executeCommand('leaveSnippet');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), before, 'one undo removes the whole template');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('puts the draft after the note, not in its frontmatter, when asked from a quick fix', async () => {
    await readyHost();
    const uri = writeNote('contacts/itest-draft.md', '---\nname: Itest Draft\nrole: resident\n---\nBody\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(1, 0, 1, 0) });
    await eventually(async () => (await readyHost()).session!.vault.get('contacts/itest-draft.md') || undefined, 'the note');
    await vscode.commands.executeCommand('rapport.insertTemplate', uri, 'polite-follow-up');
    const text = doc.getText();
    assert.ok(text.startsWith('---\nname: Itest Draft\nrole: resident\n---\nBody\n'), text);
    assert.match(text, /## Draft: /);
    await vscode.commands.executeCommand('leaveSnippet');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('creates a new contact note in contacts/ that the Network view then shows', async () => {
    const host = await readyHost();
    const created = await vscode.commands.executeCommand<vscode.Uri>('rapport.newContact', {
      name: 'Dr. Zoë "Z" Ng: #1', role: 'resident', institution: 'Ridgeview', metAt: '',
    });
    assert.ok(created, 'the command returned the new note');
    assert.strictEqual(host.session!.relative(created), 'contacts/zoe-z-ng-1.md');
    assert.ok(fs.existsSync(created.fsPath));
    await eventually(() => host.session!.vault.get('contacts/zoe-z-ng-1.md') || undefined, 'the note to be indexed');
    const note = host.session!.vault.get('contacts/zoe-z-ng-1.md')!;
    assert.strictEqual(note.name, 'Dr. Zoë "Z" Ng: #1');
    assert.deepStrictEqual(note.problems, []);
    const tree = host.network!;
    const names = tree.getChildren().flatMap((g: TreeNode) => tree.getChildren(g)).map((n) => labelText(tree.getTreeItem(n).label));
    assert.ok(names.includes('Dr. Zoë "Z" Ng: #1'), names.join(', '));
    // The same name again never overwrites: it gets its own file.
    const second = await vscode.commands.executeCommand<vscode.Uri>('rapport.newContact', { name: 'Dr. Zoë "Z" Ng: #1', role: 'resident', institution: '', metAt: '' });
    assert.strictEqual(host.session!.relative(second), 'contacts/zoe-z-ng-1-2.md');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('completes role values in contact frontmatter', async () => {
    await readyHost();
    const uri = writeNote('contacts/itest-complete.md', '---\nname: Itest Complete\nrole: \n---\n');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(2, 6));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const role of ['faculty', 'resident', 'program-director', 'chair']) assert.ok(labels.includes(role), `offers ${role}`);
  });
});
