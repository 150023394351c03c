import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { applyEdits } from '../../src/core/edits';
import { logInteractionInNotes } from '../../src/core/logMany';
import { parseNote } from '../../src/core/parseNote';
import type { ContactNote } from '../../src/core/types';

const A = '---\nname: Dr. A\n---\n\n## Interactions\n\n- 2026-10-01 emailed: hello\n';
const B = '---\nname: Dr. B\n---\n# Dr. B\n';
/** Frontmatter that cannot be read: appendInteraction refuses to edit the note. */
const BROKEN = '---\nname: [unclosed\n---\n';
const CRLF_BROKEN = '---\r\nname: "Dr. C\r\n---\r\n';

describe('one log entry in several notes ("met Dr. A and Dr. B at ASPS")', () => {
  it('gives each note its proven edit', () => {
    const r = logInteractionInNotes([{ path: 'a.md', text: A }, { path: 'b.md', text: B }], '2026-11-20', 'met', 'at ASPS');
    assert.ok(r.ok);
    const texts: Record<string, string> = { 'a.md': A, 'b.md': B };
    for (const { path: p, edits } of r.edits) {
      const note = parseNote(p, applyEdits(texts[p], edits)) as ContactNote;
      assert.deepStrictEqual(note.interactions.filter((i) => i.kind === 'met').map((i) => [i.date, i.text]), [['2026-11-20', 'at ASPS']], p);
    }
  });

  it('is all or none: any refusal names each refusing note and returns no edit', () => {
    const r = logInteractionInNotes([{ path: 'a.md', text: A }, { path: 'c.md', text: CRLF_BROKEN }, { path: 'x.md', text: BROKEN }], '2026-11-20', 'met', '');
    assert.ok(!r.ok);
    assert.deepStrictEqual(r.refused.map((f) => f.path), ['c.md', 'x.md']);
    assert.ok(r.refused.every((f) => f.reason.length > 0));
  });

  it('logs a note picked twice once', () => {
    const r = logInteractionInNotes([{ path: 'a.md', text: A }, { path: 'a.md', text: A }], '2026-11-20', 'met', '');
    assert.ok(r.ok);
    assert.strictEqual(r.edits.length, 1);
  });
});

describe('CLI: rapport log NOTE... and rapport new with what was jotted down', () => {
  let vault: string;
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(vault, rel)), { recursive: true });
    fs.writeFileSync(path.join(vault, rel), text);
  };
  const read = (rel: string) => fs.readFileSync(path.join(vault, rel), 'utf8');
  const cli = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const io: CliIO = { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd: vault, today: () => '2026-11-25' };
    return { code: await runCli(argv, io), out, err };
  };
  beforeEach(() => {
    vault = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-logmany-'));
    write('profile.md', '---\nname: Alex\n---\n');
    write('contacts/a.md', A);
    write('contacts/b.md', B);
    write('contacts/c.md', BROKEN);
    write('conferences/asps.md', '---\ntype: conference\nname: ASPS 2026\nstart: 2026-11-18\nend: 2026-11-21\n---\n');
  });
  afterEach(() => fs.rmSync(vault, { recursive: true, force: true }));

  it('logs in several notes, on a past day given as "3 days ago"', async () => {
    const r = await cli('log', 'contacts/a.md', 'contacts/b.md', 'met', 'at ASPS', '--date', '3 days ago');
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(read('contacts/a.md'), A + '- 2026-11-22 met: at ASPS\n');
    assert.ok(read('contacts/b.md').endsWith('## Interactions\n\n- 2026-11-22 met: at ASPS\n'), read('contacts/b.md'));
    assert.strictEqual(r.out, 'contacts/a.md: logged 2026-11-22 met\ncontacts/b.md: logged 2026-11-22 met\n');
  });

  it('writes nothing when one of the notes refuses, and names it', async () => {
    const r = await cli('log', 'contacts/a.md', 'contacts/c.md', 'met');
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /contacts\/c\.md: The frontmatter of this note cannot be read/);
    assert.match(r.err, /nothing logged: 1 of 2 notes refused/);
    assert.strictEqual(read('contacts/a.md'), A);
    assert.strictEqual(read('contacts/c.md'), BROKEN);
  });

  it('refuses a future date or one it cannot read, before touching a note', async () => {
    for (const date of ['tomorrow', '2026-11-26', 'last week']) {
      const r = await cli('log', 'contacts/a.md', 'met', '--date', date);
      assert.strictEqual(r.code, 2, date);
    }
    assert.strictEqual(read('contacts/a.md'), A);
    assert.strictEqual((await cli('log', 'met')).code, 2, 'a kind without a note');
  });

  it('rapport new takes position, where and when met, topics and the promise, and logs the meeting', async () => {
    const r = await cli('new', 'Dr. Jane Smith', '--role', 'faculty', '--institution', 'Lakeshore', '--position', 'Associate Professor',
      '--met-at', 'asps 2026', '--met', 'yesterday', '--topics', 'microsurgery, aways', '--promise', 'send my abstract', '--promise-date', '2026-11-28');
    assert.strictEqual(r.code, 0, r.err);
    const rel = r.out.trim();
    const note = parseNote(rel, read(rel)) as ContactNote;
    assert.deepStrictEqual(note.problems, []);
    assert.strictEqual(note.position, 'Associate Professor');
    assert.strictEqual(note.metAt, 'asps 2026');
    assert.deepStrictEqual(note.links.map((l) => l.target), ['asps 2026', 'asps 2026'], 'a link, since the conference is a note of the vault');
    assert.deepStrictEqual(note.interests, ['microsurgery', 'aways']);
    assert.deepStrictEqual(note.interactions.map((i) => [i.date, i.kind]), [['2026-11-24', 'met']]);
    assert.deepStrictEqual(note.tasks.map((t) => [t.text, t.due]), [['send my abstract', '2026-11-28']]);
  });

  it('rapport new: met-at a place that is no note is text, met defaults to today; bad dates are usage errors', async () => {
    const r = await cli('new', 'Sam', '--met-at', 'Grand rounds', '--no-log');
    assert.strictEqual(r.code, 0, r.err);
    const note = parseNote('x.md', read(r.out.trim())) as ContactNote;
    assert.deepStrictEqual([note.metAt, note.met, note.links.length, note.interactions.length], ['Grand rounds', '2026-11-25', 0, 0]);
    assert.strictEqual((await cli('new', 'X', '--met', 'tomorrow')).code, 2);
    assert.strictEqual((await cli('new', 'X', '--promise', 'p', '--promise-date', 'soon')).code, 2);
    assert.strictEqual((await cli('new', 'X', '--promise-date', '2026-12-01')).code, 2);
  });
});
