import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import {
  decodeImportBytes, loadRememberedMapping, readImportFile, rememberMapping, writePlannedNotes,
} from '../../src/node/importFile';

const FIXTURES = path.join(__dirname, '../fixtures/import');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-import-'));
}

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd, today: () => '2026-01-05' };
  const code = await runCli(args, io);
  return { code, out, err };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else out.push(r);
    }
  };
  walk(dir, '');
  return out.sort();
}

/** The parts of `rapport import --format json` these tests read. */
interface ImportJson {
  schema: string;
  format: string;
  dryRun: boolean;
  counts: unknown;
  written: unknown;
  create: unknown[];
  existing: Record<string, unknown>[];
  people: Record<string, unknown>[];
  mapping: Record<string, string>;
}

/** The decoded text, without the raw bytes kept for vCards. */
function textOf(read: ReturnType<typeof decodeImportBytes>): { kind: string; text?: string; encoding?: string } {
  if (read.kind !== 'text') return read;
  return { kind: read.kind, text: read.text, encoding: read.encoding };
}

describe('import: Node writer and reader', () => {
  let dir: string;
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('creates contacts/ when missing and writes the notes', () => {
    const r = writePlannedNotes(dir, [{ path: 'contacts/a.md', text: 'A' }, { path: 'contacts/b.md', text: 'B' }]);
    assert.deepStrictEqual(r, { written: ['contacts/a.md', 'contacts/b.md'], failed: [] });
    assert.strictEqual(fs.readFileSync(path.join(dir, 'contacts/a.md'), 'utf8'), 'A');
  });

  it('never overwrites an existing file, even one created after the plan was made', () => {
    fs.mkdirSync(path.join(dir, 'contacts'));
    fs.writeFileSync(path.join(dir, 'contacts/a.md'), 'precious');
    const r = writePlannedNotes(dir, [{ path: 'contacts/a.md', text: 'new' }, { path: 'contacts/b.md', text: 'B' }]);
    assert.deepStrictEqual(r.written, ['contacts/b.md']);
    assert.deepStrictEqual(r.failed.map((f) => f.path), ['contacts/a.md']);
    assert.match(r.failed[0].reason, /already exists; it was not overwritten/);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'contacts/a.md'), 'utf8'), 'precious');
  });

  it('refuses paths that leave the vault, and a contacts folder that links outside it', () => {
    const outside = tempDir();
    try {
      const r1 = writePlannedNotes(dir, [{ path: '../escape.md', text: 'x' }, { path: '/abs.md', text: 'x' }, { path: 'a\\..\\b.md', text: 'x' }]);
      assert.strictEqual(r1.failed.length, 3);
      fs.symlinkSync(outside, path.join(dir, 'contacts'), 'dir');
      const r2 = writePlannedNotes(dir, [{ path: 'contacts/a.md', text: 'x' }]);
      assert.deepStrictEqual(r2.written, []);
      assert.match(r2.failed[0].reason, /outside the vault/);
      assert.deepStrictEqual(fs.readdirSync(outside), []);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses to write through a dangling symbolic link in place of a note', () => {
    fs.mkdirSync(path.join(dir, 'contacts'));
    const target = path.join(dir, 'nowhere.md');
    fs.symlinkSync(target, path.join(dir, 'contacts/a.md'));
    const r = writePlannedNotes(dir, [{ path: 'contacts/a.md', text: 'x' }]);
    assert.deepStrictEqual(r.written, []);
    assert.strictEqual(fs.existsSync(target), false);
  });

  it('reads files with a size cap, and tells missing, folders, binary and large files apart', () => {
    const file = path.join(dir, 'x.csv');
    fs.writeFileSync(file, 'Name\nAnn\n');
    assert.deepStrictEqual(textOf(readImportFile(file)), { kind: 'text', text: 'Name\nAnn\n', encoding: 'utf-8' });
    assert.deepStrictEqual(readImportFile(file, 4), { kind: 'too-large', size: 9, limit: 4 });
    assert.deepStrictEqual(readImportFile(path.join(dir, 'nope.csv')), { kind: 'missing' });
    assert.strictEqual(readImportFile(dir).kind, 'not-a-file');
    fs.writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    assert.deepStrictEqual(readImportFile(file), { kind: 'binary' });
  });

  it('decodes UTF-16 with a BOM and falls back to Windows-1252 for text that is not UTF-8', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('FN:Zoë', 'utf16le')]);
    assert.deepStrictEqual(decodeImportBytes(utf16), { kind: 'text', text: 'FN:Zoë', encoding: 'utf-16le' });
    assert.deepStrictEqual(textOf(decodeImportBytes(Buffer.from([0x4a, 0x6f, 0x73, 0xe9]))), { kind: 'text', text: 'José', encoding: 'windows-1252' });
    assert.deepStrictEqual(textOf(decodeImportBytes(Buffer.from('\uFEFFJosé', 'utf8'))), { kind: 'text', text: 'José', encoding: 'utf-8' });
  });

  it('reads Windows-1252 curly quotes and dashes (bytes 0x80–0x9F), which Node 20\'s decoder drops', () => {
    const bytes = Buffer.from([0x93, 0x4a, 0x6f, 0x94, 0x20, 0x4f, 0x92, 0x4e, 0x65, 0x69, 0x6c, 0x20, 0x96, 0x20, 0x80, 0x35]);
    assert.strictEqual(textOf(decodeImportBytes(bytes)).text, '“Jo” O’Neil – €5');
  });

  it('remembers the mapping in .rapport.json, keeping every other key', () => {
    const config = path.join(dir, '.rapport.json');
    fs.writeFileSync(config, JSON.stringify({ mentorCadenceDays: 30, import: { other: 1, mapping: { name: 'Old' } } }));
    assert.deepStrictEqual(rememberMapping(dir, { name: 'Full Name', email: 'E-mail' }), { ok: true });
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(config, 'utf8')), {
      mentorCadenceDays: 30, import: { other: 1, mapping: { name: 'Full Name', email: 'E-mail' } },
    });
    assert.deepStrictEqual(loadRememberedMapping(dir), { mapping: { name: 'Full Name', email: 'E-mail' }, warning: null });
    assert.deepStrictEqual(listFiles(dir), ['.rapport.json'], 'no temporary file left behind');
  });

  it('creates .rapport.json when there is none, and leaves an invalid one untouched', () => {
    assert.deepStrictEqual(loadRememberedMapping(dir), { mapping: null, warning: null });
    assert.deepStrictEqual(rememberMapping(dir, { name: 'N' }), { ok: true });
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(path.join(dir, '.rapport.json'), 'utf8')), { import: { mapping: { name: 'N' } } });
    fs.writeFileSync(path.join(dir, '.rapport.json'), '{ "rules": { oops');
    const r = rememberMapping(dir, { name: 'N' });
    assert.ok(!r.ok && /not valid JSON/.test(r.reason));
    assert.strictEqual(fs.readFileSync(path.join(dir, '.rapport.json'), 'utf8'), '{ "rules": { oops');
    fs.writeFileSync(path.join(dir, '.rapport.json'), '{"import": "yes"}');
    assert.ok(!rememberMapping(dir, { name: 'N' }).ok);
  });
});

