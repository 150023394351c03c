import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import { mergeSettings } from '../../src/core/settings';
import { templatesDirKey } from '../../src/core/vaultFs';
import { NodeFs } from '../../src/node/nodeFs';

function vaultWith(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-templates-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const CONTACT = '---\nname: Tia Template\nrole: faculty\n---\n';

describe('the templates folder is never read as notes', () => {
  it('.rapport.json accepts templatesFolder, and refuses one outside the vault', () => {
    assert.deepStrictEqual(mergeSettings({ templatesFolder: 'meta/Templates' }).errors, []);
    assert.strictEqual(mergeSettings({ templatesFolder: 'meta/Templates' }).settings.templatesFolder, 'meta/Templates');
    for (const bad of ['../elsewhere', '/etc', '', 3]) assert.strictEqual(mergeSettings({ templatesFolder: bad }).errors.length, 1, String(bad));
    assert.strictEqual(templatesDirKey('Meta\\Templates/'), 'meta/templates');
  });

  it('skips the configured folder in any case, nested too, and still reads a folder that only looks alike', async () => {
    const root = vaultWith({
      'Meta/SNIPS/contact.md': CONTACT,
      'other/meta/snips/x.md': CONTACT,
      'contacts/real.md': '---\nname: Real Person\n---\n',
    });
    const listed = (await new NodeFs(root, { templatesFolder: 'meta/Snips' }).list()).files.map((f) => f.path);
    assert.deepStrictEqual(listed, ['contacts/real.md', 'other/meta/snips/x.md']);
  });

  it('rapport check reads .rapport.json first: a template note never becomes a contact', async () => {
    const root = vaultWith({
      '.rapport.json': '{ "templatesFolder": "Snippets" }',
      'snippets/contact.md': CONTACT,
      'contacts/real.md': '---\nname: Real Person\nrole: faculty\n---\n',
    });
    let out = '';
    const io = { out: (t: string) => { out += t; }, err: () => undefined, cwd: root, today: () => '2026-11-25' };
    assert.strictEqual(await runCli(['list', root, '--format', 'json'], io), 0);
    assert.doesNotMatch(out, /Tia Template/);
    assert.match(out, /Real Person/);
  });
});
