import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { visibleText } from '../../src/core/terminalText';

/** No raw control character from a vault reaches the terminal, in any command. */
let dir: string;
// C0 but LF, DEL, C1, a lone CR, bidi overrides and isolates, line separators.
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd: dir, today: () => '2026-11-25' };
  return { code: await runCli(argv, io), out, err };
}

describe('terminal output', () => {
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-term-'));
    const evil = '\u001b[2J\u001b]0;title\u0007\u001b]8;;https://x.example\u001b\\link\u001b]8;;\u001b\\ \u009b31m \u202eevil\r';
    fs.mkdirSync(path.join(dir, 'contacts'));
    fs.mkdirSync(path.join(dir, 'templates'));
    fs.writeFileSync(path.join(dir, 'profile.md'), '---\nname: Alex\n---\n');
    fs.writeFileSync(path.join(dir, 'contacts', `ev\u001b[31mil\u202e.md`), `---\nname: ${JSON.stringify(evil)}\nemail: jane@example.org\nfollow_up: 2026-11-01\nrole: ${JSON.stringify(evil)}\n---\n- [ ] ${evil.replace('\r', '')} 📅 2026-11-02\n`);
    fs.writeFileSync(path.join(dir, 'templates', 'x.md'), `---\nid: evil\ntitle: ${JSON.stringify(evil)}\nsubject: ${JSON.stringify(`Hi ${evil}`)}\n---\nHello {{name}} ${evil}\n`);
    fs.writeFileSync(path.join(dir, '.rapport.json'), JSON.stringify({ [evil]: 1 }));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('escapes control characters visibly, and keeps JSON valid', () => {
    assert.strictEqual(visibleText('a\u001b[2Jb\r\nc\rd\u202e'), 'a\\u001b[2Jb\r\nc\\u000dd\\u202e');
    const json = JSON.stringify({ name: 'x\u009b\u202e' });
    assert.deepStrictEqual(JSON.parse(visibleText(json)), { name: 'x\u009b\u202e' });
  });

  it('in every command, text and json', async () => {
    const file = fs.readdirSync(path.join(dir, 'contacts'))[0];
    const runs = [
      ['list'], ['list', '--format', 'json'], ['agenda'], ['check'], ['check', '--format', 'json'], ['programs'], ['templates'],
      ['templates', '--format', 'json'], ['template', 'evil', '--contact', `contacts/${file}`], ['template', 'evil', '--contact', `contacts/${file}`, '--mailto'],
      ['dormant', `contacts/${file}`], ['log', `contacts/${file}`, 'met', 'x\u001b[2J'], ['new', 'N\u001b[2Jame'], ['done', `contacts/${file}`],
      ['snooze', `contacts/${file}`, '--days', '3'], ['nope\u001b[2J'],
    ];
    for (const argv of runs) {
      const r = await cli(...argv);
      assert.ok(!RAW.test(r.out), `${argv.join(' ')} stdout: ${JSON.stringify(r.out)}`);
      assert.ok(!RAW.test(r.err), `${argv.join(' ')} stderr: ${JSON.stringify(r.err)}`);
    }
  });

  it('prints a mailto link with subject and body only', async () => {
    const file = fs.readdirSync(path.join(dir, 'contacts'))[0];
    const r = await cli('template', 'evil', '--contact', `contacts/${file}`, '--mailto');
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /^mailto:jane@example\.org\?subject=[^&]*&body=[^&]*\n$/);
  });
});
