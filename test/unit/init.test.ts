import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { addDays, daysBetween } from '../../src/core/dates';
import { RULE_CODES } from '../../src/core/settings';
import { SAMPLE_MANIFEST, sampleStoryDay, sampleVaultDir } from '../../src/node/vaultInit';

const SAMPLE = path.resolve(__dirname, '../../examples/vault');

/** A CLI whose clock says `today`, as RAPPORT_TODAY or a faked system date would. */
function cli(today: string, cwd = process.cwd()): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out(t: string) { io.stdout += t; }, err(t: string) { io.stderr += t; }, cwd, today: () => today };
  return io;
}

interface AgendaItem { due: string; path: string; line: number; code: string; action: string; severity: string }
interface Agenda { overdue: AgendaItem[]; dueToday: AgendaItem[]; upcoming: AgendaItem[] }

/** `agenda --format json`: overdue, today and the next 7 days. */
async function agenda(dir: string, today: string): Promise<Agenda> {
  const io = cli(today);
  assert.strictEqual(await runCli(['agenda', dir, '--format', 'json'], io), 0, io.stderr);
  const a = JSON.parse(io.stdout) as Agenda & { today: string; days: number };
  assert.strictEqual(a.today, today);
  assert.strictEqual(a.days, 7);
  return { overdue: a.overdue, dueToday: a.dueToday, upcoming: a.upcoming };
}

async function checkCodes(dir: string, today: string): Promise<string[]> {
  const io = cli(today);
  await runCli(['check', dir, '--format', 'json', '--fail-on', 'never'], io);
  assert.strictEqual(io.stderr, '');
  const problems = (JSON.parse(io.stdout) as { problems: { code: string }[] }).problems;
  return [...new Set(problems.map((p) => p.code))].sort();
}

/** An agenda item as it would read on the story day. */
function backToStory(item: AgendaItem, days: number): AgendaItem {
  return { due: addDays(item.due, -days), path: item.path, line: item.line, code: item.code, action: item.action, severity: item.severity };
}

describe('rapport init --sample: the story reads the same on any day', () => {
  let tmp: string;
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-init-')); });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const story = sampleStoryDay(SAMPLE);

  it('records the story day in the sample manifest, found beside the sources and the bundle', () => {
    assert.strictEqual(story, '2026-11-25');
    assert.strictEqual(sampleVaultDir(path.resolve(__dirname, '../../src/node')), SAMPLE);
    assert.strictEqual(sampleVaultDir(path.resolve(__dirname, '../../dist')), SAMPLE);
  });

  // In the ERAS season and out of it, across a month end, a year end and 29 February.
  const TARGETS = ['2027-04-10', '2027-10-05', '2026-12-31', '2028-02-29', '2026-11-25'];

  it(`gives the same agenda (overdue, today, next 7 days) and the same rules on ${TARGETS.join(', ')}`, async function () {
    this.timeout(60_000);
    const original = await agenda(SAMPLE, story);
    const originalCodes = await checkCodes(SAMPLE, story);
    // every built-in rule fires in the story, but match-news: the Match comes after the story day (test/unit/sample-vault.test.ts)
    assert.deepStrictEqual(RULE_CODES.filter((c) => !originalCodes.includes(c)), ['match-news'], 'every built-in rule but match-news fires in the sample');
    for (const [k, list] of Object.entries(original) as [string, unknown[]][]) assert.ok(list.length > 0, `the story has items in ${k}`);
    for (const [n, target] of TARGETS.entries()) {
      const dir = path.join(tmp, `copy-${n}`);
      // the first copy takes today from the clock; the others from --today
      const io = cli(n === 0 ? target : '1999-01-01');
      assert.strictEqual(await runCli(['init', dir, '--sample', ...(n === 0 ? [] : ['--today', target])], io), 0, io.stderr);
      assert.match(io.stdout, new RegExp(`now happens on ${target}`));
      assert.ok(!fs.existsSync(path.join(dir, SAMPLE_MANIFEST)), 'the manifest stays with the sample');
      const days = daysBetween(story, target);
      const copy = await agenda(dir, target);
      for (const k of ['overdue', 'dueToday', 'upcoming'] as const) {
        assert.strictEqual(copy[k].length, original[k].length, `${target}: ${k}`);
        assert.deepStrictEqual(copy[k].map((i) => backToStory(i, days)), original[k].map((i) => backToStory(i, 0)), `${target}: ${k}`);
      }
      assert.deepStrictEqual(await checkCodes(dir, target), originalCodes, target);
    }
  });

  it('refuses a folder that is not empty, even a vault, and writes nothing', async () => {
    const dir = path.join(tmp, 'busy');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'profile.md'), 'mine\n');
    const io = cli('2027-04-10');
    assert.strictEqual(await runCli(['init', dir, '--sample'], io), 1);
    assert.match(io.stderr, /already a vault; the sample needs an empty folder\. Nothing was written/);
    assert.deepStrictEqual(fs.readdirSync(dir), ['profile.md']);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'profile.md'), 'utf8'), 'mine\n');
  });
});

