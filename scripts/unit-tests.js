#!/usr/bin/env node
// Runs the mocha unit tests once per time zone: results must not depend on where the machine is.
// Zones run side by side, one per core (two at most), each zone's output printed whole when it
// ends. The packaged-extension test does not depend on the zone and writes the one .vsix, so it
// runs in the first zone only (RAPPORT_SKIP_PACKAGE_TEST in the others).
const { spawn } = require('child_process');
const os = require('os');

const zones = (process.env.RAPPORT_TEST_ZONES || 'UTC,America/Los_Angeles,Pacific/Honolulu,Pacific/Kiritimati').split(',');
const extra = process.argv.slice(2);
const parallel = Math.max(1, Math.min(2, os.cpus().length, zones.length));

function runZone(tz, index) {
  return new Promise((resolve) => {
    const env = { ...process.env, TZ: tz, RAPPORT_TZ_UNDER_TEST: tz, FORCE_COLOR: '0' };
    if (index > 0) env.RAPPORT_SKIP_PACKAGE_TEST = '1';
    const child = spawn(process.execPath, [require.resolve('mocha/bin/mocha.js'), ...extra], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    child.on('close', (code) => resolve({ tz, code, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

async function main() {
  const results = new Array(zones.length);
  let next = 0;
  const printed = { upTo: 0 };
  const flush = () => {
    while (printed.upTo < zones.length && results[printed.upTo]) {
      const r = results[printed.upTo];
      process.stdout.write(`\n=== unit tests, TZ=${r.tz} ===\n${r.output}`);
      printed.upTo++;
    }
  };
  const worker = async () => {
    while (next < zones.length) {
      const i = next++;
      results[i] = await runZone(zones[i], i);
      flush();
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  const failed = results.filter((r) => r.code !== 0).length;
  if (failed > 0) {
    console.error(`\nunit tests failed under ${failed} of ${zones.length} time zones`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
