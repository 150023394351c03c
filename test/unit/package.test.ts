import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

// What `npm run package` ships: the .vsix must hold the bundle, the assets the extension reads
// at run time and the listing's files, and nothing a user does not need (sources, tests, maps,
// node_modules). The package is built here when it is missing or older than what decides its
// contents; RAPPORT_SKIP_PACKAGE_TEST=1 skips the whole file (e.g. where building is unwanted).

const REPO = path.resolve(__dirname, '..', '..');
const MANIFEST = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  main: string;
  browser: string;
  icon?: string;
  contributes: Record<string, unknown>;
};
const VSIX = path.join(REPO, `${MANIFEST.name}-${MANIFEST.version}.vsix`);
// what decides the package's contents; a newer development build of dist/ alone does not
// trigger a rebuild (that would turn dist/ into the minified production build under everyone)
const INPUTS = ['package.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE'];
const ASSET_DIRS = ['templates', 'examples/vault', 'media', 'snippets', 'syntaxes'];

interface ZipEntry {
  name: string;
  size: number;
}

/** The entries of a zip, read from its central directory (no unpacking, no dependency). */
function zipEntries(file: string): ZipEntry[] {
  const buf = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, `${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    assert.strictEqual(buf.readUInt32LE(p), 0x02014b50, `bad central directory entry ${n}`);
    const nameLength = buf.readUInt16LE(p + 28);
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLength), size: buf.readUInt32LE(p + 24) });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(path.join(REPO, dir))) return [];
  return fs.readdirSync(path.join(REPO, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(REPO, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

function isStale(): boolean {
  if (!fs.existsSync(VSIX)) return true;
  const built = fs.statSync(VSIX).mtimeMs;
  return [...INPUTS, ...ASSET_DIRS.flatMap(filesUnder)]
    .some((f) => fs.existsSync(path.join(REPO, f)) && fs.statSync(path.join(REPO, f)).mtimeMs > built);
}

const skip = process.env.RAPPORT_SKIP_PACKAGE_TEST === '1';

(skip ? describe.skip : describe)(`the packaged extension (${path.basename(VSIX)})`, function () {
  let files: string[] = [];
  let entries: ZipEntry[] = [];

  before(function () {
    this.timeout(120_000);
    if (isStale()) {
      const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'package.js'), '--quiet'], { cwd: REPO, encoding: 'utf8' });
      assert.strictEqual(r.status, 0, `npm run package failed:\n${r.stdout}${r.stderr}`);
    }
    entries = zipEntries(VSIX);
    // vsce puts the extension's own files under extension/, beside its two manifest files
    files = entries.filter((e) => e.name.startsWith('extension/')).map((e) => e.name.slice('extension/'.length));
  });

  it('has the bundle, the manifest and the listing files', () => {
    for (const f of ['package.json', 'dist/extension.js', 'readme.md', 'changelog.md', 'LICENSE.txt']) {
      assert.ok(files.includes(f), `missing ${f}`);
    }
    assert.ok(entries.some((e) => e.name === 'extension.vsixmanifest'), 'missing extension.vsixmanifest');
    assert.ok(files.includes(MANIFEST.main.replace(/^\.\//, '')), `main ${MANIFEST.main} is not packaged`);
    // one package, both hosts: the desktop's Node entry and the browser's web-worker entry
    assert.strictEqual(MANIFEST.browser, './dist/web/extension.js');
    assert.ok(files.includes(MANIFEST.browser.replace(/^\.\//, '')), `browser ${MANIFEST.browser} is not packaged`);
    assert.strictEqual(MANIFEST.icon, 'media/icon.png');
    assert.ok(files.includes('media/icon.png'), 'missing the icon');
  });

  it('has every path the manifest contributes (icons, grammar, snippets, walkthrough media)', () => {
    const referenced = new Set<string>();
    // keys whose string values are files of the extension (icons may be {light, dark})
    const FILE_KEYS = new Set(['icon', 'path', 'markdown', 'image', 'svg', 'light', 'dark']);
    const walk = (v: unknown, key?: string): void => {
      if (typeof v === 'string' && key && FILE_KEYS.has(key) && !v.startsWith('$(') && !/^[a-z]+:/i.test(v)) referenced.add(v.replace(/^\.\//, ''));
      else if (Array.isArray(v)) v.forEach((x) => walk(x));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(MANIFEST.contributes);
    assert.ok(referenced.size > 0, 'expected the manifest to reference some files');
    for (const f of referenced) assert.ok(files.includes(f), `contributes references ${f}, which is not packaged`);
  });

  it('has every built-in template and the whole sample vault, dotfiles included', () => {
    for (const dir of ['templates', 'examples/vault']) {
      const expected = filesUnder(dir);
      assert.ok(expected.length > 0, `${dir} is empty in the repo`);
      const missing = expected.filter((f) => !files.includes(f));
      assert.deepStrictEqual(missing, [], `not packaged from ${dir}/`);
    }
  });

  it('has no sources, tests, source maps, node_modules or build leftovers', () => {
    const unwanted = files.filter((f) =>
      /^(src|test|tests|out|scripts|node_modules|\.vscode-test|test-results|\.git|\.ci)\//.test(f)
      || /(^|\/)node_modules\//.test(f)
      || /\.(ts|map|vsix|tsbuildinfo)$/.test(f)
      || /(^|\/)(tsconfig\.json|eslint\.config\.mjs|esbuild\.js|package-lock\.json|\.vscodeignore|\.gitignore|\.mocharc\.json)$/.test(f));
    assert.deepStrictEqual(unwanted, []);
    // the only dotfiles are the sample vault's own settings file and its manifest (its story day, read by Create Vault from Sample)
    assert.deepStrictEqual(files.filter((f) => f.split('/').some((part) => part.startsWith('.'))).sort(), ['examples/vault/.rapport-sample.json', 'examples/vault/.rapport.json']);
    // dist/ holds the three bundles and nothing else (no web-test variant)
    assert.deepStrictEqual(files.filter((f) => f.startsWith('dist/')).sort(), ['dist/cli.js', 'dist/extension.js', 'dist/web/extension.js']);
  });

  it('stays small: under 2 MiB unpacked (two extension bundles, the CLI and the README screenshots), under 1 MiB packed', () => {
    const total = entries.reduce((sum, e) => sum + e.size, 0);
    const code = entries.filter((e) => e.name.startsWith('extension/dist/')).reduce((sum, e) => sum + e.size, 0);
    // 1.5 MiB and 1 MiB of code before the browser entry: its bundle (about 370 KB minified)
    // shares no file with the Node one, and the browser screenshot came with it
    assert.ok(total < 2 * 1024 * 1024, `unpacked size ${total} bytes`);
    assert.ok(code < 1.25 * 1024 * 1024, `dist/ unpacked ${code} bytes: a dependency bundled by mistake?`);
    assert.ok(fs.statSync(VSIX).size < 1024 * 1024, `package size ${fs.statSync(VSIX).size} bytes`);
  });
});

describe('the manifest', () => {
  // A bare "1.90.0" engine means "exactly 1.90.0": every newer VS Code then refuses the
  // extension ("Extension is not compatible with Code 1.100.3"), as happened once here.
  it('accepts every VS Code from the API version it is typed against', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as {
      engines: { vscode: string }; devDependencies: Record<string, string>;
    };
    assert.match(manifest.engines.vscode, /^\^\d+\.\d+\.\d+$/);
    assert.strictEqual(manifest.engines.vscode.slice(1), manifest.devDependencies['@types/vscode'].replace(/^\^/, ''));
  });
});
