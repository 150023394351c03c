// The in-host entry of `npm run bench:extension` (the extensionTestsPath): runs the bench once
// and writes what it measured, even half of it, as JSON to RAPPORT_BENCH_RESULTS for the
// runner to print. Rejecting tells the workbench the run failed.
import * as fs from 'fs';
import { emptyResults, runExtensionBench } from './extension.bench';

export async function run(): Promise<void> {
  const out = process.env.RAPPORT_BENCH_RESULTS;
  const results = emptyResults();
  const write = (extra: Record<string, unknown>) => {
    if (out) fs.writeFileSync(out, JSON.stringify({ ...extra, results }, null, 2));
  };
  try {
    await runExtensionBench(results, (m) => console.log(`[bench] ${m}`), () => write({ ok: false, error: 'the bench did not finish' }));
    write({ ok: true });
  } catch (e) {
    const error = e instanceof Error ? e.stack ?? e.message : String(e);
    console.error(`[bench] failed: ${error}`);
    write({ ok: false, error });
    throw e;
  }
}
