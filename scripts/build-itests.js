// Bundles the integration tests for the VS Code extension host into out/integration/:
// test/integration/index.ts (the in-host mocha runner) and every test/integration/**/*.itest.ts,
// one bundle each, keeping the folder layout. `vscode` is provided by the host; `mocha` is
// resolved from node_modules at run time. esbuild does not type-check: `npm run typecheck` does.
'use strict';

const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'test', 'integration');
const OUT = path.join(ROOT, 'out', 'integration');

function findItests(dir) {
  const found = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) found.push(...findItests(p));
    else if (e.name.endsWith('.itest.ts')) found.push(p);
  }
  return found;
}

async function main() {
  const entryPoints = [path.join(SRC, 'index.ts'), ...findItests(SRC)];
  fs.rmSync(OUT, { recursive: true, force: true }); // no stale tests from deleted sources
  const result = await esbuild.build({
    entryPoints,
    outbase: SRC,
    outdir: OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'warning',
  });
  if (result.errors.length) process.exit(1);
  console.log(`built ${entryPoints.length - 1} integration test file(s) + runner into ${path.relative(ROOT, OUT)}/`);
}

main().catch((e) => {
  // esbuild has printed the errors already
  if (!e.errors) console.error(e);
  process.exit(1);
});
