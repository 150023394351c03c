import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { addDays, daysBetween } from '../../src/core/dates';
import { collectProblems, type ReportedProblem } from '../../src/core/report';
import { Vault } from '../../src/core/vault';
import { loadSettings } from '../../src/node/config';
import { NodeFs } from '../../src/node/nodeFs';
import { codeOf, eventually, rapportDiagnostics, readyHost, workspaceRoot } from './helpers';

// This pass (runTests.js) opens a copy of the sample whose story was moved to a day far from its
// story day — by default 2028-02-29, a leap day outside the ERAS season — and pins the host there.
// Whatever the day, VS Code must show what the story shows on its own day: the same problems on
// the same lines, every rule firing, and each follow-up's due date moved by the same days.

const SAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'vault');

describe('the sample vault, moved far from its story day', () => {
  it('shows in VS Code the same problems, on the same lines, as the story on its own day', async function () {
    this.timeout(60_000);
    const host = await readyHost();
    const session = host.session!;
    const storyDay = (JSON.parse(fs.readFileSync(path.join(SAMPLE, '.rapport-sample.json'), 'utf8')) as { storyDay: string }).storyDay;
    const days = daysBetween(storyDay, session.today);
    assert.ok(Math.abs(days) > 300, `the host lives on ${session.today}, only ${days} days from the story day ${storyDay}`);

    const story = new Vault(new NodeFs(SAMPLE), { yieldToHost: () => Promise.resolve() });
    await story.scan();
    const expected = collectProblems(story, storyDay, loadSettings(SAMPLE).settings);
    assert.ok(expected.length > 10, 'the story has follow-ups');
    const byFile = new Map<string, string[]>();
    for (const p of expected) byFile.set(p.file, [...(byFile.get(p.file) ?? []), `${p.line}:${p.code}`]);
    for (const [file, want] of byFile) {
      await eventually(() => {
        const got = rapportDiagnostics(session.uriOf(file)).map((d) => `${d.range.start.line + 1}:${codeOf(d)}`).sort();
        return JSON.stringify(got) === JSON.stringify([...want].sort()) || undefined;
      }, `diagnostics of ${file} on ${session.today}`);
    }
    // … and the rules agree on every due date, moved by the same days
    const here = collectProblems(session.vault, session.today, session.settings);
    const line = (p: ReportedProblem, shift: number) => `${p.file}:${p.line}:${p.code}:${p.severity}:${p.due ? addDays(p.due, shift) : '-'}`;
    assert.deepStrictEqual(here.map((p) => line(p, 0)), expected.map((p) => line(p, days)));
    assert.strictEqual(session.settings.erasUpdateDate !== '09-01', true, 'the copy carries its own ERAS season');
  });

  it('Create Vault from Sample makes the same copy for today as rapport init --sample', async () => {
    const host = await readyHost();
    const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-from-sample-'));
    try {
      // Not awaited: outside the workspace, the command ends on an "Open Folder" notification.
      void vscode.commands.executeCommand('rapport.createVaultFromSample', vscode.Uri.file(dest));
      await eventually(() => fs.existsSync(path.join(dest, 'profile.md')) || undefined, 'the sample copy');
      const files = (root: string) => (fs.readdirSync(root, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
        .filter((f) => !f.startsWith('.vscode/'))
        .sort();
      // the workspace is the CLI's copy for the same day (runTests.js): byte for byte the same
      const cliCopy = workspaceRoot();
      assert.deepStrictEqual(files(dest), files(cliCopy));
      for (const f of files(dest)) assert.ok(fs.readFileSync(path.join(dest, f)).equals(fs.readFileSync(path.join(cliCopy, f))), `${f} differs from the CLI's copy for ${host.session!.today}`);
      assert.ok(!fs.existsSync(path.join(dest, '.rapport-sample.json')));
    } finally {
      fs.rmSync(dest, { recursive: true, force: true });
    }
  });
});
