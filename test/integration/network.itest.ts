import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ImportPlan } from '../../src/core/import';
import { STRENGTH_RULE, contactsOutsidePrograms, programStrengths } from '../../src/core/programs';
import { EXTENSION_ID, codeOf, eventually, rapportDiagnostics, readyHost, tooltipText, writeNote } from './helpers';

describe('Import, privacy guard and program strength in VS Code', () => {
  it('imports a LinkedIn export with a preview, and never imports the same people twice', async () => {
    const host = await readyHost();
    const fixture = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'test', 'fixtures', 'import', 'Connections.csv');
    const before = new Set(host.session!.vault.paths());
    const plan = await vscode.commands.executeCommand<ImportPlan>('rapport.importContacts', vscode.Uri.file(fixture), { assumeYes: true });
    assert.ok(plan.create.length > 0, 'the fixture has new people');
    const preview = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.match(preview, /# Import preview: Connections\.csv/);
    assert.match(preview, new RegExp(`## New \\(${plan.create.length}\\)`));
    for (const n of plan.create) {
      assert.ok(!before.has(n.path), `${n.path} is a new file`);
      assert.ok(fs.existsSync(path.join(host.session!.root, n.path)), `${n.path} was written`);
    }
    await eventually(() => plan.create.every((n) => host.session!.vault.get(n.path)) || undefined, 'the imported notes to be indexed');
    for (const n of plan.create) assert.deepStrictEqual(host.session!.vault.problemsFor(n.path), [], `${n.path} reads cleanly`);
    const again = await vscode.commands.executeCommand<ImportPlan>('rapport.importContacts', vscode.Uri.file(fixture), { assumeYes: true });
    assert.strictEqual(again.create.length, 0, 'a second import finds everyone already in the vault');
    assert.strictEqual(again.existing.length, plan.create.length + plan.existing.length);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('flags a patient identifier and redacts it with the quick fix', async () => {
    await readyHost();
    const uri = writeNote('rotations/itest-clinic.md', '---\nname: Itest Clinic\nkind: away\n---\nSaw the flap patient, MRN 48213377, with Dr. Lee.\n');
    const diag = await eventually(() => rapportDiagnostics(uri).find((d) => codeOf(d) === 'patient-identifier'), 'the privacy diagnostic');
    assert.strictEqual(diag.severity, vscode.DiagnosticSeverity.Information);
    assert.ok(!/\d/.test(diag.message), 'the message never repeats the identifier');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const redact = actions.find((a) => a.title.startsWith('Redact'));
    assert.ok(redact?.edit, `a Redact fix (got ${actions.map((a) => a.title).join(', ')})`);
    assert.ok(await vscode.workspace.applyEdit(redact.edit));
    assert.strictEqual(doc.lineAt(4).text, 'Saw the flap patient, MRN [redacted], with Dr. Lee.');
    await eventually(() => !rapportDiagnostics(uri).some((d) => codeOf(d) === 'patient-identifier') || undefined, 'the diagnostic to clear');
    await doc.save();
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('groups the network by program strength, explained in the tooltip', async () => {
    const host = await readyHost();
    await vscode.commands.executeCommand('rapport.network.groupByProgram');
    try {
      const tree = host.network!;
      const session = host.session!;
      const expected = programStrengths(session.vault, session.today, (p) => session.followUps(p).length);
      const roots = tree.getChildren();
      // Residency programs only, by strength; the people at no program of the vault are listed apart, last.
      const outside = contactsOutsidePrograms(session.vault);
      assert.deepStrictEqual(roots.map((r) => tree.getTreeItem(r).label), [...expected.map((p) => p.name), ...(outside.length > 0 ? ['Not at a residency program'] : [])]);
      if (outside.length > 0) assert.strictEqual(tree.getChildren(roots[roots.length - 1]).length, outside.length);
      const top = tree.getTreeItem(roots[0]);
      assert.match(String(top.description), new RegExp(`^strength ${expected[0].score} · `));
      assert.ok(tooltipText(top.tooltip).includes(STRENGTH_RULE));
      assert.strictEqual(tree.getChildren(roots[0]).length, expected[0].contacts.length);
    } finally {
      await vscode.commands.executeCommand('rapport.network.groupByRole');
    }
  });
});
