#!/usr/bin/env node
// `npm run bench:extension`: the extension's performance inside a real VS Code (code-server
// 4.100.3 + headless Chromium, the integration tests' host), on synthetic vaults of 1k and 10k
// contacts. Prints activation to indexed vault and diagnostics, the host's memory, save and
// disk write to diagnostics (median/p95), and tree call times. A benchmark, not a test: it
// fails only when the run itself breaks.
//
// Steps: build the extension (node esbuild.js), the bench suite (test/bench/index.ts →
// out/bench-extension/index.js) and the vault generator (scripts/bench/generate.ts); then per
// size generate a vault into a fresh temp workspace and run the suite through
// @vscode/test-electron's runTests() with scripts/vscode-host/code-shim.js, as
// test/integration/runTests.js does. The vault sits in data/vault/ and is found through a
// workspace setting (rapport.vaultPath), so no activation event fires and the bench itself
// activates the extension, timing it.
//
// Environment: RAPPORT_BENCH_EXT_SIZES (default 1000,10000), RAPPORT_BENCH_TIMEOUT_MS per size
// (default 300000 = 5 min), RAPPORT_BENCH_JSON=<file> to keep the raw results,
// RAPPORT_BENCH_SAVES / RAPPORT_BENCH_VISIBLE_SAVES (default 20 / 8).
'use strict';

const { execFileSync } = require('child_process');
const esbuild = require('esbuild');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'out', 'bench-extension');
const SHIM = path.join(ROOT, 'scripts', 'vscode-host', 'code-shim.js');
const sizes = (process.env.RAPPORT_BENCH_EXT_SIZES || '1000,10000').split(',').map(Number).filter((n) => n > 0);
const timeoutMs = Number(process.env.RAPPORT_BENCH_TIMEOUT_MS) || 5 * 60 * 1000;

let currentWorkspace;

/**
 * Stops whatever a run left behind: the code-shim (our child, in our process group) by pid,
 * and the code-server it started (its own process group, named by the workspace path on its
 * command line) by group. Only processes whose command line holds this run's unique temp
 * workspace are touched.
 */
function stopLeftovers(workspace) {
  if (!workspace || !fs.existsSync('/proc')) return;
  const ownGroup = readPgid(process.pid);
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (pid === process.pid) continue;
    let cmdline;
    try {
      cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      continue;
    }
    if (!cmdline.includes(workspace)) continue;
    const pgid = readPgid(pid);
    try {
      if (pgid !== undefined && pgid === pid && pgid !== ownGroup) process.kill(-pgid, 'SIGKILL');
      else process.kill(pid, 'SIGTERM');
      console.error(`[bench] stopped leftover process ${pid}${pgid === pid ? ' and its group' : ''}`);
    } catch {
      // already gone
    }
  }
}

function readPgid(pid) {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid pgrp ...": comm may hold spaces, so split after ')'
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return undefined;
  }
}

function onSignal(sig) {
  // the shim stops code-server when it gets the same signal or sees us gone; this is the backstop
  setTimeout(() => {
    stopLeftovers(currentWorkspace);
    if (currentWorkspace) fs.rmSync(currentWorkspace, { recursive: true, force: true });
    process.exit(sig === 'SIGINT' ? 130 : 143);
  }, 3000);
}
process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));