describe('import: rapport import', () => {
  let vault: string;
  beforeEach(() => {
    vault = tempDir();
    fs.mkdirSync(path.join(vault, 'contacts'));
    fs.writeFileSync(path.join(vault, 'contacts/maya.md'), '---\nname: Maya Okafor\nemail: maya.okafor@example.edu\n---\n');
  });
  afterEach(() => { fs.rmSync(vault, { recursive: true, force: true }); });

  it('--dry-run previews new, existing and skipped rows and writes nothing', async () => {
    const before = listFiles(vault);
    const r = await cli(['import', path.join(FIXTURES, 'Connections.csv'), '--vault', vault, '--dry-run'], vault);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /6 new contacts, 2 already in the vault, 2 skipped/);
    assert.match(r.out, /contacts\/priya-natarajan\.md {2}Priya Natarajan — Resident Physician, PGY-3, Lakeshore Health; role resident \(guessed\)/);
    assert.match(r.out, /line 5 {2}Maya Okafor → contacts\/maya\.md \(same email\)/);
    assert.match(r.out, /line 14 {2}maya OKAFOR → contacts\/maya\.md \(same name\)/);
    assert.match(r.out, /line 11 {2}no name \(only 'https:\/\/www\.linkedin\.com\/in\/private-member'\)/);
    assert.match(r.out, /line 13 {2}row has 9 fields/);
    assert.match(r.out, /Connected On '31 Feb 2025' not used/);
    assert.match(r.out, /Dry run: nothing was written/);
    assert.deepStrictEqual(listFiles(vault), before);
  });

  it('writes the notes, then a second run finds them all in the vault', async () => {
    const file = path.join(FIXTURES, 'contacts.vcf');
    const first = await cli(['import', file, '--vault', vault], vault);
    assert.strictEqual(first.code, 0, first.err);
    assert.match(first.out, /Created 3 notes\./);
    assert.deepStrictEqual(listFiles(vault), ['contacts/aiyana-redcloud.md', 'contacts/chen-wei.md', 'contacts/jose-muller.md', 'contacts/maya.md']);
    const check = await cli(['check', vault, '--today', '2026-01-05', '--format', 'json'], vault);
    // The imported notes read clean; the one problem is the vault's: it has no profile.md yet.
    const { problems } = JSON.parse(check.out) as { problems: { file: string; code: string }[] };
    assert.deepStrictEqual(problems.map((p) => [p.file, p.code]), [['profile.md', 'missing-profile']]);
    const again = await cli(['import', file, '--vault', vault, '--format', 'json'], vault);
    const json = JSON.parse(again.out) as ImportJson;
    assert.deepStrictEqual(json.counts, { new: 0, sameName: 0, existing: 4, skipped: 2, undecodable: 0 });
    assert.deepStrictEqual(json.written, []);
  });

  it('--format json prints the plan without note texts', async () => {
    const r = await cli(['import', path.join(FIXTURES, 'generic.csv'), '--vault', vault, '--dry-run', '--format', 'json'], vault);
    assert.strictEqual(r.code, 0, r.err);
    const json = JSON.parse(r.out) as ImportJson;
    assert.strictEqual(json.format, 'csv');
    assert.strictEqual(json.dryRun, true);
    assert.strictEqual(json.schema, 'rapport.import/2');
    assert.deepStrictEqual(json.counts, { new: 3, sameName: 0, existing: 1, skipped: 1, undecodable: 0 });
    assert.deepStrictEqual(json.create[0], {
      line: 2, name: 'Hannah Brooks', title: null, nameParts: { given: null, additional: null, family: null }, credentials: 'MD',
      emails: ['hannah.brooks@example.edu'], phones: ['+1 555 010 5000'], institution: 'Harbor General', department: null,
      position: 'Attending Surgeon', linkedin: null, urls: [], met: '2025-04-02', warnings: [],
      path: 'contacts/hannah-brooks.md', email: 'hannah.brooks@example.edu', role: 'faculty', roleGuessedFrom: 'Attending Surgeon', sameNameAs: [],
    });
    assert.deepStrictEqual(json.existing.map((e: Record<string, unknown>) => [e.line, e.name, e.matchedPath, e.reason, e.earlierInFile]), [
      [5, 'Hannah Brooks', 'contacts/hannah-brooks.md', 'same email', true],
    ]);
    assert.deepStrictEqual(json.people.map((p: Record<string, unknown>) => [p.line, p.status]), [[2, 'new'], [4, 'new'], [5, 'existing'], [7, 'new']]);
    assert.ok(!r.out.includes('---'), 'no note text in the JSON');
    assert.strictEqual(fs.existsSync(path.join(vault, '.rapport.json')), false, 'a dry run remembers nothing');
  });

  it('remembers the generic mapping (--map over the guess) and uses it next time', async () => {
    const csv = path.join(vault, 'people.csv');
    fs.writeFileSync(csv, 'Name,Work Email,Home Email\nAnn Lee,ann@work.org,ann@home.org\n');
    const r = await cli(['import', csv, '--vault', vault, '--map', 'email=Home Email'], vault);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /Columns: email=Home Email, name=Name/);
    assert.match(fs.readFileSync(path.join(vault, 'contacts/ann-lee.md'), 'utf8'), /^email: "ann@home\.org"$/m);
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(path.join(vault, '.rapport.json'), 'utf8')), { import: { mapping: { email: 'Home Email', name: 'Name' } } });
    fs.writeFileSync(csv, 'Name,Work Email,Home Email\nBo Chen,bo@work.org,bo@home.org\n');
    const again = await cli(['import', csv, '--vault', vault, '--dry-run', '--format', 'json'], vault);
    assert.strictEqual((JSON.parse(again.out) as ImportJson).mapping.email, 'Home Email');
  });

  it('says so and writes nothing to an invalid .rapport.json', async () => {
    fs.writeFileSync(path.join(vault, '.rapport.json'), '{ broken');
    const r = await cli(['import', path.join(FIXTURES, 'generic.csv'), '--vault', vault], vault);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /Note: column mapping not remembered: \.rapport\.json is not valid JSON/);
    assert.strictEqual(fs.readFileSync(path.join(vault, '.rapport.json'), 'utf8'), '{ broken');
  });

  it('exits 2 for usage errors, a missing file, an unknown format or an unusable mapping', async () => {
    assert.strictEqual((await cli(['import', '--vault', vault], vault)).code, 2);
    assert.strictEqual((await cli(['import', 'a.csv', 'b.csv', '--vault', vault], vault)).code, 2);
    assert.strictEqual((await cli(['import', 'x.csv', '--bogus'], vault)).code, 2);
    const missing = await cli(['import', 'nope.csv', '--vault', vault], vault);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.err, /no file at nope\.csv/);
    fs.writeFileSync(path.join(vault, 'notes.txt'), 'just some text\n');
    const unknown = await cli(['import', 'notes.txt', '--vault', vault], vault);
    assert.strictEqual(unknown.code, 2);
    assert.match(unknown.err, /not a format Rapport imports/);
    fs.writeFileSync(path.join(vault, 'x.csv'), 'Email,Phone\na@b.org,1\n');
    const noName = await cli(['import', 'x.csv', '--vault', vault], vault);
    assert.strictEqual(noName.code, 2);
    assert.match(noName.err, /no column looks like a name/);
    assert.match(noName.err, /columns: Email, Phone/);
    assert.strictEqual((await cli(['import', 'x.csv', '--vault', vault, '--map', 'name=Nope'], vault)).code, 2);
    assert.strictEqual((await cli(['import', 'x.csv', '--vault', vault, '--map', 'shoe=Email'], vault)).code, 2);
  });

  it('exits 1 when nothing could be parsed, and writes nothing', async () => {
    fs.writeFileSync(path.join(vault, 'empty.vcf'), 'BEGIN:VCARD\r\nFN:Never ends\r\n');
    const r = await cli(['import', 'empty.vcf', '--vault', vault], vault);
    assert.strictEqual(r.code, 1);
    assert.match(r.out, /line 1 {2}card starting on line 1 has no END:VCARD/);
    assert.match(r.out, /Nothing could be read/);
    fs.writeFileSync(path.join(vault, 'header-only.csv'), 'Name,Email\n');
    assert.strictEqual((await cli(['import', 'header-only.csv', '--vault', vault], vault)).code, 1);
    assert.deepStrictEqual(listFiles(vault).filter((f) => f.startsWith('contacts/')), ['contacts/maya.md']);
  });

  it('keeps control characters from the file out of the terminal', async () => {
    fs.writeFileSync(path.join(vault, 'evil.csv'), 'Name,Position\n"Eve \u001b[2J\u001b]0;pwned\u0007",Resident\n');
    const r = await cli(['import', 'evil.csv', '--vault', vault, '--dry-run'], vault);
    assert.strictEqual(r.code, 0, r.err);
    // eslint-disable-next-line no-control-regex
    assert.ok(!/[\u0000-\u0008\u000b-\u001f]/.test(r.out), JSON.stringify(r.out));
    assert.match(r.out, /Eve \[2J ]0;pwned/);
  });
});
