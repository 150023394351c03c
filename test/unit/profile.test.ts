import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { parseNote } from '../../src/core/parseNote';
import { PROFILE_TEMPLATE, missingProfile } from '../../src/core/profile';
import { collectProblems } from '../../src/core/report';
import { fieldsUsed, parseTemplate } from '../../src/core/templates';
import { Vault } from '../../src/core/vault';
import { MemoryFs } from '../../src/core/vaultFs';

async function vaultOf(files: Record<string, string>): Promise<Vault> {
  const v = new Vault(new MemoryFs(files));
  await v.scan();
  return v;
}

describe('a missing profile.md is one problem, with a way to create it', () => {
  it('the template reads as a profile with no problem, and holds every field the built-in emails sign with', () => {
    const note = parseNote('profile.md', PROFILE_TEMPLATE);
    assert.strictEqual(note.kind, 'profile');
    assert.deepStrictEqual(note.problems, []);
    const dir = path.join(__dirname, '../../templates');
    const used = new Set<string>();
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      const t = parseTemplate(`templates/${f}`, fs.readFileSync(path.join(dir, f), 'utf8'), 'builtin');
      if (t.template) for (const label of fieldsUsed(t.template)) if (/^me\./.test(label)) used.add(label);
    }
    assert.ok(used.size >= 3, [...used].join(', '));
    const keyFor: Record<string, string> = { 'me.name': 'name', 'me.firstName': 'name', 'me.school': 'school', 'me.year': 'year', 'me.interest': 'interests', 'me.email': 'email', 'me.phone': 'phone' };
    for (const label of used) {
      assert.ok(keyFor[label] !== undefined, `a template uses ${label}: the profile template must hold it`);
      assert.match(PROFILE_TEMPLATE, new RegExp(`^${keyFor[label]}:`, 'm'), label);
    }
  });

  it('is reported once, on profile.md, when the vault has contacts and no profile', async () => {
    const files = { 'contacts/a.md': '---\nname: A\n---\n', 'contacts/b.md': '---\nname: B\n---\n' };
    const problems = collectProblems(await vaultOf(files), '2026-11-25').filter((p) => p.code === 'missing-profile');
    assert.deepStrictEqual(problems.map((p) => [p.file, p.line, p.column, p.severity]), [['profile.md', 1, 1, 'warning']]);
    assert.strictEqual(missingProfile(await vaultOf({ ...files, 'profile.md': '---\nname: Alex\n---\n' })), null);
    assert.strictEqual(missingProfile(await vaultOf({ ...files, 'me/about.md': '---\ntype: profile\nname: Alex\n---\n' })), null, 'a profile under another name counts');
    assert.strictEqual(missingProfile(await vaultOf({ 'notes/x.md': 'hello' })), null, 'no contacts, no email to sign yet');
  });

  describe('rapport profile', () => {
    let base: string;
    let vault: string;
    const cli = async (...argv: string[]) => {
      let out = '';
      let err = '';
      const io: CliIO = { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd: vault, today: () => '2026-11-25' };
      return { code: await runCli(argv, io), out, err };
    };
    beforeEach(() => {
      base = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-profile-'));
      vault = path.join(base, 'vault');
      fs.mkdirSync(path.join(vault, 'contacts'), { recursive: true });
      fs.writeFileSync(path.join(vault, 'contacts/a.md'), '---\nname: A\n---\n');
    });
    afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

    it('creates it from the template, after which check no longer reports it; never overwrites', async () => {
      assert.match((await cli('check')).out, /^profile\.md:1:1: warning missing-profile: /m);
      const r = await cli('profile');
      assert.strictEqual(r.code, 0, r.err);
      assert.strictEqual(fs.readFileSync(path.join(vault, 'profile.md'), 'utf8'), PROFILE_TEMPLATE);
      assert.doesNotMatch((await cli('check')).out, /missing-profile/);
      fs.writeFileSync(path.join(vault, 'profile.md'), 'mine');
      const again = await cli('profile');
      assert.strictEqual(again.code, 1);
      assert.match(again.err, /already exists/);
      assert.strictEqual(fs.readFileSync(path.join(vault, 'profile.md'), 'utf8'), 'mine');
    });

    it('does not write through a profile.md that links out of the vault', async () => {
      const target = path.join(base, 'outside.md');
      fs.symlinkSync(target, path.join(vault, 'profile.md'));
      assert.strictEqual((await cli('profile')).code, 1);
      assert.ok(!fs.existsSync(target));
    });
  });
});