function build() {
  console.log('building the extension (node esbuild.js) and the bench suite…');
  execFileSync(process.execPath, [path.join(ROOT, 'esbuild.js')], { cwd: ROOT, stdio: 'inherit' });
  fs.rmSync(OUT, { recursive: true, force: true });
  esbuild.buildSync({
    entryPoints: [path.join(ROOT, 'test', 'bench', 'index.ts')],
    outfile: path.join(OUT, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'warning',
  });
  esbuild.buildSync({
    entryPoints: [path.join(ROOT, 'scripts', 'bench', 'generate.ts')],
    outfile: path.join(OUT, 'generate.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  });
  return require(path.join(OUT, 'generate.js'));
}

async function runOne(size, generateVault) {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), `rapport-bench-ext-${size}-`));
  currentWorkspace = workspace;
  const resultsFile = path.join(os.tmpdir(), `rapport-bench-ext-results-${process.pid}-${size}.json`);
  fs.rmSync(resultsFile, { force: true });
  let watchdog;
  try {
    const t = Date.now();
    generateVault(path.join(workspace, 'data', 'vault'), size);
    fs.mkdirSync(path.join(workspace, '.vscode'));
    fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'rapport.vaultPath': 'data/vault' }, null, 2));
    console.log(`\n=== ${size.toLocaleString('en-US')} contacts (vault generated in ${Date.now() - t} ms) ===`);

    // The shim enforces the timeout and stops code-server; the watchdog is for a shim that hangs.
    const run = runTests({
      vscodeExecutablePath: SHIM,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(OUT, 'index.js'),
      extensionTestsEnv: {
        RAPPORT_BENCH_RESULTS: resultsFile,
        RAPPORT_BENCH_SIZE: String(size),
        RAPPORT_ITEST_TIMEOUT_MS: String(timeoutMs),
      },
      launchArgs: [workspace],
    });
    const hung = new Promise((_, reject) => {
      watchdog = setTimeout(() => reject(new Error(`no result within ${Math.round(timeoutMs / 1000) + 60}s`)), timeoutMs + 60_000);
    });
    let failure;
    try {
      await Promise.race([run, hung]);
    } catch (e) {
      failure = e && e.message ? e.message : String(e);
    }
    let parsed;
    try {
      parsed = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    } catch {
      parsed = undefined;
    }
    if (!parsed) return { size, ok: false, error: failure || 'the bench wrote no results' };
    return { size, ok: parsed.ok && !failure, error: parsed.error || failure, results: parsed.results };
  } finally {
    clearTimeout(watchdog);
    stopLeftovers(workspace);
    fs.rmSync(workspace, { recursive: true, force: true, maxRetries: 3 });
    fs.rmSync(resultsFile, { force: true });
    currentWorkspace = undefined;
  }
}

// ---------- the table ----------

const ms = (n) => (n === null || n === undefined || Number.isNaN(n) ? '-' : n >= 100 ? `${n.toFixed(0)} ms` : n >= 10 ? `${n.toFixed(1)} ms` : `${n.toFixed(2)} ms`);
const st = (s) => (s && s.n ? `${ms(s.median)} / ${ms(s.p95)}` : '-');
const mem = (m) => (m ? `${m.rssMB.toFixed(0)} / ${m.heapUsedMB.toFixed(0)} MB` : '-');
const list = (xs) => {
  if (!xs || xs.length === 0) return '-';
  const counts = new Map();
  for (const x of xs) counts.set(x, (counts.get(x) || 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]).map(([v, n]) => `${v}×${n}`).join(' ');
};