describe('rapport init: an empty vault', () => {
  let tmp: string;
  beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-init-')); });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('creates the folders, a profile with every field the templates use, a .gitignore and a README, and checks clean', async () => {
    const dir = path.join(tmp, 'vault');
    const io = cli('2027-04-10');
    assert.strictEqual(await runCli(['init', dir], io), 0, io.stderr);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['.gitignore', 'README.md', 'conferences', 'contacts', 'profile.md', 'programs', 'rotations']);
    const profile = fs.readFileSync(path.join(dir, 'profile.md'), 'utf8');
    const used = new Set<string>();
    for (const f of fs.readdirSync(path.resolve(__dirname, '../../templates'))) {
      for (const m of fs.readFileSync(path.resolve(__dirname, '../../templates', f), 'utf8').matchAll(/\{\{\s*me\.(\w+)/g)) used.add(m[1]);
    }
    const fields: Record<string, string> = { name: 'name', firstName: 'name', school: 'school', year: 'year', interest: 'interests', email: 'email', phone: 'phone' };
    assert.ok(used.size >= 4, [...used].join());
    for (const f of used) assert.match(profile, new RegExp(`^${fields[f] ?? f}:`, 'm'), `profile.md has no field for {{me.${f}}}`);
    const check = cli('2027-04-10');
    assert.strictEqual(await runCli(['check', dir, '--format', 'json'], check), 0);
    assert.deepStrictEqual((JSON.parse(check.stdout) as { problems: unknown[] }).problems, []);
    assert.strictEqual(check.stderr, '');
  });

  it('refuses a non-empty folder that is not a vault, and writes nothing', async () => {
    fs.writeFileSync(path.join(tmp, 'thesis.docx'), 'x');
    const io = cli('2027-04-10');
    assert.strictEqual(await runCli(['init', tmp], io), 1);
    assert.match(io.stderr, /not empty and is not a vault .*thesis\.docx.*Nothing was written/);
    assert.deepStrictEqual(fs.readdirSync(tmp), ['thesis.docx']);
  });

  it('completes an existing vault without overwriting a single file', async () => {
    fs.writeFileSync(path.join(tmp, 'profile.md'), '---\nname: Alex\n---\n');
    fs.writeFileSync(path.join(tmp, '.gitignore'), 'mine\n');
    fs.mkdirSync(path.join(tmp, 'contacts'));
    const io = cli('2027-04-10');
    assert.strictEqual(await runCli(['init', tmp], io), 0, io.stderr);
    assert.strictEqual(fs.readFileSync(path.join(tmp, 'profile.md'), 'utf8'), '---\nname: Alex\n---\n');
    assert.strictEqual(fs.readFileSync(path.join(tmp, '.gitignore'), 'utf8'), 'mine\n');
    assert.match(io.stdout, /kept what was already there: contacts\/, profile\.md, \.gitignore/);
    for (const made of ['README.md', 'conferences', 'rotations', 'programs']) assert.ok(fs.existsSync(path.join(tmp, made)), made);
  });

  it('never writes through a link that leads out of the vault, nor over a dangling one', async () => {
    const outside = path.join(tmp, 'outside');
    fs.mkdirSync(outside);
    const dir = path.join(tmp, 'vault');
    fs.mkdirSync(dir);
    fs.symlinkSync(outside, path.join(dir, 'contacts'));
    const io = cli('2027-04-10');
    assert.strictEqual(await runCli(['init', dir], io), 1);
    assert.match(io.stderr, /contacts leads outside the vault.*Nothing was written/);
    assert.deepStrictEqual(fs.readdirSync(dir), ['contacts']);
    assert.deepStrictEqual(fs.readdirSync(outside), []);
    fs.rmSync(path.join(dir, 'contacts'));
    fs.symlinkSync(path.join(outside, 'profile.md'), path.join(dir, 'profile.md')); // dangling
    const again = cli('2027-04-10');
    assert.strictEqual(await runCli(['init', dir], again), 0, again.stderr);
    assert.match(again.stdout, /kept what was already there: profile\.md/);
    assert.deepStrictEqual(fs.readdirSync(outside), []);
  });

  it('exit 2 for a usage error', async () => {
    for (const argv of [['init'], ['init', 'a', 'b'], ['init', 'a', '--today', '2026-02-30'], ['init', 'a', '--sample=yes']]) {
      const io = cli('2027-04-10', tmp);
      assert.strictEqual(await runCli(argv, io), 2, argv.join(' '));
      assert.match(io.stderr, /usage: rapport init/);
    }
  });
});
