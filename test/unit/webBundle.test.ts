import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// The browser entry must run in a web worker: no Node built-in, no polyfill of one, nothing
// from src/node. esbuild.js fails the build when its metafile shows one; this runs the same
// check on a fresh build of the web entry, and shows the check catching a Node import.

const REPO = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require(path.join(REPO, 'esbuild.js')) as {
  checkWebBundle(metafile: esbuild.Metafile): string[];
  web(outfile: string, testBuild: boolean): esbuild.BuildOptions;
};

describe('the web bundle', function () {
  this.timeout(60_000);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-web-bundle-'));
  after(() => fs.rmSync(out, { recursive: true, force: true }));

  it('holds no Node built-in, polyfill or src/node module, and requires only vscode', async () => {
    const options = build.web(path.join(out, 'extension.js'), false);
    const result = await esbuild.build({ ...options, absWorkingDir: REPO, sourcemap: false, write: false, plugins: options.plugins });
    const inputs = Object.keys(result.metafile!.inputs);
    assert.ok(inputs.some((f) => f.endsWith('src/core/vault.ts')), 'the core is shared with the web bundle');
    assert.ok(inputs.some((f) => f.endsWith('src/vscode/web/workspaceFs.ts')), 'the web bundle reads through workspace.fs');
    assert.deepStrictEqual(build.checkWebBundle(result.metafile!), []);
    const text = result.outputFiles[0].text;
    assert.ok(!/\brequire\("(?!vscode")/.test(text), 'a require() of something other than vscode');
    // a web worker has no DOM either (a package's `browser` build may assume one)
    assert.ok(!/\bdocument\.createElement\b/.test(text), 'the bundle uses the DOM (document.createElement)');
  });

  it('the check reports a Node built-in and the Node side of the split', async () => {
    const entry = path.join(out, 'bad.ts');
    fs.writeFileSync(entry, `import * as p from 'node:path';\nimport { NodeFs } from ${JSON.stringify(path.join(REPO, 'src', 'node', 'nodeFs'))};\nexport const x = [p.sep, NodeFs];\n`);
    const result = await esbuild.build({
      entryPoints: [entry], bundle: true, write: false, metafile: true, platform: 'node', format: 'cjs', logLevel: 'silent', external: ['vscode'],
    });
    const problems = build.checkWebBundle(result.metafile);
    assert.ok(problems.some((p) => /Node built-in 'node:path'/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /src\/node\/nodeFs\.ts \(Node-only code\)/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /requires 'fs' at run time|requires 'node:path' at run time/.test(p)), problems.join('\n'));
  });
});
