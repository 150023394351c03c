import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  contributes: {
    commands: { command: string; title: string }[];
    configuration: { properties: Record<string, { scope?: string; markdownDescription?: string; description?: string }> };
    walkthroughs: { steps: { media: { markdown?: string; image?: string } }[] }[];
    viewsContainers: { activitybar: { icon: string }[] };
  };
  icon: string;
};
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('the manifest and the docs agree', () => {
  it('the README names every command', () => {
    const missing = manifest.contributes.commands.filter((c) => !readme.includes(c.title.replace(/^Group Network by (Institution|Program Strength)$/, 'by $1'))).map((c) => c.title);
    assert.deepStrictEqual(missing, []);
  });

  it('the README names every setting, and every setting has a scope and a description', () => {
    for (const [key, spec] of Object.entries(manifest.contributes.configuration.properties)) {
      assert.ok(readme.includes(`\`${key}\``), `README names ${key}`);
      assert.ok(spec.scope, `${key} declares a scope`);
      assert.ok(spec.markdownDescription ?? spec.description, `${key} has a description`);
    }
  });

  it('the version in package.json has a CHANGELOG entry', () => {
    const changelog = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
    assert.ok(changelog.includes(`## [${manifest.version}]`), `CHANGELOG.md has a section for ${manifest.version}`);
  });

  it('every file the manifest points to exists', () => {
    const files = [
      manifest.icon,
      ...manifest.contributes.viewsContainers.activitybar.map((v) => v.icon),
      ...manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.markdown ?? s.media.image ?? '')),
    ];
    for (const f of files) assert.ok(fs.existsSync(path.join(ROOT, f)), f);
  });

  it('the README has no unfinished section', () => {
    assert.ok(!/PLACEHOLDER|TODO|TBD/.test(readme));
  });
});
