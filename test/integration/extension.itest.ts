import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { collectProblems } from '../../src/core/report';
import { RULE_CODES } from '../../src/core/settings';
import { seasonFields } from '../../src/core/season';
import { GROUP_LABELS } from '../../src/core/types';
import type { TreeNode } from '../../src/vscode/tree/treeNodes';
import { codeOf, daysFromToday, eventually, labelText, nextEvent, rapportDiagnostics, readyHost, workspaceRoot, writeNote } from './helpers';

describe('Rapport in VS Code', () => {
  it('activates on the vault and shows the Network groups with counts from the core', async () => {
    const host = await readyHost();
    assert.strictEqual(host.session!.root, workspaceRoot());
    const roots = host.network!.getChildren() as Extract<TreeNode, { type: 'group' }>[];
    const expected = [...host.session!.vault.groups()].filter(([, cs]) => cs.length > 0).map(([g, cs]) => [GROUP_LABELS[g], String(cs.length)]);
    assert.ok(expected.length > 0, 'the test vault has contacts');
    assert.deepStrictEqual(roots.map((n) => { const i = host.network!.getTreeItem(n); return [i.label, i.description]; }), expected);
    const first = host.network!.getChildren(roots[0])[0];
    const item = host.network!.getTreeItem(first);
    assert.strictEqual(item.command?.command, 'rapport.openNote');
    assert.strictEqual(typeof item.tooltip, 'string', 'tooltips are plain text, never markdown');
    assert.ok(item.accessibilityInformation?.label);
  });

  it('reports each reading problem and follow-up as a diagnostic on its line', async () => {
    const host = await readyHost();
    const overdue = daysFromToday(host, -10);
    const uri = writeNote('contacts/itest-overdue.md', [
      '---', 'name: Itest Overdue', 'role: faculty', `follow_up: ${overdue}`, 'met: 2026-02-30', '---', '',
    ].join('\n'));
    const diags = await eventually(() => {
      const d = rapportDiagnostics(uri);
      return d.some((x) => codeOf(x) === 'follow-up-due') && d.some((x) => codeOf(x) === 'invalid-date') ? d : undefined;
    }, 'diagnostics of a new note');
    const due = diags.find((d) => codeOf(d) === 'follow-up-due')!;
    assert.strictEqual(due.range.start.line, 3);
    assert.strictEqual(due.severity, vscode.DiagnosticSeverity.Error, 'more than 7 days late is an error');
    assert.strictEqual(diags.find((d) => codeOf(d) === 'invalid-date')!.range.start.line, 4);
  });

  it('shows the same problems as the CLI for the whole vault, every rule included', async () => {
    const host = await readyHost();
    const session = host.session!;
    const cli = collectProblems(session.vault, session.today, session.settings);
    const byFile = new Map<string, string[]>();
    for (const p of cli) byFile.set(p.file, [...(byFile.get(p.file) ?? []), `${p.line}:${p.code}`]);
    for (const [file, expected] of byFile) {
      const uri = session.uriOf(file);
      await eventually(() => {
        const got = rapportDiagnostics(uri).map((d) => `${d.range.start.line + 1}:${codeOf(d)}`).sort();
        return JSON.stringify(got) === JSON.stringify([...expected].sort()) || undefined;
      }, `diagnostics of ${file}`);
    }
    if (fs.existsSync(`${workspaceRoot()}/profile.md`)) {
      const codes = new Set(cli.map((p) => p.code));
      // match-news starts on the Match, which the sample's profile puts after its story day:
      // it is checked on that date instead, and must not fire before it.
      const afterStory = ['match-news'];
      for (const rule of RULE_CODES.filter((r) => !afterStory.includes(r))) assert.ok(codes.has(rule), `rule ${rule} fires somewhere in the sample vault`);
      assert.ok(!codes.has('match-news'), 'match-news waits for the Match');
      const matchDay = seasonFields(session.vault.profile()!).match?.date?.date;
      assert.ok(matchDay && matchDay > session.today);
      assert.ok(collectProblems(session.vault, matchDay, session.settings).some((p) => p.code === 'match-news'), 'match-news fires on the Match date');
    }
  });

  it('follows edits made on disk and forgets deleted notes', async () => {
    const host = await readyHost();
    const uri = writeNote('contacts/itest-disk.md', `---\nname: Itest Disk\nrole: faculty\nfollow_up: ${daysFromToday(host, -1)}\n---\n`);
    await eventually(() => rapportDiagnostics(uri).some((d) => codeOf(d) === 'follow-up-due') || undefined, 'the follow-up to appear');
    writeNote('contacts/itest-disk.md', `---\nname: Itest Disk\nrole: faculty\nfollow_up: ${daysFromToday(host, 5)}\n---\n`);
    await eventually(() => rapportDiagnostics(uri).length === 0 || undefined, 'the follow-up to clear after an edit on disk');
    writeNote('contacts/itest-disk.md', `---\nname: Itest Disk\nrole: wizard\n---\n`);
    await eventually(() => rapportDiagnostics(uri).some((d) => codeOf(d) === 'unknown-role') || undefined, 'a new problem');
    fs.rmSync(uri.fsPath);
    await eventually(() => rapportDiagnostics(uri).length === 0 || undefined, 'a deleted note\'s diagnostics to go');
    assert.strictEqual(host.session!.vault.get('contacts/itest-disk.md'), undefined);
  });

  it('applies a quick fix as one undoable edit that keeps unsaved typing', async () => {
    const host = await readyHost();
    const original = [
      '---', 'name: Itest Fix', 'role: faculty  # keep this comment', `follow_up: ${daysFromToday(host, -2)}`, '---', 'Notes.', '',
    ].join('\r\n');
    const uri = writeNote('contacts/itest-fix.md', original);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(new vscode.Position(5, 6), ' Typed but not saved.'));
    const withTyping = doc.getText();
    const diag = await eventually(() => rapportDiagnostics(uri).find((d) => codeOf(d) === 'follow-up-due'), 'the follow-up diagnostic');
    // The lightbulb asks again as diagnostics settle after typing; so does the test.
    const actions = await eventually(async () => {
      const got = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      return got.some((a) => a.title === 'Mark follow-up done') ? got : undefined;
    }, 'the quick fixes');
    const titles = actions.map((a) => a.title);
    for (const t of ['Mark follow-up done', 'Log interaction today…', 'Snooze 3 days', 'Snooze 1 week', 'Snooze until…', 'Set status dormant']) {
      assert.ok(titles.includes(t), `quick fix '${t}' offered (got ${titles.join(', ')})`);
    }
    const snooze = actions.find((a) => a.title === 'Snooze 1 week')!;
    assert.ok(await vscode.workspace.applyEdit(snooze.edit!));
    const snoozed = doc.getText();
    assert.strictEqual(snoozed, withTyping.replace('---\r\nNotes.', `snooze_until: ${daysFromToday(host, 7)}\r\n---\r\nNotes.`));
    assert.ok(snoozed.includes('Typed but not saved.'));
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), withTyping, 'one undo restores the note');

    const done = actions.find((a) => a.title === 'Mark follow-up done')!;
    assert.ok(await vscode.workspace.applyEdit(done.edit!));
    assert.strictEqual(doc.getText(), withTyping.replace(/follow_up: .*\r\n/, ''));
    await eventually(() => !rapportDiagnostics(uri).some((d) => codeOf(d) === 'follow-up-due') || undefined, 'the diagnostic to clear from the unsaved buffer');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('indexes a saved note once: the save of text already read from the editor is not read again', async () => {
    const host = await readyHost();
    const uri = writeNote('contacts/itest-save.md', '---\nname: Itest Save\nrole: faculty\n---\n');
    await eventually(() => host.session!.vault.get('contacts/itest-save.md') || undefined, 'the note');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(3, 0), `follow_up: ${daysFromToday(host, -1)}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await eventually(() => rapportDiagnostics(uri).some((d) => codeOf(d) === 'follow-up-due') || undefined, 'the diagnostic from the buffer');
    let updates = 0;
    const session = host.session!;
    const sub = session.onDidChange((c) => { if (c.changed.includes('contacts/itest-save.md')) updates++; });
    try {
      assert.ok(await doc.save());
      // A note written after the save is reported after it: once the session has indexed that
      // note, it has seen the save's file event too, and any second read of the saved note.
      const marker = nextEvent(session.onDidChange, (c) => c.changed.includes('contacts/itest-save-marker.md'), 'the marker note written after the save');
      writeNote('contacts/itest-save-marker.md', '---\nname: Itest Marker\nrole: faculty\n---\n');
      await marker;
    } finally {
      sub.dispose();
    }
    assert.strictEqual(updates, 0, 'saving the text already indexed triggers no second update');
    // An edit on disk behind the editor's back is still picked up.
    fs.writeFileSync(uri.fsPath, '---\nname: Itest Save\nrole: wizard\n---\n');
    await eventually(() => rapportDiagnostics(uri).some((d) => codeOf(d) === 'unknown-role') || undefined, 'the change on disk');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('refuses to edit a note whose frontmatter is broken', async () => {
    await readyHost();
    const text = '---\nname: [broken\n---\n';
    const uri = writeNote('contacts/itest-broken.md', text);
    await eventually(() => rapportDiagnostics(uri).some((d) => codeOf(d) === 'frontmatter-invalid') || undefined, 'the YAML problem');
    await vscode.commands.executeCommand('rapport.setDormant', uri);
    assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), text);
  });

  it('lists follow-ups by bucket and opens the note at the line that caused one', async () => {
    const host = await readyHost();
    writeNote('contacts/itest-bucket.md', `---\nname: Itest Bucket\nrole: resident\nfollow_up: ${daysFromToday(host, -3)}\n---\n`);
    await eventually(() => host.session!.followUps('contacts/itest-bucket.md').length > 0 || undefined, 'the follow-up');
    const tree = host.followUps!;
    const buckets = tree.getChildren();
    const labels = buckets.map((b) => labelText(tree.getTreeItem(b).label));
    assert.ok(labels.includes('Overdue'), `buckets: ${labels.join(', ')}`);
    const overdue = buckets.find((b) => tree.getTreeItem(b).label === 'Overdue')!;
    const mine = tree.getChildren(overdue).find((n) => n.type === 'followUp' && n.path === 'contacts/itest-bucket.md');
    assert.ok(mine, 'the overdue follow-up is listed under Overdue');
    const item = tree.getTreeItem(mine);
    assert.strictEqual(item.label, 'Itest Bucket');
    assert.match(String(item.description), /3 days ago/);
    assert.deepStrictEqual(item.command?.arguments?.[1], 3, 'opens at the follow_up line');
    await vscode.commands.executeCommand(item.command.command, ...((item.command.arguments ?? []) as unknown[]));
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.fsPath, host.session!.uriOf('contacts/itest-bucket.md').fsPath);
    assert.strictEqual(editor.selection.active.line, 3);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('keeps its views across a re-index, with no view registered twice', async () => {
    const host = await readyHost();
    const view = host.networkView;
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => { errors.push(args.map(String).join(' ')); original(...args); };
    try {
      await vscode.commands.executeCommand('rapport.refresh');
      const again = await readyHost();
      assert.strictEqual(again.networkView, view, 'the same TreeView object serves the new session');
      assert.ok(again.network!.getChildren().length > 0);
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      console.error = original;
    }
    assert.deepStrictEqual(errors.filter((e) => /tree view/i.test(e)), []);
  });

  it('declares every command it registers, and registers every command it declares', async () => {
    await readyHost();
    const manifest = vscode.extensions.getExtension('rapport-dev.rapport')!.packageJSON as { contributes: { commands: { command: string }[]; views: Record<string, { id: string }[]> } };
    const declared = new Set(manifest.contributes.commands.map((c) => c.command));
    const viewIds = Object.values(manifest.contributes.views).flat().map((v) => v.id);
    // VS Code itself registers commands for each view (focus, reset location, …).
    const generated = (c: string) => viewIds.some((id) => c.startsWith(`${id}.`) && !declared.has(c)) || c.startsWith('workbench.view.extension.rapport');
    const registered = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('rapport.') && !generated(c));
    assert.deepStrictEqual([...new Set(registered)].sort(), [...declared].sort());
  });
});
