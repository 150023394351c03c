#!/usr/bin/env node
// A stand-in for the `code` executable that @vscode/test-electron's runTests() launches:
// instead of desktop VS Code it runs the extension tests in code-server (same workbench and
// Node extension host, served on loopback) driven by headless Chromium.
//
// runTests({ vscodeExecutablePath: <this file>, extensionDevelopmentPath, extensionTestsPath,
// launchArgs: [folder] }) spawns us with
//   [...launchArgs, --no-sandbox, ..., --disable-workspace-trust,
//    --extensionTestsPath=<p>, --extensionDevelopmentPath=<p>, --extensions-dir=.., --user-data-dir=..]
// We keep the two test paths and the folder (the first argument that is not a --flag) and ignore
// the rest: profile folders are fresh temp folders under os.tmpdir(), removed afterwards.
//
// Environment (runTests' extensionTestsEnv lands here, and goes on to code-server and so to
// the extension host and the tests):
//   RAPPORT_WORKSPACE_TRUST=1     keep Workspace Trust on (Restricted Mode tests); the
//                                 --disable-workspace-trust that runTests always adds is ignored
//   RAPPORT_ITEST_TIMEOUT_MS      whole-run timeout, default 300000 (5 min)
//   RAPPORT_SCREENSHOTS=1         save a screenshot of the workbench after the suite to
//                                 test-results/workbench.png (or RAPPORT_SCREENSHOT_PATH)
//   RAPPORT_HOST_VERBOSE=1        show code-server's output and every workbench log line
// Exit code: the suite's (0 = all passed); 1 on any harness failure, with a message.
'use strict';

const path = require('path');
const { ensureCodeServer, REPO_ROOT } = require('./install');
const { startCodeServer } = require('./start');
const { runSuiteInBrowser } = require('./driver');

function parseArgs(argv) {
  const o = { extensionDevelopmentPath: [], extensionTestsPath: undefined, folder: undefined, enableTrust: false };
  for (const a of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m) {
      if (o.folder === undefined) o.folder = path.resolve(a);
      continue;
    }
    const [, name, value] = m;
    if (name === 'extensionDevelopmentPath' && value) o.extensionDevelopmentPath.push(path.resolve(value));
    else if (name === 'extensionTestsPath' && value) o.extensionTestsPath = path.resolve(value);
    else if (name === 'enable-workspace-trust') o.enableTrust = true;
    // every other flag (--no-sandbox, --disable-workspace-trust, --user-data-dir=, ...) is ignored
  }
  return o;
}

const log = (m) => process.stderr.write(`[vscode-host] ${m}\n`);
// Our parent may be gone (its end of the pipes closed): keep going so that we clean up.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.extensionTestsPath || args.extensionDevelopmentPath.length === 0) {
    throw new Error('usage: code-shim.js --extensionDevelopmentPath=<dir> --extensionTestsPath=<file> [folder]');
  }
  const env = process.env;
  const verbose = !!env.RAPPORT_HOST_VERBOSE;
  const workspaceTrust = args.enableTrust || env.RAPPORT_WORKSPACE_TRUST === '1';
  const timeoutMs = Number(env.RAPPORT_ITEST_TIMEOUT_MS) || 5 * 60 * 1000;
  const screenshotPath = env.RAPPORT_SCREENSHOTS === '1'
    ? path.resolve(env.RAPPORT_SCREENSHOT_PATH || path.join(REPO_ROOT, 'test-results', 'workbench.png'))
    : undefined;

  const { entry, version } = await ensureCodeServer({ log: (m) => log(m) });

  let host;
  let finishing = false;
  const cleanup = async () => { if (host) await host.stop(); };
  const onSignal = (sig) => {
    if (finishing) return;
    finishing = true;
    log(`${sig}: stopping code-server`);
    cleanup().finally(() => process.exit(sig === 'SIGINT' ? 130 : sig === 'SIGTERM' ? 143 : 1));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  // If whoever launched us (runTests) dies without telling us, do not leave code-server behind.
  const parent = process.ppid;
  setInterval(() => {
    let gone = process.ppid !== parent;
    try { process.kill(parent, 0); } catch { gone = true; }
    if (gone) onSignal('parent process exited');
  }, 1000).unref();

  try {
    const t0 = Date.now();
    host = await startCodeServer({
      entry,
      folder: args.folder,
      workspaceTrust,
      onOutput: verbose ? (l) => log(`[code-server] ${l}`) : undefined,
    });
    log(`code-server ${version} on ${host.url} (pid group ${host.pid}${workspaceTrust ? ', Workspace Trust on' : ''}), started in ${((Date.now() - t0) / 1000).toFixed(1)}s`);

    let code;
    try {
      code = await runSuiteInBrowser({
        baseUrl: host.url,
        folder: args.folder,
        // the web workbench takes one development path per payload entry; we pass the first
        extensionDevelopmentPath: args.extensionDevelopmentPath[0],
        extensionTestsPath: args.extensionTestsPath,
        timeoutMs,
        screenshotPath,
        verbose,
      });
    } catch (e) {
      if (host.exited()) e.message += ` (code-server exited: ${JSON.stringify(host.exited())})`;
      if (!verbose && host.output.length) e.message += `\n--- last code-server output ---\n${host.output.slice(-30).join('\n')}`;
      throw e;
    }
    log(`suite finished with exit code ${code} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    return code;
  } finally {
    finishing = true;
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    log(`FAILED: ${e && e.message ? e.message : e}`);
    process.exit(1);
  },
);
