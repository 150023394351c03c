#!/usr/bin/env node
// Bundles and runs scripts/bench/micro.ts (the in-memory parse micro-benchmark) like the bench does.
const esbuild = require('esbuild');
const { execFileSync } = require('child_process');
const path = require('path');

const outfile = path.join(__dirname, '..', '..', 'out', 'bench', 'micro.js');
esbuild.buildSync({ entryPoints: [path.join(__dirname, 'micro.ts')], bundle: true, platform: 'node', target: 'node20', outfile, logLevel: 'error' });
process.stdout.write(execFileSync(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(2)], { encoding: 'utf8' }));
