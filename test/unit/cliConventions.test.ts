import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { allOptions, parseCommandArgs } from '../../src/cli/args';
import type { CliIO } from '../../src/cli/io';
import { COMMANDS, runCli } from '../../src/cli/main';
import { nearest } from '../../src/cli/suggest';
import { findVaultUp } from '../../src/node/vaultFinder';

const REPO = path.resolve(__dirname, '../..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const PACKAGE_VERSION = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

async function cli(argv: string[], cwd = REPO): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd, today: () => '2026-11-25' };
  const code = await runCli(argv, io);
  return { code, out, err };
}

/** dist/cli.js as shipped; built once when a unit run starts without it. */
function builtCli(): string {
  if (!fs.existsSync(CLI)) {
    const r = spawnSync(process.execPath, [path.join(REPO, 'esbuild.js')], { cwd: REPO, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
  }
  return CLI;
}

describe('CLI conventions', () => {
  let tmp: string;
  beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-cli-')); });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('--version prints package.json\'s version, from the sources and from dist/cli.js', async () => {
    assert.strictEqual((await cli(['--version'])).out, `${PACKAGE_VERSION}\n`);
    const r = spawnSync(process.execPath, [builtCli(), '--version'], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0);
    assert.strictEqual(r.stdout, `${PACKAGE_VERSION}\n`);
  });

  it('every command has --help, -h and `help CMD`, naming each of its options and the exit codes', async () => {
    for (const c of COMMANDS) {
      const long = await cli([c.name, '--help']);
      assert.strictEqual(long.code, 0, c.name);
      assert.match(long.out, new RegExp(`^rapport ${c.name} — `));
      assert.match(long.out, /Exit status:\n {2}0 .*\n(?: {2}1 .*\n)? {2}2 +usage error/);
      for (const name of Object.keys(allOptions(c.options ?? {}))) assert.ok(long.out.includes(`--${name}`), `${c.name} --help names --${name}`);
      assert.deepStrictEqual(await cli([c.name, '-h']), long);
      assert.deepStrictEqual(await cli(['help', c.name]), long);
    }
    const overview = await cli(['--help']);
    assert.strictEqual(overview.code, 0);
    for (const c of COMMANDS) assert.match(overview.out, new RegExp(`\\n {2}${c.name} +\\S`));
    assert.match(overview.out, /Exit status:\n {2}0 +done\n {2}1 +findings or refused[^\n]*\n {2}2 +usage error/);
    const none = await cli([]);
    assert.strictEqual(none.code, 2, 'no command is a usage error');
  });

  it('suggests the command or option a misspelling meant', async () => {
    const cmd = await cli(['agendas']);
    assert.strictEqual(cmd.code, 2);
    assert.match(cmd.err, /unknown command 'agendas' \(did you mean 'agenda'\?\)/);
    const opt = await cli(['check', path.join(REPO, 'examples', 'vault'), '--fromat', 'json']);
    assert.strictEqual(opt.code, 2);
    assert.match(opt.err, /unknown option --fromat \(did you mean --format\?\)/);
    const value = await cli(['list', path.join(REPO, 'examples', 'vault'), '--format', 'jsno']);
    assert.match(value.err, /did you mean json\?/);
    assert.strictEqual((await cli(['help', 'lsit'])).code, 2);
    assert.strictEqual(nearest('zzzzzz', COMMANDS.map((c) => c.name)), undefined, 'nothing close, no guess');
  });

  it('takes --today and --format on every command, and never takes an option as --today\'s value', async () => {
    for (const c of COMMANDS) {
      const format = (c.formats ?? ['text'])[0];
      assert.doesNotThrow(() => parseCommandArgs(['--today', '2026-11-25', '--format', format], c), c.name);
      const r = await cli([c.name, 'x', '--today', '--format', 'json']);
      assert.strictEqual(r.code, 2, c.name);
      assert.match(r.err, new RegExp(`^rapport ${c.name}: --today needs a date`), c.name);
      const end = await cli([c.name, '--today']);
      assert.strictEqual(end.code, 2, c.name);
      assert.match(end.err, /--today needs a date/);
    }
  });

  it('counts with the right plural', async () => {
    fs.mkdirSync(path.join(tmp, 'contacts'));
    fs.writeFileSync(path.join(tmp, 'contacts', 'a.md'), '---\nname: Ann Able\nrole: wizard\n---\n');
    // No profile.md yet: that is one problem (missing-profile), the unknown role the other.
    const one = await cli(['check', tmp]);
    assert.match(one.out, /^2 problems in 1 note \(0 errors, 2 warnings, 0 info, 0 hints\), today 2026-11-25$/m);
    fs.writeFileSync(path.join(tmp, 'profile.md'), '---\nname: Sam Student\nschool: Lakeshore\nyear: MS4\n---\n');
    fs.rmSync(path.join(tmp, 'contacts', 'a.md'));
    fs.writeFileSync(path.join(tmp, 'contacts', 'b.md'), '---\nname: Bo Bright\nrole: wizard\n---\n');
    const single = await cli(['check', tmp]);
    assert.match(single.out, /^1 problem in 2 notes \(0 errors, 1 warning, 0 info, 0 hints\)/m);
  });

  it('finds the vault from a folder inside it, and exits 2 in a folder that is in no vault', async () => {
    assert.strictEqual(findVaultUp(tmp), null, `${tmp} or a parent looks like a vault; this test needs a clean temporary folder`);
    const outside = await cli(['list'], tmp);
    assert.strictEqual(outside.code, 2);
    assert.match(outside.err, /is not in a vault/);
    fs.writeFileSync(path.join(tmp, 'profile.md'), '---\nname: Alex Chen\n---\n');
    fs.mkdirSync(path.join(tmp, 'contacts', 'deep'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'contacts', 'deep', 'jane.md'), '---\nname: Jane Smith\nrole: faculty\n---\n');
    const inside = await cli(['list', '--format', 'json'], path.join(tmp, 'contacts', 'deep'));
    assert.strictEqual(inside.code, 0, inside.err);
    assert.match(inside.out, /"file": "contacts\/deep\/jane\.md"/);
  });

  it('a contact given by path names its vault, wherever the user stands', async () => {
    const vault = path.join(tmp, 'vault');
    fs.mkdirSync(path.join(vault, 'contacts'), { recursive: true });
    fs.writeFileSync(path.join(vault, 'profile.md'), '---\nname: Alex Chen\n---\n');
    fs.writeFileSync(path.join(vault, 'contacts', 'jane.md'), '---\nname: Jane Smith\nrole: faculty\n---\n');
    const elsewhere = path.join(tmp, 'elsewhere');
    fs.mkdirSync(elsewhere);
    const r = await cli(['template', 'keep-in-touch', '--contact', path.join(vault, 'contacts', 'jane.md'), '--format', 'json'], elsewhere);
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual((JSON.parse(r.out) as { contact: string }).contact, 'contacts/jane.md');
  });

  it('stops quietly when the reader closes the pipe (rapport list | head -1 on a big vault)', function () {
    this.timeout(60_000);
    fs.mkdirSync(path.join(tmp, 'contacts'));
    for (let i = 0; i < 3000; i++) fs.writeFileSync(path.join(tmp, 'contacts', `c${i}.md`), `---\nname: Person ${i}\nrole: faculty\ninstitution: University ${i % 40}\n---\n`);
    const script = `node "${builtCli()}" list "${tmp}" 2>"${tmp}/err.txt" | head -1; echo "\${PIPESTATUS[0]}" > "${tmp}/status.txt"`;
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0);
    assert.match(r.stdout, /^[A-Z][a-z]+ \(3000\)\n$/, 'the first line only: a group and its count');
    assert.strictEqual(fs.readFileSync(path.join(tmp, 'err.txt'), 'utf8'), '', 'nothing on stderr: no EPIPE stack trace');
    assert.strictEqual(fs.readFileSync(path.join(tmp, 'status.txt'), 'utf8').trim(), '0');
  });
});
