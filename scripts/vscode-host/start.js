// Starts code-server (VS Code's server: web workbench + Node extension host) on a free
// loopback port, in its own process group, with every state folder in a fresh temp folder.
//
//   const host = await startCodeServer({ folder, workspaceTrust: false, env: { FOO: '1' } });
//   host.url  // http://127.0.0.1:<port>
//   await host.stop();  // kills exactly that process group and removes the temp folder
//
// workspaceTrust: false (default) passes --disable-workspace-trust (what @vscode/test-electron
// does for desktop VS Code); true leaves Workspace Trust on, so a folder opened for the first
// time is in Restricted Mode (vscode.workspace.isTrusted === false).
//
// `env` is set on the code-server process, and so reaches the extension host and the tests
// (the workbench URL payload's environment is not applied by the web workbench).
//
// installExtensions: ['/path/ext.vsix'] installs packages into the run's own extensions folder
// (code-server --install-extension, offline) before the server starts; port: a fixed port
// instead of a free one.
'use strict';

const fs = require('fs');
const os = require('os');
const net = require('net');
const path = require('path');
const http = require('http');
const { spawn } = require('child_process');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/** Kills a whole process group: SIGTERM, then SIGKILL after graceMs. Resolves when it is gone. */
async function killGroup(child, graceMs = 3000) {
  if (!child || child.pid == null) return;
  const alive = () => {
    try { process.kill(-child.pid, 0); return true; } catch { return false; }
  };
  if (!alive()) return;
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive()) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    const hard = Date.now() + 2000;
    while (alive() && Date.now() < hard) await new Promise((r) => setTimeout(r, 50));
  }
}

/** The environment code-server runs with: offline gallery, state folders inside `dirs`. */
function hostEnv(dirs, env = {}) {
  return {
    // no extension gallery: nothing to fetch from the internet (code-server reads this)
    EXTENSIONS_GALLERY: '{}',
    ...process.env,
    ...env,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    TMPDIR: dirs.procTmp,
  };
}

/**
 * Installs a .vsix into dirs.extensions with code-server's own CLI (no network: the package is
 * local and the gallery is off). Rejects with code-server's output when it fails.
 */
function installExtension({ entry, dirs, vsix, env = {} }) {
  return new Promise((resolve, reject) => {
    const out = [];
    const child = spawn(process.execPath, [
      entry,
      '--user-data-dir', dirs.userData,
      '--extensions-dir', dirs.extensions,
      '--install-extension', path.resolve(vsix),
    ], { stdio: ['ignore', 'pipe', 'pipe'], env: hostEnv(dirs, env) });
    child.stdout.on('data', (b) => out.push(b.toString()));
    child.stderr.on('data', (b) => out.push(b.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const text = out.join('');
      // code-server exits 0 even when an install failed; it says so in its output
      if (code === 0 && /successfully installed/i.test(text)) resolve(text);
      else reject(new Error(`installing ${vsix} failed (${signal || `exit code ${code}`}):\n${text}`));
    });
  });
}

/**
 * @param {object} o
 * @param {string} o.entry          code-server's out/node/entry.js
 * @param {string} [o.folder]       folder to open (absolute)
 * @param {boolean} [o.workspaceTrust=false]
 * @param {Record<string,string>} [o.env]  extra environment for code-server and the extension host
 * @param {Record<string,unknown>} [o.settings]  extra user settings (User/settings.json)
 * @param {number} [o.startTimeoutMs=60000]
 * @param {(line: string) => void} [o.onOutput]  code-server's own stdout/stderr lines
 * @param {string[]} [o.installExtensions]  .vsix files to install into the run's extensions folder
 * @param {number} [o.port]  port to listen on (default: a free one)
 */
async function startCodeServer({ entry, folder, workspaceTrust = false, env = {}, settings = {}, startTimeoutMs = 60000, onOutput, installExtensions = [], port: fixedPort } = {}) {
  if (!entry || !fs.existsSync(entry)) throw new Error(`code-server entry not found: ${entry} (run npm run host:install)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-vscode-host-'));
  const dirs = {
    tmp,
    userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'),
    config: path.join(tmp, 'config'),
    data: path.join(tmp, 'data'),
    procTmp: path.join(tmp, 'tmp'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  // Quiet, offline user settings: no update checks, recommendations, experiments or telemetry.
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'workbench.enableExperiments': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'chat.commandCenter.enabled': false,
    ...settings,
  }, null, 2));

  try {
    for (const vsix of installExtensions) await installExtension({ entry, dirs, vsix, env });
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
    throw e;
  }

  const port = fixedPort || await freePort();
  const args = [
    entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
  ];
  if (!workspaceTrust) args.push('--disable-workspace-trust');
  if (folder) args.push(folder);

  const output = [];
  const child = spawn(process.execPath, args, {
    detached: true, // own process group: we kill exactly that group
    stdio: ['ignore', 'pipe', 'pipe'],
    env: hostEnv(dirs, env),
  });
  const onData = (buf) => {
    for (const line of buf.toString().split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 200) output.shift();
      if (onOutput) onOutput(line);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await killGroup(child);
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  try {
    for (;;) {
      if (exited) throw new Error(`code-server exited during start-up (${exited.signal || `exit code ${exited.code}`})`);
      if ((await httpStatus(`${url}/healthz`)) === 200) break;
      if (Date.now() > deadline) throw new Error(`code-server did not answer on ${url}/healthz within ${startTimeoutMs / 1000}s`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (e) {
    await stop();
    e.message += output.length ? `\n--- code-server output ---\n${output.join('\n')}` : '';
    throw e;
  }

  return { url, port, pid: child.pid, child, dirs, output, stop, exited: () => exited };
}

module.exports = { startCodeServer, installExtension, killGroup, freePort };
