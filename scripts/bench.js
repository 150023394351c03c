#!/usr/bin/env node
// `npm run bench`: synthetic vaults of 1k/10k/50k notes; prints the I/O floor, cold index,
// incremental update and memory in one run. Not a test: figures go in the README.
const esbuild = require('esbuild');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const sizes = (process.env.RAPPORT_BENCH_SIZES || '1000,10000,50000').split(',').map(Number);
const out = path.join(__dirname, '..', 'out', 'bench');

esbuild.buildSync({ entryPoints: [path.join(__dirname, 'bench', 'worker.ts')], bundle: true, platform: 'node', target: 'node20', outfile: path.join(out, 'worker.js'), logLevel: 'error' });
const { generateVault } = (() => {
  esbuild.buildSync({ entryPoints: [path.join(__dirname, 'bench', 'generate.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: path.join(out, 'generate.js'), logLevel: 'error' });
  return require(path.join(out, 'generate.js'));
})();

const mb = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const f = (n) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));
console.log(`Rapport benchmark · node ${process.version} · ${os.cpus().length} cores · ${os.cpus()[0]?.model ?? ''}`);
const results = [];
for (const size of sizes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rapport-bench-${size}-`));
  try {
    generateVault(dir, size);
    // Run twice and keep the second: the first warms the page cache, as an editor reopening a vault would.
    execFileSync(process.execPath, ['--expose-gc', path.join(out, 'worker.js'), dir, String(size)]);
    const r = JSON.parse(execFileSync(process.execPath, ['--expose-gc', path.join(out, 'worker.js'), dir, String(size)], { encoding: 'utf8' }));
    results.push(r);
    const ratio = r.cold / r.ioFloor;
    console.log(`\n${size.toLocaleString('en-US')} notes (${(r.bytes / r.files / 1024).toFixed(1)} KB each on average)`);
    console.log(`  I/O floor (list + read every file)   ${f(r.ioFloor)} ms`);
    console.log(`  cold index                           ${f(r.cold)} ms  (${ratio.toFixed(2)}x the I/O floor; ${f(r.perNoteUs)} µs per note)`);
    console.log(`  incremental upsert of one note       median ${r.upsertMedian.toFixed(3)} ms, p95 ${r.upsertP95.toFixed(3)} ms (200 updates)`);
    for (const [name, value] of Object.entries(r.extra)) console.log(`  ${name.padEnd(37)}${name.startsWith('notes ') ? value : `${f(value)} ms`}`);
    console.log(`  peak RSS                             ${mb(r.peakRss)} (a bare node process here: ${mb(r.baseRss)}); heap after index ${mb(r.heapAfter)}`);
    if (size === 10000) {
      const checks = [
        [`cold index within 3x the I/O floor`, ratio <= 3],
        [`incremental update under 2 ms p95`, r.upsertP95 < 2],
        [`under 150 MB RSS`, r.peakRss < 150 * 1024 * 1024],
        [`rules pass cheaper than the cold index`, r.extra['follow-up rules, whole vault'] < r.cold],
      ];
      for (const [name, ok] of checks) console.log(`  target: ${name.padEnd(38)}${ok ? 'met' : 'MISSED'}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Importing an existing network: 10,000 LinkedIn rows and the same people as vCards.
if (!process.env.RAPPORT_BENCH_SKIP_IMPORT) {
  esbuild.buildSync({ entryPoints: [path.join(__dirname, 'bench-import.ts')], bundle: true, platform: 'node', target: 'node20', outfile: path.join(out, 'bench-import.js'), logLevel: 'error' });
  console.log('\nImport (10,000 rows)');
  process.stdout.write(execFileSync(process.execPath, [path.join(out, 'bench-import.js')], { encoding: 'utf8' }).replace(/^/gm, '  '));
}

// Pathological notes: each adversarial shape at 1 MB (best of three), and the time ratio 1 MB / 512 KB (linear: ~2).
if (!process.env.RAPPORT_BENCH_SKIP_ADVERSARIAL) {
  esbuild.buildSync({ entryPoints: [path.join(__dirname, 'bench', 'adversarial.ts')], bundle: true, platform: 'node', target: 'node20', outfile: path.join(out, 'adversarial.js'), logLevel: 'error' });
  const rows = JSON.parse(execFileSync(process.execPath, [path.join(out, 'adversarial.js')], { encoding: 'utf8' }));
  console.log('\nAdversarial 1 MB notes (parse + patient-identifier scan; best of 3; ratio = time at 1 MB / time at 512 KB)');
  for (const r of rows) console.log(`  ${r.piece.padEnd(22)}${f(r.ms).padStart(8)} ms  x${r.ratio.toFixed(2)}  ${r.problems} problems`);
  const worst = rows.reduce((a, b) => (b.ms > a.ms ? b : a));
  console.log(`  target: every 1 MB note under 100 ms        ${worst.ms < 100 ? 'met' : `MISSED (${worst.piece}: ${f(worst.ms)} ms)`}`);
}
