import * as assert from 'assert';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import { seasonSummary, seasonText } from '../../src/core/season/summary';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { note, vaultOf } from './rulesSupport';

const VAULT = path.resolve(__dirname, '../../examples/vault');

function io() {
  const o = { stdout: '', stderr: '', out(t: string) { o.stdout += t; }, err(t: string) { o.stderr += t; }, cwd: process.cwd(), today: () => '2026-11-25' };
  return o;
}

describe('rapport season', () => {
  it('prints letters by status and applications by program for the sample vault, as text and JSON', async () => {
    const text = io();
    assert.strictEqual(await runCli(['season', VAULT, '--today', '2026-11-25'], text), 0);
    assert.match(text.stdout, /^Rapport season for 2026-11-25\n\nLetters \(6\)\n {2}Dr\. Victor Hale {6}asked 2026-11-12 {2}contacts\/victor-hale\.md\n/);
    assert.match(text.stdout, /Eastbrook Plastic Surgery {2}applied 2026-09-03 \(PSCA\), signal, invited 2026-11-23, respond by 2026-11-27/);
    assert.match(text.stdout, /Bayside Plastic Surgery {4}applied 2026-09-03 \(ERAS\), invited 2026-11-12, interviewed 2026-11-20/);
    assert.match(text.stdout, /Northgate Plastic Surgery {2}not applied/);
    assert.match(text.stdout, /\n {2}reviewsOpen {10}not set\n/);
    const json = io();
    assert.strictEqual(await runCli(['season', VAULT, '--today', '2026-11-25', '--format', 'json'], json), 0);
    const parsed = JSON.parse(json.stdout) as { letters: { status: string }[]; applications: { status: string }[] };
    assert.deepStrictEqual(parsed.letters.map((l) => l.status), ['asked', 'agreed', 'materials sent', 'uploaded', 'thanked', 'thanked']);
    assert.deepStrictEqual(parsed.applications.map((a) => a.status), ['interviewed', 'invited', 'interview scheduled', 'not applied', 'interview scheduled']);
  });

  it('keeps control characters from the vault out of the terminal', async () => {
    const vault = await vaultOf({ 'contacts/x.md': note(['name: "Evil\\u001b[2JName"', 'letter:', '  asked: 2026-06-01']) });
    const out = seasonText(seasonSummary(vault, '2026-06-02', DEFAULT_SETTINGS));
    assert.ok(out.includes('Evil [2JName'));
    // eslint-disable-next-line no-control-regex
    assert.ok(!/\u001b/.test(out));
  });
});
