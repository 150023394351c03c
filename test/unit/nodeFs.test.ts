import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Vault } from '../../src/core/vault';
import { NodeFs } from '../../src/node/nodeFs';

describe('NodeFs on a hostile vault', function () {
  this.timeout(20000);
  let root: string;
  let outside: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-vault-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-outside-'));
    const w = (rel: string, data: string | Buffer) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), data);
    };
    w('contacts/jane.md', '---\nname: Jane Smith\nrole: faculty\n---\n');
    w('contacts/crlf.md', '\uFEFF---\r\nname: Crlf Person\r\nrole: resident\r\n---\r\n');
    w('contacts/huge.md', Buffer.alloc(20 * 1024 * 1024, 'a'));
    w('contacts/binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    w('.git/notes.md', 'not a note');
    w('templates/contact.md', 'not a note');
    fs.writeFileSync(path.join(outside, 'secret.md'), '---\nname: Outside\n---\n');
    fs.symlinkSync('/dev/zero', path.join(root, 'contacts/zero.md'));
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'contacts/outside.md'));
    fs.symlinkSync(path.join(root, 'contacts/loop-b.md'), path.join(root, 'contacts/loop-a.md'));
    fs.symlinkSync(path.join(root, 'contacts/loop-a.md'), path.join(root, 'contacts/loop-b.md'));
    fs.symlinkSync(path.join(root, 'contacts/jane.md'), path.join(root, 'contacts/jane-link.md'));
    fs.symlinkSync(root, path.join(root, 'contacts/dir-loop'));
    fs.symlinkSync(outside, path.join(root, 'outside-dir'));
    execFileSync('mkfifo', [path.join(root, 'contacts/pipe.md')]);
  });

  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('indexes what it can and reports every other file precisely', async () => {
    const vault = new Vault(new NodeFs(root));
    await vault.scan();
    const report = Object.fromEntries(vault.paths().map((p) => [p, vault.problemsFor(p).map((x) => x.code).join(',')]));
    assert.deepStrictEqual(report, {
      'contacts/binary.md': 'binary-file',
      'contacts/crlf.md': '',
      'contacts/huge.md': 'file-too-large',
      'contacts/jane-link.md': '',
      'contacts/jane.md': '',
      'contacts/loop-a.md': 'not-a-file',
      'contacts/loop-b.md': 'not-a-file',
      'contacts/outside.md': 'outside-vault',
      'contacts/pipe.md': 'not-a-file',
      'contacts/zero.md': 'outside-vault',
    });
    assert.deepStrictEqual(vault.contacts().map((c) => c.name), ['Crlf Person', 'Jane Smith', 'Jane Smith']);
  });

  it('refresh re-reads one file, and forgets a deleted one', async () => {
    const vault = new Vault(new NodeFs(root));
    await vault.scan();
    fs.writeFileSync(path.join(root, 'contacts/new.md'), '---\nname: New One\n---\n');
    assert.deepStrictEqual((await vault.refresh('contacts/new.md')).changed, ['contacts/new.md']);
    assert.strictEqual(vault.get('contacts/new.md')?.name, 'New One');
    fs.rmSync(path.join(root, 'contacts/new.md'));
    assert.deepStrictEqual((await vault.refresh('contacts/new.md')).removed, ['contacts/new.md']);
    assert.strictEqual(vault.get('contacts/new.md'), undefined);
    // A link swapped in after the scan is still not followed out of the vault.
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'contacts/late.md'));
    await vault.refresh('contacts/late.md');
    assert.deepStrictEqual(vault.problemsFor('contacts/late.md').map((p) => p.code), ['outside-vault']);
  });
});
