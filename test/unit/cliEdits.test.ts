import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';

/** The CLI twins of the quick fixes, run against real folders with links, FIFOs and crafted notes. */
let base: string;
let vault: string;
let outside: string;

function write(rel: string, text: string): void {
  const abs = path.join(vault, ...rel.split('/'));
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd: vault, today: () => '2026-11-25' };
  const code = await runCli(argv, io);
  return { code, out, err };
}

/** Every file under `dir` with its bytes, to prove nothing changed there. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(path.relative(dir, p), fs.readFileSync(p, 'latin1'));
      else out.set(path.relative(dir, p), `<${e.isSymbolicLink() ? 'link' : 'special'}>`);
    }
  };
  walk(dir);
  return out;
}

const JANE = '---\nname: Jane Smith\nrole: faculty\nfollow_up: 2026-11-01   # after the talk\ntags: [mentor,\nstatus: paused]\nstatus: active\n---\n\n## Interactions\n\n- 2026-10-12 note: read her paper\n';

describe('CLI edits: new, log, done, snooze, dormant', () => {
  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-cli-edits-'));
    vault = path.join(base, 'vault');
    outside = path.join(base, 'outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'victim.md'), '---\nname: Victim\nstatus: active\n---\n');
    write('profile.md', '---\nname: Alex\n---\n');
    write('contacts/jane-smith.md', JANE);
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  it('sets dormant without touching the flow list that spans two lines', async () => {
    const r = await cli('dormant', 'contacts/jane-smith.md');
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(fs.readFileSync(path.join(vault, 'contacts/jane-smith.md'), 'utf8'), JANE.replace('status: active', 'status: dormant'));
  });

  it('snoozes by days or until a date, and rejects bad usage with 2', async () => {
    assert.strictEqual((await cli('snooze', 'contacts/jane-smith.md', '--days', '7')).code, 0);
    assert.match(fs.readFileSync(path.join(vault, 'contacts/jane-smith.md'), 'utf8'), /\nsnooze_until: 2026-12-02\n---/);
    assert.strictEqual((await cli('snooze', 'contacts/jane-smith.md', '--until', '2027-01-05')).code, 0);
    assert.match(fs.readFileSync(path.join(vault, 'contacts/jane-smith.md'), 'utf8'), /\nsnooze_until: 2027-01-05\n---/);
    for (const bad of [[], ['--days', '3', '--until', '2027-01-01'], ['--days', 'x'], ['--until', '2027-02-30']]) {
      assert.strictEqual((await cli('snooze', 'contacts/jane-smith.md', ...bad)).code, 2, bad.join(' '));
    }
  });

  it('logs an interaction, filtering control characters out of the text', async () => {
    const r = await cli('log', 'contacts/jane-smith.md', 'emailed', 'sent the slides\u001b]0;pwned\u0007', '--date', '2026-11-20');
    assert.strictEqual(r.code, 0, r.err);
    assert.ok(fs.readFileSync(path.join(vault, 'contacts/jane-smith.md'), 'utf8').endsWith('- 2026-10-12 note: read her paper\n- 2026-11-20 emailed: sent the slides ]0;pwned\n'));
    assert.strictEqual((await cli('log', 'contacts/jane-smith.md', 'dance')).code, 2);
  });

  it('marks the most pressing follow-up done (clears the follow_up date, keeps its comment line neighbours)', async () => {
    const r = await cli('done', 'contacts/jane-smith.md');
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(fs.readFileSync(path.join(vault, 'contacts/jane-smith.md'), 'utf8'), JANE.replace('follow_up: 2026-11-01   # after the talk\n', ''));
    const again = await cli('done', 'contacts/jane-smith.md');
    assert.strictEqual(again.code, 1);
    assert.match(again.err, /no open follow-up/);
  });

  it('refuses an edit it cannot prove, leaving the file byte-identical, with the reason on stderr', async () => {
    const text = '---\nname: A\nstatus: active\nstatus: paused\n---\n';
    write('contacts/dup.md', text);
    const r = await cli('dormant', 'contacts/dup.md');
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /more than once/);
    assert.strictEqual(fs.readFileSync(path.join(vault, 'contacts/dup.md'), 'utf8'), text);
  });

  it('refuses a note that is a link out of the vault, and a FIFO, writing nothing anywhere', async () => {
    fs.symlinkSync(path.join(outside, 'victim.md'), path.join(vault, 'contacts', 'link.md'));
    execFileSync('mkfifo', [path.join(vault, 'contacts', 'pipe.md')]);
    const before = snapshot(base);
    for (const [verb, ...rest] of [['dormant'], ['snooze', '--days', '3'], ['log', 'met'], ['done']]) {
      for (const note of ['contacts/link.md', 'contacts/pipe.md']) {
        const argv = [verb, note, ...rest];
        const r = await cli(...argv);
        assert.strictEqual(r.code, 1, `${argv.join(' ')}: ${r.err}`);
        assert.match(r.err, /outside the vault|not a regular file/);
      }
    }
    assert.deepStrictEqual(snapshot(base), before);
  });

  it('refuses a note inside a folder that links out of the vault', async () => {
    fs.symlinkSync(outside, path.join(vault, 'people'));
    const before = snapshot(outside);
    const r = await cli('dormant', 'people/victim.md');
    assert.strictEqual(r.code, 1);
    assert.deepStrictEqual(snapshot(outside), before);
  });

  it('creates a contact exclusively, and refuses a contacts folder that links out of the vault', async () => {
    const r = await cli('new', 'Dr. Ana Ruiz', '--role', 'resident', '--institution', 'Lakeside');
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(r.out, 'contacts/ana-ruiz.md\n');
    assert.match(fs.readFileSync(path.join(vault, 'contacts/ana-ruiz.md'), 'utf8'), /role: "resident"/);
    assert.strictEqual((await cli('new', 'Dr. Ana Ruiz')).out, 'contacts/ana-ruiz-2.md\n');
    assert.strictEqual((await cli('new', 'X', '--role', 'boss')).code, 2);

    fs.rmSync(path.join(vault, 'contacts'), { recursive: true });
    fs.symlinkSync(outside, path.join(vault, 'contacts'));
    write('templates/contact.md', '---\nname: {{name}}\n---\necho pwned\n');
    const before = snapshot(outside);
    const refused = await cli('new', 'Eve');
    assert.strictEqual(refused.code, 1);
    assert.match(refused.err, /outside the vault/);
    assert.deepStrictEqual(snapshot(outside), before);
  });

  it('does not follow a dangling contacts link to create its target', async () => {
    fs.rmSync(path.join(vault, 'contacts'), { recursive: true });
    fs.symlinkSync(path.join(outside, 'made-by-rapport'), path.join(vault, 'contacts'));
    const r = await cli('new', 'Eve');
    assert.strictEqual(r.code, 1);
    assert.ok(!fs.existsSync(path.join(outside, 'made-by-rapport')));
  });
});
