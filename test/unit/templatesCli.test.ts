import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { builtinTemplatesDir, loadTemplates, readTemplateDir } from '../../src/node/templateLoader';
import { REPO } from './templatesSupport';

let dir: string;

function write(rel: string, text: string | Buffer): void {
  const abs = path.join(dir, ...rel.split('/'));
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd: dir, today: () => '2026-10-14' };
  const code = await runCli(argv, io);
  return { code, out, err };
}

describe('template loading and the template commands', () => {
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-templates-'));
    write('profile.md', '---\nname: Alex Chen\nschool: Northfield SOM\nyear: M3\nemail: alex@example.edu\n---\n');
    write('conferences/asps.md', '---\nname: ASPS 2026\nstart: 2026-10-09\n---\n');
    write('contacts/jane-smith.md', '---\nname: Jane Smith\ntitle: Dr.\nrole: faculty\nmet_at: "[[ASPS 2026]]"\n---\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds the built-in templates from the sources and from dist/', () => {
    assert.strictEqual(builtinTemplatesDir(path.join(REPO, 'src', 'node')), path.join(REPO, 'templates'));
    assert.strictEqual(builtinTemplatesDir(path.join(REPO, 'dist')), path.join(REPO, 'templates'));
    assert.strictEqual(builtinTemplatesDir(path.join(dir, 'a', 'b', 'c')), null);
  });

  it('reads the vault templates/ folder: overrides, contact.md, and problems instead of throws', () => {
    write('templates/conference-follow-up.md', '---\nid: conference-follow-up\ntitle: Mine\nsubject: Hi\n---\nHello {{contact.firstName}}\n');
    write('templates/contact.md', '---\nname: "{{name}}"\n---\n');
    write('templates/evil.md', '---js\n{}\n---\n');
    write('templates/big.md', `---\nid: big\n---\n${'x'.repeat(70 * 1024)}`);
    write('templates/bin.md', Buffer.from([0x2d, 0x2d, 0x2d, 0x00, 0x01]));
    write('templates/sub/ignored.md', '---\nid: ignored\nsubject: S\n---\n');
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-outside-'));
    try {
      fs.writeFileSync(path.join(outside, 'secret.md'), '---\nid: secret\nsubject: S\n---\n');
      fs.symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'templates', 'link.md'));
      const loaded = loadTemplates(dir);
      assert.strictEqual(loaded.registry.get('conference-follow-up')?.title, 'Mine');
      assert.strictEqual(loaded.registry.overridden.has('conference-follow-up'), true);
      assert.strictEqual(loaded.registry.get('polite-follow-up')?.source, 'builtin');
      assert.strictEqual(loaded.registry.get('secret'), undefined);
      assert.strictEqual(loaded.registry.get('ignored'), undefined);
      assert.strictEqual(loaded.contactTemplate, '---\nname: "{{name}}"\n---\n');
      assert.deepStrictEqual(loaded.registry.problems.map((p) => [p.path, p.problem.code]), [
        ['templates/big.md', 'template-read-error'],
        ['templates/bin.md', 'template-read-error'],
        ['templates/link.md', 'template-read-error'],
        ['templates/evil.md', 'frontmatter-language'],
      ]);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('treats a missing vault templates/ folder as empty, and a missing built-in folder as a problem', () => {
    assert.deepStrictEqual(readTemplateDir(path.join(dir, 'templates'), 'vault'), { files: [], problems: [], contactTemplate: null });
    const loaded = loadTemplates(dir, null);
    assert.strictEqual(loaded.registry.size, 0);
    assert.match(loaded.registry.problems[0].problem.message, /built-in templates were not found/);
  });

  it('refuses a templates/ folder that links outside the vault', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-outside-'));
    try {
      fs.writeFileSync(path.join(outside, 'x.md'), '---\nid: x\nsubject: S\n---\n');
      fs.symlinkSync(outside, path.join(dir, 'templates'));
      const loaded = loadTemplates(dir);
      assert.strictEqual(loaded.registry.get('x'), undefined);
      assert.match(loaded.registry.problems[0].problem.message, /outside the vault/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('`rapport templates` lists id, kind, source, fits and title, with problems on stderr', async () => {
    write('templates/mine.md', '---\nid: my-own\ntitle: My own\nsubject: S\nfits: [keep-in-touch]\n---\nx\n');
    write('templates/evil.md', '---js\n{}\n---\n');
    const r = await cli('templates', '--vault', dir);
    assert.strictEqual(r.code, 0);
    assert.match(r.out, /^ID\s+KIND\s+SOURCE\s+FITS\s+TITLE$/m);
    assert.match(r.out, /^my-own\s+email\s+vault\s+keep-in-touch\s+My own$/m);
    assert.match(r.out, /^conference-follow-up\s+email\s+builtin\s+conference-follow-up\s+/m);
    assert.match(r.err, /^templates\/evil\.md:1:1: error frontmatter-language: /m);
    const json = JSON.parse((await cli('templates', dir, '--format', 'json')).out) as { templates: { id: string; source: string }[]; problems: unknown[] };
    assert.ok(json.templates.some((t) => t.id === 'my-own' && t.source === 'vault'));
    assert.ok(json.templates.filter((t) => t.source === 'builtin').length >= 19);
    assert.strictEqual(json.problems.length, 1);
  });

  it('`rapport template` prints the filled email, unknown fields as [field]', async () => {
    const r = await cli('template', 'conference-follow-up', '--contact', 'contacts/jane-smith.md');
    assert.strictEqual(r.code, 0, r.err);
    const lines = r.out.split('\n');
    assert.strictEqual(lines[0], 'Subject: Great meeting you at ASPS 2026');
    assert.strictEqual(lines[1], '');
    assert.strictEqual(lines[2], 'Dear Dr. Smith,');
    assert.match(r.out, /an M3 medical student at Northfield SOM/);
    assert.match(r.out, /\[topic\]/);
    assert.ok(!r.out.includes('{{'));
    assert.match(r.err, /^To fill in: session or event; topic; me\.interest; what you would like advice on$/m);
    const byName = await cli('template', 'conference-follow-up', '--contact', 'Jane Smith', '--vault', dir, '--today', '2026-10-20');
    assert.strictEqual(byName.out, r.out);
  });

  it('`rapport template` gives usage errors (exit 2) for an unknown id, contact, or a non-contact note', async () => {
    const unknownId = await cli('template', 'research', '--contact', 'contacts/jane-smith.md');
    assert.strictEqual(unknownId.code, 2);
    assert.match(unknownId.err, /no template 'research' \(did you mean .*research-inquiry/);
    const unknownContact = await cli('template', 'reply', '--contact', 'contacts/nobody.md');
    assert.strictEqual(unknownContact.code, 2);
    assert.match(unknownContact.err, /no contact 'contacts\/nobody\.md'/);
    const notContact = await cli('template', 'reply', '--contact', 'conferences/asps.md');
    assert.strictEqual(notContact.code, 2);
    assert.match(notContact.err, /is a conference note, not a contact/);
    assert.strictEqual((await cli('template', 'reply')).code, 2);
    assert.strictEqual((await cli('template', '--contact', 'x')).code, 2);
    assert.strictEqual((await cli('template', 'reply', '--contact', 'contacts/jane-smith.md', '--today', '2026-02-30')).code, 2);
  });
});
