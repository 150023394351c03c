#!/usr/bin/env node
// Runs the mocha unit tests once per time zone: results must not depend on where the machine is.
const { spawnSync } = require('child_process');

const zones = (process.env.RAPPORT_TEST_ZONES || 'UTC,America/Los_Angeles,Pacific/Honolulu,Pacific/Kiritimati').split(',');
const extra = process.argv.slice(2);
let failed = 0;
for (const tz of zones) {
  console.log(`\n=== unit tests, TZ=${tz} ===`);
  const r = spawnSync(process.execPath, [require.resolve('mocha/bin/mocha.js'), ...extra], {
    stdio: 'inherit',
    env: { ...process.env, TZ: tz, RAPPORT_TZ_UNDER_TEST: tz },
  });
  if (r.status !== 0) failed++;
}
if (failed > 0) {
  console.error(`\nunit tests failed under ${failed} of ${zones.length} time zones`);
  process.exit(1);
}
