// Packs the browser-only variant of Rapport for the real-browser test (test/web/web.test.js):
// a .vsix whose package.json has a `browser` entry and no `main`, so the workbench can only run
// it in the page's web-worker extension host, as vscode.dev and github.dev do. Its bundle is the
// web entry built with RAPPORT_TEST_BUILD (it honours the hidden setting rapport.testing.today,
// so the test is date-pinned without environment variables, which a web worker does not have).
// Offline: vsce --no-dependencies on a staging folder.
//
//   exports: buildWebOnlyVsix({ out }) -> Promise<{ file, manifest }>
'use strict';

const esbuild = require('esbuild');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { web, checkWebBundle } = require('../esbuild');

const ROOT = path.resolve(__dirname, '..');

async function buildWebOnlyVsix({ out = path.join(os.tmpdir(), `rapport-web-only-${process.pid}.vsix`) } = {}) {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-web-vsix-'));
  try {
    const result = await esbuild.build({ ...web(path.join(stage, 'dist', 'web', 'extension.js'), true), absWorkingDir: ROOT, minify: true, sourcemap: false });
    const problems = checkWebBundle(result.metafile);
    if (problems.length > 0) throw new Error(`the web bundle holds Node:\n${problems.join('\n')}`);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    delete manifest.main;
    delete manifest.bin;
    delete manifest.scripts;
    delete manifest.devDependencies;
    delete manifest.dependencies;
    // code-server's installer refuses a web-only package whose engine is an exact older version
    // ("not compatible with VS Code 1.100.3"); the same minimum, as a range, installs.
    manifest.engines.vscode = `^${manifest.engines.vscode.replace(/^\^/, '')}`;
    fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2));
    for (const f of ['LICENSE', 'CHANGELOG.md']) fs.copyFileSync(path.join(ROOT, f), path.join(stage, f));
    fs.writeFileSync(path.join(stage, 'README.md'), '# Rapport (browser-only test build)\n\nBuilt by scripts/web-vsix.js for the real-browser test.\n');
    for (const d of ['media', 'snippets', 'syntaxes']) fs.cpSync(path.join(ROOT, d), path.join(stage, d), { recursive: true });
    fs.writeFileSync(path.join(stage, '.vscodeignore'), '.vscodeignore\n');
    const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json', { paths: [ROOT] })), 'vsce');
    fs.rmSync(out, { force: true });
    const run = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], { cwd: stage, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`vsce package failed:\n${run.stdout}\n${run.stderr}`);
    return { file: out, manifest };
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

module.exports = { buildWebOnlyVsix };

if (require.main === module) {
  buildWebOnlyVsix({ out: process.argv[2] && path.resolve(process.argv[2]) }).then((r) => console.log(r.file), (e) => {
    console.error(e.message);
    process.exit(1);
  });
}
