import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, readyHost, workspaceRoot } from './helpers';

interface AgendaJson {
  today: string;
  overdue: unknown[];
  dueToday: { active: boolean }[];
  upcoming: { active: boolean }[];
  later: unknown[];
}

/**
 * One meaning of overdue / today / this week / later: the terminal's agenda and what the
 * extension shows (the Follow-ups view's buckets, the badge and the status bar's overdue
 * count) are computed by the same core functions, so on the same vault and day they agree.
 */
describe('the CLI and the extension count the same', () => {
  it('the agenda of the built CLI equals the Follow-ups view bucket by bucket, and its overdue count', async () => {
    const api = await readyHost();
    const session = api.session!;
    const tree = api.followUps!;
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const cli = path.join(ext.extensionPath, 'dist', 'cli.js');
    const agenda = JSON.parse(execFileSync(process.execPath, [cli, 'agenda', workspaceRoot(), '--today', session.today, '--format', 'json'], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    })) as AgendaJson;
    assert.strictEqual(agenda.today, session.today);
    const shown = new Map<string, number>();
    for (const node of tree.getChildren()) {
      if (node.type === 'bucket') shown.set(node.id, node.items.length);
    }
    const expected = {
      'bucket:overdue': agenda.overdue.length,
      'bucket:today': agenda.dueToday.filter((i) => i.active).length,
      'bucket:week': agenda.upcoming.filter((i) => i.active).length,
      'bucket:later': agenda.later.length,
    };
    assert.ok(expected['bucket:overdue'] > 0 && expected['bucket:week'] > 0, 'the sample has overdue and coming follow-ups');
    for (const [id, n] of Object.entries(expected)) assert.strictEqual(shown.get(id) ?? 0, n, id);
    // The badge and the status bar both show this number.
    assert.strictEqual(tree.overdueCount(), agenda.overdue.length);
  });
});