function rows(runs) {
  const get = (fn) => runs.map((r) => {
    try {
      return r.results ? fn(r.results) : '-';
    } catch {
      return '-';
    }
  });
  const out = [];
  const section = (title) => out.push([`— ${title}`, ...runs.map(() => '')]);
  const row = (label, fn) => out.push([label, ...get(fn)]);
  row('notes indexed (contacts)', (r) => `${r.notes} (${r.contacts})`);
  section('1. activation → indexed (ms from ext.activate())');
  row('activate() returned', (r) => ms(r.activation.activateMs));
  row('session whenReady()', (r) => ms(r.activation.whenReadyMs));
  row('Network tree has its groups', (r) => `${ms(r.activation.networkGroupsMs)} (${r.activation.groups} groups, ${r.activation.groupedContacts} contacts)`);
  row('diagnostics set in the host', (r) => ms(r.activation.diagnosticsInHostMs));
  row('onDidChangeDiagnostics: all files', (r) => ms(r.activation.diagnosticsEventMs));
  row('workbench caught up (round trip)', (r) => ms(r.activation.mainThreadCaughtUpMs));
  row('files with diagnostics / expected', (r) => `${r.activation.filesWithDiagnostics} / ${r.activation.expectedFiles} (${r.activation.diagnostics} diags)`);
  section('longest host block (event loop), bound 50 ms');
  row('activation → indexed (cold)', (r) => `${ms(r.blocking.coldIndexMs)} (session slices ≤ ${ms(r.blocking.coldIndexSessionSliceMs)})`);
  row('git pull: N notes change on disk', (r) => `${ms(r.blocking.burst.blockedMs)} (${r.blocking.burst.notes} notes, session slices ≤ ${ms(r.blocking.burst.sessionSliceMs)})`);
  row('  burst → all re-indexed', (r) => ms(r.blocking.burst.toIndexedMs));
  section('2. host memory, rss / heapUsed');
  row(`before activation${''}`, (r) => mem(r.memory.beforeActivation));
  row('after indexing', (r) => mem(r.memory.afterIndex));
  row('after indexing, after GC', (r) => mem(r.memory.afterIndexGc));
  row('heap added by the vault (GC\'d)', (r) => `${(r.memory.afterIndexGc.heapUsedMB - r.memory.beforeActivation.heapUsedMB).toFixed(0)} MB heap, ${(r.memory.afterIndexGc.rssMB - r.memory.beforeActivation.rssMB).toFixed(0)} MB rss`);
  row('after the saves (GC\'d)', (r) => mem(r.memory.afterSaves));
  row('with the views shown (GC\'d)', (r) => mem(r.memory.viewsShown));
  row('GC available', (r) => r.gc);
  section('3. change → follow-up-due diagnostic (median / p95)');
  row('editor edit+save → diagnostic', (r) => st(r.saves.toDiagnostic));
  row('  save() resolved → diagnostic', (r) => st(r.saves.fromSave));
  row('  → session updated', (r) => st(r.saves.sessionUpdate));
  row('  session updates per save', (r) => list(r.saves.sessionChangesPerSave));
  row('  diagnostics events per save', (r) => list(r.saves.diagnosticEventsPerSave));
  row('  failures (no diagnostic in 5 s)', (r) => String(r.saves.failures));
  row('disk write → diagnostic', (r) => st(r.diskWrites.toDiagnostic));
  row('  session updates per write', (r) => list(r.diskWrites.sessionChangesPerSave));
  row('  failures', (r) => String(r.diskWrites.failures));
  row('Rapport views shown: first render', (r) => `${ms(r.visible.renderMs)} (getTreeItem: ${r.visible.treeItemsAtOpen} network, ${r.visible.followUpItemsAtOpen} follow-ups)`);
  row('  edit+save → diagnostic', (r) => st(r.visible.saves.toDiagnostic));
  row('  network getTreeItem calls per save', (r) => list(r.visible.saves.treeItemCallsPerSave));
  row('  follow-ups getTreeItem calls per save', (r) => list(r.visible.saves.followUpItemCallsPerSave));
  row('  failures', (r) => String(r.visible.saves.failures));
  section('4. tree calls, views hidden (median / p95)');
  const treeKeys = [...new Set(runs.flatMap((r) => Object.keys((r.results && r.results.trees) || {}).map(normalise)))];
  for (const k of treeKeys) row(k, (r) => cell(r.trees, k));
  section('per change, in the host (median / p95)');
  const changeKeys = [...new Set(runs.flatMap((r) => Object.keys((r.results && r.results.perChange) || {}).map(normalise)))];
  for (const k of changeKeys) row(k, (r) => cell(r.perChange, k));
  return out;
}

/** The stats under a normalised name, with the count the name held ("2000 contacts"). */
function cell(map, key) {
  const found = Object.entries(map).find(([name]) => normalise(name) === key);
  if (!found) return '-';
  const count = /\((\d+ (?:contacts|items|paths|calls))\)/.exec(found[0]);
  return `${st(found[1])}${count ? ` (${count[1]})` : ''}`;
}

/** "network group (1430 contacts)" and "(143 contacts)" are one row: the count goes into the cell's label. */
function normalise(name) {
  return name.replace(/\(\d+ (contacts|items|paths|calls)\)/, '(N $1)');
}

function printTable(runs) {
  const header = ['', ...runs.map((r) => `${r.size.toLocaleString('en-US')} contacts${r.ok ? '' : ' (FAILED)'}`)];
  const body = rows(runs);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => String(row[i]).length)));
  const line = (row) => row.map((c, i) => String(c).padEnd(widths[i])).join('  │  ').trimEnd();
  console.log(`\nRapport in code-server 4.100.3 · node ${process.version} (bench) · ${os.cpus().length} cores · ${os.cpus()[0]?.model ?? ''}`);
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('──┼──'));
  for (const row of body) console.log(line(row));
  for (const r of runs) {
    if (r.error) console.log(`\n${r.size}: ${r.ok ? 'warning' : 'FAILED'}: ${r.error}`);
    for (const note of (r.results && r.results.notes_) || []) console.log(`${r.size}: note: ${note}`);
  }
}

async function main() {
  const generateVault = build().generateVault;
  fs.chmodSync(SHIM, 0o755);
  const runs = [];
  for (const size of sizes) runs.push(await runOne(size, generateVault));
  printTable(runs);
  if (process.env.RAPPORT_BENCH_JSON) {
    fs.writeFileSync(process.env.RAPPORT_BENCH_JSON, JSON.stringify(runs, null, 2));
    console.log(`raw results: ${process.env.RAPPORT_BENCH_JSON}`);
  }
  return runs.every((r) => r.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    stopLeftovers(currentWorkspace);
    process.exit(1);
  },
);
