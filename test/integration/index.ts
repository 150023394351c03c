// The in-host test runner: VS Code's extension host loads out/integration/index.js (the
// extensionTestsPath) and calls run(). It runs every *.itest.js in this folder with mocha.
// Files named *.restricted.itest.js run only in the Restricted Mode pass (Workspace Trust on),
// the others only in the trusted pass: RAPPORT_ITEST_MODE says which (runTests.js sets it).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

function findTests(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findTests(p));
    else if (entry.name.endsWith('.itest.js')) out.push(p);
  }
  return out.sort();
}

/**
 * Resolves when every test passed; rejects with the failure count otherwise. (VS Code treats a
 * resolved promise as success whatever it resolves with, so failures must reject.)
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 20_000 });
  const restricted = process.env.RAPPORT_ITEST_MODE === 'restricted';
  const grep = process.env.RAPPORT_ITEST_GREP;
  if (grep) mocha.grep(grep);

  const files = findTests(__dirname).filter((f) => f.endsWith('.restricted.itest.js') === restricted);
  for (const f of files) mocha.addFile(f);

  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      reject(new Error(`no ${restricted ? '*.restricted.itest.js' : '*.itest.js'} files in ${__dirname}`));
      return;
    }
    try {
      const runner = mocha.run((failures) => {
        // for runTests.js's closing 'N passed, N failed' line
        const results = process.env.RAPPORT_ITEST_RESULTS;
        if (results && runner.stats) {
          const { passes, failures: failed, pending } = runner.stats;
          fs.writeFileSync(results, JSON.stringify({ passes, failures: failed, pending }));
        }
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
