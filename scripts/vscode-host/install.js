#!/usr/bin/env node
// Installs code-server (VS Code's workbench + Node extension host, published on npm) into
// .vscode-test/code-server-<version>/ so that the integration tests can run inside a real
// VS Code on a machine where no desktop VS Code can be downloaded.
//
// Not a package.json dependency on purpose: code-server's postinstall refuses to run as root
// and downloads ripgrep. We do its steps by hand instead, with Debian's ripgrep.
//
// Idempotent: a marker file is written only after every step succeeded, and the install is
// built in a staging folder that is renamed into place at the end, so an interrupted install
// never looks finished. With the marker present this returns at once.
//
// Usage: node scripts/vscode-host/install.js [--force]
//   exports: ensureCodeServer({ log }) -> Promise<{ root, entry, version }>
'use strict';

const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const CODE_SERVER_VERSION = '4.100.3'; // = VS Code 1.100.3, runs on Node 20
const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CACHE_ROOT = process.env.RAPPORT_VSCODE_CACHE || path.join(REPO_ROOT, '.vscode-test');
const INSTALL_DIR = path.join(CACHE_ROOT, `code-server-${CODE_SERVER_VERSION}`);
const MARKER = '.rapport-install-complete';
const SYSTEM_RG = '/usr/bin/rg';

function paths(root) {
  const pkg = path.join(root, 'node_modules', 'code-server');
  const vscode = path.join(pkg, 'lib', 'vscode');
  return { root, pkg, vscode, entry: path.join(pkg, 'out', 'node', 'entry.js'), marker: path.join(root, MARKER) };
}

function isInstalled() {
  const p = paths(INSTALL_DIR);
  try {
    const m = JSON.parse(fs.readFileSync(p.marker, 'utf8'));
    return m.version === CODE_SERVER_VERSION && fs.existsSync(p.entry);
  } catch {
    return false;
  }
}

/** Runs a command, output to the log file; rejects with the tail of the log on failure. */
function run(cmd, args, { cwd, env, logFile }) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    fs.writeSync(out, `\n$ (cd ${cwd} && ${cmd} ${args.join(' ')})\n`);
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
    child.on('error', (e) => { fs.closeSync(out); reject(e); });
    child.on('close', (code, signal) => {
      fs.closeSync(out);
      if (code === 0) return resolve();
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
      reject(new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed with ${signal || `exit code ${code}`}\n--- last lines of ${logFile} ---\n${tail}`));
    });
  });
}

/** Makes sure the Debian packages are there (only on Debian-like systems; quick no-op when they are). */
async function ensureSystemDeps(log, logFile) {
  const needed = ['/usr/bin/rg', '/usr/bin/chromium', '/usr/bin/krb5-config'];
  if (needed.every((f) => fs.existsSync(f))) return;
  if (!fs.existsSync('/usr/bin/apt-get')) {
    throw new Error(`Missing ${needed.filter((f) => !fs.existsSync(f)).join(', ')}: install ripgrep, chromium, libkrb5-dev, pkg-config and a C/C++ toolchain`);
  }
  log('installing Debian packages (scripts/ci-system-deps.sh)');
  await run('bash', [path.join(REPO_ROOT, 'scripts', 'ci-system-deps.sh')], { cwd: REPO_ROOT, logFile });
}

async function ensureCodeServer({ log = (m) => console.error(`[host:install] ${m}`), force = false } = {}) {
  if (!force && isInstalled()) return { ...paths(INSTALL_DIR), version: CODE_SERVER_VERSION };

  fs.mkdirSync(CACHE_ROOT, { recursive: true });
  const logFile = path.join(CACHE_ROOT, `code-server-${CODE_SERVER_VERSION}.install.log`);
  fs.writeFileSync(logFile, `install of code-server@${CODE_SERVER_VERSION} started ${new Date().toISOString()}\n`);
  const t0 = Date.now();
  const step = (m) => log(`${m} (${((Date.now() - t0) / 1000).toFixed(0)}s)`);

  await ensureSystemDeps(step, logFile);

  const staging = `${INSTALL_DIR}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  const p = paths(staging);
  const npmEnv = { npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

  try {
    step(`installing code-server@${CODE_SERVER_VERSION} into ${path.relative(REPO_ROOT, INSTALL_DIR)} (log: ${path.relative(REPO_ROOT, logFile)})`);
    fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify({
      name: 'rapport-vscode-host-cache', private: true, description: 'code-server for the integration tests; made by scripts/vscode-host/install.js',
    }, null, 2));
    await run('npm', ['install', '--ignore-scripts', '--no-save', `code-server@${CODE_SERVER_VERSION}`], { cwd: staging, env: npmEnv, logFile });
    await run('npm', ['rebuild', 'argon2'], { cwd: staging, env: npmEnv, logFile });

    step('installing VS Code (lib/vscode) production dependencies');
    await run('npm', ['install', '--omit=dev', '--ignore-scripts'], { cwd: p.vscode, env: npmEnv, logFile });

    // @vscode/ripgrep's postinstall would download rg: use Debian's.
    const rgDir = path.join(p.vscode, 'node_modules', '@vscode', 'ripgrep', 'bin');
    fs.mkdirSync(rgDir, { recursive: true });
    fs.copyFileSync(SYSTEM_RG, path.join(rgDir, 'rg'));
    fs.chmodSync(path.join(rgDir, 'rg'), 0o755);

    step('building native modules (node-pty, watcher, spdlog, kerberos, ...)');
    await run('npm', ['rebuild'], { cwd: p.vscode, env: { ...npmEnv, npm_config_yes: 'true' }, logFile });

    // What code-server's own postinstall would do.
    const symlink = (target, where) => {
      fs.rmSync(where, { force: true });
      fs.symlinkSync(target, where);
    };
    symlink('node_modules', path.join(p.vscode, 'node_modules.asar'));
    symlink('code-linux.sh', path.join(p.vscode, 'bin', 'remote-cli', 'code-server'));
    symlink('browser-linux.sh', path.join(p.vscode, 'bin', 'helpers', 'browser.sh'));

    step('installing built-in extensions\' dependencies');
    await run('npm', ['install', '--omit=dev'], { cwd: path.join(p.vscode, 'extensions'), env: npmEnv, logFile });

    fs.writeFileSync(p.marker, JSON.stringify({ version: CODE_SERVER_VERSION, installedAt: new Date().toISOString(), node: process.version }, null, 2) + '\n');
    fs.rmSync(INSTALL_DIR, { recursive: true, force: true });
    fs.renameSync(staging, INSTALL_DIR);
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  step('code-server installed');
  return { ...paths(INSTALL_DIR), version: CODE_SERVER_VERSION };
}

module.exports = { ensureCodeServer, isInstalled, CODE_SERVER_VERSION, INSTALL_DIR, REPO_ROOT };

if (require.main === module) {
  const force = process.argv.includes('--force');
  const already = !force && isInstalled();
  ensureCodeServer({ force })
    .then((r) => console.log(already ? `code-server ${r.version} already installed: ${r.pkg}` : `code-server ${r.version} ready: ${r.pkg}`))
    .catch((e) => {
      console.error(`host:install failed: ${e.message}`);
      process.exit(1);
    });
}
