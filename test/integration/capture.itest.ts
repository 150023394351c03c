import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ContactNote } from '../../src/core/types';
import { eventually, readyHost, writeNote } from './helpers';

describe('Capture at an event and logging with several contacts in VS Code', () => {
  it('New Contact writes what was jotted down: position, topics, the meeting and the promised follow-up', async () => {
    const host = await readyHost();
    const session = host.session!;
    const created = await vscode.commands.executeCommand<vscode.Uri>('rapport.newContact', {
      name: 'Itest Capture', role: 'faculty', institution: 'Lakeshore University', position: 'Associate Professor',
      metAt: 'Itest Meeting Hall', met: 'yesterday', topics: 'microsurgery; aways', promise: 'send my abstract', promiseDue: '2026-12-01',
    });
    assert.ok(created);
    const rel = session.relative(created)!;
    const note = await eventually(() => session.vault.get(rel) as ContactNote | undefined, 'the new note to be indexed');
    assert.deepStrictEqual(note.problems, []);
    assert.strictEqual(note.position, 'Associate Professor');
    assert.deepStrictEqual(note.interests, ['microsurgery', 'aways']);
    assert.strictEqual(note.metAt, 'Itest Meeting Hall');
    const yesterday = new Date(Date.parse(`${session.today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    assert.deepStrictEqual(note.interactions.map((i) => [i.date, i.kind]), [[yesterday, 'met']]);
    assert.deepStrictEqual(note.tasks.map((t) => [t.text, t.due]), [['send my abstract', '2026-12-01']]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('New Contact writes nothing when a given date cannot be read', async () => {
    const host = await readyHost();
    const before = fs.readdirSync(host.session!.uriOf('contacts').fsPath).length;
    const created = await vscode.commands.executeCommand<vscode.Uri>('rapport.newContact', { name: 'Itest Never', metAt: 'X', met: 'next week' });
    assert.strictEqual(created, undefined);
    assert.strictEqual(fs.readdirSync(host.session!.uriOf('contacts').fsPath).length, before);
  });

  it('Log Interaction logs one entry in several notes on a past day, and none when one note refuses', async () => {
    const host = await readyHost();
    const session = host.session!;
    const a = writeNote('contacts/itest-log-a.md', '---\nname: Itest Log A\n---\n\n## Interactions\n\n- 2026-01-02 emailed: hi\n');
    const b = writeNote('contacts/itest-log-b.md', '---\nname: Itest Log B\n---\n');
    const broken = writeNote('contacts/itest-log-broken.md', '---\nname: [unclosed\n---\n');
    await eventually(() => session.vault.get('contacts/itest-log-broken.md') || undefined, 'the notes to be indexed');

    await vscode.commands.executeCommand('rapport.logInteraction', [a, broken], undefined, { kind: 'met', summary: 'at ASPS', date: '2 days ago' });
    assert.strictEqual((await vscode.workspace.openTextDocument(a)).getText(), '---\nname: Itest Log A\n---\n\n## Interactions\n\n- 2026-01-02 emailed: hi\n',
      'all or none: the readable note is not logged either');

    await vscode.commands.executeCommand('rapport.logInteraction', [a, b], undefined, { kind: 'met', summary: 'at ASPS', date: '2 days ago' });
    const day = new Date(Date.parse(`${session.today}T00:00:00Z`) - 2 * 86_400_000).toISOString().slice(0, 10);
    assert.ok((await vscode.workspace.openTextDocument(a)).getText().endsWith(`- 2026-01-02 emailed: hi\n- ${day} met: at ASPS\n`));
    assert.ok((await vscode.workspace.openTextDocument(b)).getText().endsWith(`## Interactions\n\n- ${day} met: at ASPS\n`));
    // Neither note was open in an editor: both were saved, so the index reads the entries from disk.
    await eventually(() => ['contacts/itest-log-a.md', 'contacts/itest-log-b.md'].every((p) => {
      const n = session.vault.get(p) as ContactNote | undefined;
      return n?.interactions.some((i) => i.date === day && i.kind === 'met');
    }) || undefined, 'both notes to be re-read with the entry');
  });
});
