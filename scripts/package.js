#!/usr/bin/env node
// npm run package: builds the extension for production and packs rapport-<version>.vsix.
//
// Works offline: esbuild bundles every runtime dependency into dist/, so vsce runs with
// --no-dependencies (no npm ls, no node_modules in the package). What goes in is decided by
// .vscodeignore, an allow-list. The manifest has no `repository` (there is no public one yet),
// hence --allow-missing-repository; README links stay relative (--no-rewrite-relative-links)
// and resolve against the installed extension's folder.
//
// Usage: node scripts/package.js [--out <file.vsix>] [--quiet]
//   exports: buildPackage({ out, log }) -> Promise<{ file, bytes }>, vsixPath(), listVsix(file)
'use strict';

const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const ROOT = path.resolve(__dirname, '..');

function manifest() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
}

/** Where `npm run package` puts the package: <repo>/rapport-<version>.vsix. */
function vsixPath() {
  const { name, version } = manifest();
  return path.join(ROOT, `${name}-${version}.vsix`);
}

function run(cmd, args, { quiet }) {
  return new Promise((resolve, reject) => {
    const out = [];
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (b) => {
      out.push(b.toString());
      if (!quiet) process.stdout.write(b);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(out.join(''));
      reject(new Error(`${path.basename(args[0] || cmd)} ${args.slice(1).join(' ')} failed (${signal || `exit code ${code}`})${quiet ? `\n${out.join('')}` : ''}`));
    });
  });
}

/**
 * Lists the entries of a .vsix (a zip) from its central directory, without unpacking it.
 * @returns {{ name: string, size: number }[]}
 */
function listVsix(file) {
  const buf = fs.readFileSync(file);
  // End of central directory record: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file (no end of central directory)`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${n}`);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

async function buildPackage({ out = vsixPath(), quiet = false, log = (m) => console.log(m) } = {}) {
  const t0 = Date.now();
  // The production bundle has no sourceMappingURL, so maps left by a development build are
  // unused; .vscodeignore keeps them out of the package.
  if (!quiet) log('building dist/ for production (node esbuild.js --production)');
  await run(process.execPath, [path.join(ROOT, 'esbuild.js'), '--production'], { quiet });

  const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json', { paths: [ROOT] })), 'vsce');
  fs.rmSync(out, { force: true });
  await run(process.execPath, [
    vsce, 'package',
    '--no-dependencies',
    '--allow-missing-repository',
    '--no-rewrite-relative-links',
    '--out', out,
  ], { quiet });

  const bytes = fs.statSync(out).size;
  const entries = listVsix(out);
  if (!quiet) {
    log(`\n${path.relative(process.cwd(), out) || out}: ${(bytes / 1024).toFixed(1)} KiB, ${entries.length} entries, built in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  }
  return { file: out, bytes, entries };
}

module.exports = { buildPackage, vsixPath, listVsix };

if (require.main === module) {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--out');
  const out = i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1]) : undefined;
  buildPackage({ out, quiet: argv.includes('--quiet') }).catch((e) => {
    console.error(`package failed: ${e.message}`);
    process.exit(1);
  });
}
