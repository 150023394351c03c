#!/usr/bin/env node
// Runs the integration tests (out/integration/*.itest.js, built by scripts/build-itests.js)
// inside a real VS Code, through @vscode/test-electron's runTests():
//   - default: code-server (VS Code 1.100.3 workbench + Node extension host) driven by
//     headless Chromium, via scripts/vscode-host/code-shim.js; installed on first use into
//     .vscode-test/ (npm run host:install does it ahead of time)
//   - RAPPORT_VSCODE=desktop: desktop VS Code downloaded by @vscode/test-electron
//     (RAPPORT_VSCODE_VERSION, default 'stable'; on Linux it needs a display, e.g. xvfb-run)
//
// Two runs:
//   1. trusted:    every *.itest.js except *.restricted.itest.js, Workspace Trust disabled
//   2. restricted: the *.restricted.itest.js files, if any, with Workspace Trust on, so the
//                  workspace is in Restricted Mode (code-server only: runTests always passes
//                  --disable-workspace-trust to desktop VS Code)
// Each run opens a fresh temp copy of examples/vault (or RAPPORT_ITEST_WORKSPACE_SOURCE, copied as
// it is) as the folder, and pins the extension host's today (RAPPORT_TODAY). The sample is copied
// by the built CLI (`rapport init --sample --today D`), so its story is moved to the pinned day:
//   trusted run:    RAPPORT_ITEST_TODAY, default 2026-11-25, the sample's story day (no move)
//   restricted run: RAPPORT_ITEST_FAR_TODAY, default 2028-02-29, 461 days later, a leap day out
//                   of the ERAS season: the sample-story test checks the story reads the same there
// The tests see RAPPORT_ITEST_MODE ('trusted' | 'restricted') and RAPPORT_ITEST_WORKSPACE.
// RAPPORT_ITEST_EXTENSION_PATH overrides the extension folder (default: this repo).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { runTests } = require('@vscode/test-electron');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'out', 'integration');
const SHIM = path.join(ROOT, 'scripts', 'vscode-host', 'code-shim.js');
const desktop = process.env.RAPPORT_VSCODE === 'desktop';
// The extension under test: this repo (its package.json and dist/extension.js).
const EXTENSION = path.resolve(process.env.RAPPORT_ITEST_EXTENSION_PATH || ROOT);

function listTests() {
  if (!fs.existsSync(OUT)) return [];
  const found = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.itest.js')) found.push(p);
    }
  };
  walk(OUT);
  return found;
}

/** A fresh workspace: the sample moved to `today` by the built CLI, or RAPPORT_ITEST_WORKSPACE_SOURCE as it is. */
function makeWorkspace(today) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-itest-workspace-'));
  const own = process.env.RAPPORT_ITEST_WORKSPACE_SOURCE;
  if (own) {
    const source = path.resolve(ROOT, own);
    if (fs.existsSync(source)) fs.cpSync(source, dir, { recursive: true });
    return dir;
  }
  // into the new, empty temp folder: init refuses anything else
  execFileSync(process.execPath, [path.join(EXTENSION, 'dist', 'cli.js'), 'init', dir, '--sample', '--today', today], { stdio: ['ignore', 'ignore', 'inherit'] });
  return dir;
}

const totals = { passes: 0, failures: 0, pending: 0 };
let interrupted = false;

let currentWorkspace;
process.on('SIGTERM', () => {
  // the code-server shim notices that we are gone and stops code-server itself
  if (currentWorkspace) fs.rmSync(currentWorkspace, { recursive: true, force: true });
  process.exit(143);
});

const ITEST_TODAY = process.env.RAPPORT_ITEST_TODAY || '2026-11-25';
const FAR_TODAY = process.env.RAPPORT_ITEST_FAR_TODAY || '2028-02-29';

async function runOne(mode) {
  const today = mode === 'restricted' ? FAR_TODAY : ITEST_TODAY;
  const workspace = makeWorkspace(today);
  currentWorkspace = workspace;
  const results = path.join(os.tmpdir(), `rapport-itest-results-${process.pid}-${mode}.json`);
  fs.rmSync(results, { force: true });
  // Today is an input: the extension host lives on the day the workspace's story was moved to, whatever the machine's date.
  const env = { RAPPORT_ITEST_MODE: mode, RAPPORT_ITEST_WORKSPACE: workspace, RAPPORT_ITEST_RESULTS: results, RAPPORT_TODAY: today };
  if (mode === 'restricted') env.RAPPORT_WORKSPACE_TRUST = '1';
  console.log(`\n=== integration tests (${mode}, today ${today}) in ${desktop ? 'desktop VS Code' : 'code-server'} ===`);
  try {
    await runTests({
      ...(desktop
        ? { version: process.env.RAPPORT_VSCODE_VERSION || 'stable' }
        : { vscodeExecutablePath: SHIM }),
      extensionDevelopmentPath: EXTENSION,
      extensionTestsPath: path.join(OUT, 'index.js'),
      extensionTestsEnv: env,
      launchArgs: [workspace],
    });
    return 0;
  } catch (e) {
    console.error(`integration tests (${mode}) failed: ${e && e.message ? e.message : e}`);
    if (e && (e.code === 130 || e.code === 143 || e.signal)) interrupted = true;
    return 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    currentWorkspace = undefined;
    try {
      const r = JSON.parse(fs.readFileSync(results, 'utf8'));
      for (const k of Object.keys(totals)) totals[k] += r[k] || 0;
    } catch {
      totals.failures += 1; // the suite never reported: count the run itself as a failure
    }
    fs.rmSync(results, { force: true });
  }
}

async function main() {
  if (!fs.existsSync(path.join(OUT, 'index.js'))) {
    console.error(`${path.relative(ROOT, OUT)}/index.js not found: run node scripts/build-itests.js first`);
    return 1;
  }
  if (!fs.existsSync(path.join(EXTENSION, 'dist', 'extension.js'))) {
    console.error('warning: dist/extension.js not found (npm run build): the extension cannot activate');
  }
  if (!process.env.RAPPORT_ITEST_WORKSPACE_SOURCE && !fs.existsSync(path.join(EXTENSION, 'dist', 'cli.js'))) {
    console.error('dist/cli.js not found: run npm run build first (it copies the sample vault)');
    return 1;
  }
  if (!desktop) fs.chmodSync(SHIM, 0o755);

  const tests = listTests();
  const restricted = tests.filter((t) => t.endsWith('.restricted.itest.js'));
  const trusted = tests.filter((t) => !t.endsWith('.restricted.itest.js'));
  if (tests.length === 0) {
    console.error('no *.itest.js found in out/integration');
    return 1;
  }

  let failed = 0;
  if (trusted.length) failed += await runOne('trusted');
  if (restricted.length && !interrupted) {
    if (desktop) console.log('skipping the Restricted Mode tests: runTests() always disables Workspace Trust on desktop VS Code');
    else failed += await runOne('restricted');
  }
  console.log(`\nintegration: ${totals.passes} passed, ${totals.failures} failed${totals.pending ? `, ${totals.pending} skipped` : ''}`);
  return failed || totals.failures ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
