import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ICAL from 'ical.js';
import * as nodeIcal from 'node-ical';
import { runCli } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd, today: () => '2026-11-25' };
  const code = await runCli(args, io);
  return { code, out, err };
}

/** Names a shared vault could hold: line breaks of every kind, escape sequences, bidi overrides, emoji. */
const NAMES = ['Ana\\rMaría', 'Line\\u2028Sep', 'Multi\\nLine Name', 'Esc\\u001b]0;title\\u0007 Name', '\\u202eevil\\u202c Name', 'Emoji 👩🏽‍⚕️ Doc'];

describe('CLI: hostile names in check and ics', () => {
  let vault: string;
  before(() => {
    vault = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-names-'));
    fs.mkdirSync(path.join(vault, 'contacts'));
    NAMES.forEach((name, i) => {
      fs.writeFileSync(path.join(vault, 'contacts', `c${i}.md`),
        `---\ntype: contact\nname: "${name}"\nrole: faculty\nstatus: active\nfollow_up: 2026-11-10\nemail: "bad-${i}"\n---\n`);
    });
  });
  after(() => fs.rmSync(vault, { recursive: true, force: true }));

  it('check prints one problem per line, with no raw control character', async () => {
    const r = await cli(['check', vault, '--format', 'text', '--fail-on', 'never'], vault);
    assert.strictEqual(r.code, 0, r.err);
    const json = JSON.parse((await cli(['check', vault, '--format', 'json'], vault)).out) as { problems: unknown[] };
    const lines = r.out.split('\n').filter((l) => l !== '');
    assert.strictEqual(lines.length, json.problems.length + 1, r.out);
    // eslint-disable-next-line no-control-regex -- looking for them is the point
    assert.doesNotMatch(r.out.replace(/\n/g, ''), /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    for (const line of lines.slice(0, -1)) assert.match(line, /^[^:]+:\d+:\d+: /);
  });

  it('ics puts the overdue follow-ups on today, and both parsers read every name', async () => {
    const r = await cli(['ics', vault, '--today', '2026-11-25'], vault);
    assert.strictEqual(r.code, 0, r.err);
    const viaIcal = new ICAL.Component(ICAL.parse(r.out) as unknown[]).getAllSubcomponents('vevent');
    const viaNode = Object.values(nodeIcal.sync.parseICS(r.out)).filter((c): c is nodeIcal.VEvent => c?.type === 'VEVENT');
    const dueFollowUps = viaIcal.filter((e) => String(e.getFirstPropertyValue('summary')).includes('was due 2026-11-10'));
    assert.strictEqual(dueFollowUps.length, NAMES.length, 'nobody dropped');
    for (const e of dueFollowUps) assert.strictEqual(String(e.getFirstPropertyValue('dtstart')), '2026-11-25');
    const summaries = (list: string[]) => list.filter((s) => s.includes('was due 2026-11-10')).sort();
    const expected = ['Ana María', 'Line Sep', 'Multi Line Name', 'Esc ]0;title Name', '\u202eevil\u202c Name', 'Emoji 👩🏽‍⚕️ Doc'];
    const fromIcal = summaries(viaIcal.map((e) => String(e.getFirstPropertyValue('summary'))));
    const fromNode = summaries(viaNode.map((e) => (typeof e.summary === 'string' ? e.summary : (e.summary as { val: string }).val)));
    assert.deepStrictEqual(fromIcal, fromNode);
    for (const name of expected) assert.ok(fromIcal.some((s) => s.startsWith(`${name}: `)), `${name} in ${JSON.stringify(fromIcal)}`);
  });
});
