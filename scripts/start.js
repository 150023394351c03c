#!/usr/bin/env node
// npm start: see Rapport work in a real VS Code, in the browser, in one command.
//
// Packs the extension (scripts/package.js: production build + rapport-<version>.vsix), installs
// that .vsix offline into a fresh extensions folder, copies examples/vault to a temp folder with
// the packed CLI (`rapport init --sample`: the sample's story moves to today, so the demo never
// ages), starts code-server (installed on first use into .vscode-test/, as for the integration tests)
// on 127.0.0.1 with Workspace Trust disabled, opens the vault copy and prints the URL. Runs until
// Ctrl-C / SIGTERM, then stops code-server's whole process group and removes the temp folders.
//
// Environment:
//   RAPPORT_TODAY=2026-11-25  live on that day: the copy's story and the extension's today (default: the local date)
//   RAPPORT_PORT=8080         listen on this port (default: a free one)
//   RAPPORT_HOST_VERBOSE=1    show code-server's own output
//
//   exports: startRapport({ port, settings, today, log, onOutput }) ->
//     Promise<{ url, folderUrl, folder, today, host, stop }>   (used by test/ui/ui.test.js)
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { ensureCodeServer, REPO_ROOT } = require('./vscode-host/install');
const { startCodeServer } = require('./vscode-host/start');
const { buildPackage } = require('./package');

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

/**
 * A fresh copy of the sample vault, its story moved to `today` (default: the CLI's today,
 * RAPPORT_TODAY or the local date) by the built CLI's `rapport init --sample`, the same code
 * "Create Vault from Sample" runs. The folder name is what the window title shows.
 */
function copySampleVault({ today } = {}) {
  if (!fs.existsSync(CLI)) throw new Error(`${path.relative(REPO_ROOT, CLI)} not found: build first (npm run build)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-start-'));
  const folder = path.join(tmp, 'sample-vault');
  try {
    const said = execFileSync(process.execPath, [CLI, 'init', folder, '--sample', ...(today ? ['--today', today] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const day = /now happens on (\d{4}-\d{2}-\d{2})/.exec(said);
    return { tmp, folder, today: day ? day[1] : today };
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(`rapport init --sample failed: ${e && e.stderr ? e.stderr : e}`);
  }
}

/**
 * Packs, installs and starts everything; resolves once code-server answers.
 * @param {object} [o]
 * @param {number} [o.port]  default: RAPPORT_PORT or a free port
 * @param {Record<string, unknown>} [o.settings]  extra user settings (e.g. workbench.colorTheme)
 * @param {string} [o.today]  pin today (YYYY-MM-DD) for the copy's story and the extension host
 * @param {(m: string) => void} [o.log]
 * @param {(line: string) => void} [o.onOutput]  code-server's output lines
 */
async function startRapport({ port = Number(process.env.RAPPORT_PORT) || undefined, settings = {}, today, log = () => {}, onOutput } = {}) {
  const t0 = Date.now();
  const since = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
  const { entry, version } = await ensureCodeServer({ log });
  log(`code-server ${version} ready (${since()})`);
  const { file: vsix, bytes } = await buildPackage({ quiet: true });
  log(`packed ${path.relative(REPO_ROOT, vsix)}, ${(bytes / 1024).toFixed(1)} KiB (${since()})`);

  const vault = copySampleVault({ today });
  log(`sample vault copied, its story moved to ${vault.today}`);
  let host;
  try {
    host = await startCodeServer({
      entry,
      folder: vault.folder,
      workspaceTrust: false,
      installExtensions: [vsix],
      port,
      settings,
      onOutput,
      // the host lives on the day the copy was made for (a pinned day, or the same local date)
      env: today ? { RAPPORT_TODAY: today } : {},
    });
  } catch (e) {
    fs.rmSync(vault.tmp, { recursive: true, force: true });
    throw e;
  }
  log(`code-server listening, extension installed (${since()})`);

  let stopped;
  const stop = () => {
    stopped ??= host.stop().finally(() => fs.rmSync(vault.tmp, { recursive: true, force: true, maxRetries: 3 }));
    return stopped;
  };
  // the path stays readable in the URL: code-server takes ?folder= as a plain path
  const folderUrl = `${host.url}/?folder=${encodeURI(vault.folder)}`;
  return { url: host.url, folderUrl, folder: vault.folder, today: vault.today, host, stop, startedInMs: Date.now() - t0 };
}

module.exports = { startRapport, copySampleVault };

if (require.main === module) {
  const log = (m) => console.log(`[rapport] ${m}`);
  const verbose = !!process.env.RAPPORT_HOST_VERBOSE;
  const starting = startRapport({ log, onOutput: verbose ? (l) => console.log(`[code-server] ${l}`) : undefined });
  let finishing = false;
  const finish = (why, code) => {
    if (finishing) return;
    finishing = true;
    log(`${why}: stopping code-server and removing temp folders`);
    // a signal during start-up waits for the start to finish, so nothing is left behind
    starting.then((r) => r.stop(), () => {}).finally(() => process.exit(code));
  };
  process.on('SIGINT', () => finish('SIGINT', 130));
  process.on('SIGTERM', () => finish('SIGTERM', 143));
  process.on('SIGHUP', () => finish('SIGHUP', 129));

  starting.then(
    (r) => {
      if (finishing) return;
      console.log([
        '',
        'Rapport is running in VS Code (code-server) with a fresh copy of the sample vault:',
        '',
        `    ${r.folderUrl}`,
        '',
        `Vault copy: ${r.folder}  (thrown away on exit; its story happens on ${r.today})`,
        `Ready in ${(r.startedInMs / 1000).toFixed(1)}s. Open the URL in a browser; Ctrl-C stops everything.`,
        '',
      ].join('\n'));
      const poll = setInterval(() => {
        const ex = r.host.exited();
        if (!ex || finishing) return; // stopping it ourselves is no news
        clearInterval(poll);
        console.error(`code-server exited (${ex.signal || `exit code ${ex.code}`})${verbose ? '' : `; last output:\n${r.host.output.slice(-20).join('\n')}`}`);
        finish('code-server exited', 1);
      }, 500);
    },
    (e) => {
      console.error(`npm start failed: ${e && e.message ? e.message : e}`);
      process.exit(1);
    },
  );
}
