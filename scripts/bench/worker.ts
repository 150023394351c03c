// One benchmark size in its own process, so peak RSS belongs to that size alone.
import * as fs from 'fs';
import * as path from 'path';
import { Vault } from '../../src/core/vault';
import { NodeFs } from '../../src/node/nodeFs';
import { syntheticNote } from './generate';
import { extraPasses } from './passes';

function ms(from: bigint): number {
  return Number(process.hrtime.bigint() - from) / 1e6;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  const count = Number(process.argv[3]);
  const baseRss = process.memoryUsage().rss;

  // The I/O floor: list and read every file, nothing else.
  let t = process.hrtime.bigint();
  const nodeFs = new NodeFs(dir);
  const listing = await nodeFs.list();
  let bytes = 0;
  for (const f of listing.files) bytes += fs.readFileSync(path.join(dir, f.path), 'utf8').length;
  const ioFloor = ms(t);

  t = process.hrtime.bigint();
  const vault = new Vault(nodeFs, { yieldToHost: () => Promise.resolve() });
  await vault.scan();
  const cold = ms(t);

  const upserts: number[] = [];
  for (let i = 0; i < 200; i++) {
    const n = (i * 37) % count;
    const text = syntheticNote(n).replace('status: active', i % 2 ? 'status: waiting' : 'status: active');
    const s = process.hrtime.bigint();
    vault.upsert(`contacts/contact-${n}.md`, text);
    upserts.push(ms(s));
  }
  upserts.sort((a, b) => a - b);

  const extra = extraPasses(vault);
  global.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  const peak = process.resourceUsage().maxRSS * 1024;

  // The same scan with the privacy guard on, as the extension and the CLI run it by default.
  t = process.hrtime.bigint();
  const guarded = new Vault(new NodeFs(dir), { yieldToHost: () => Promise.resolve(), parse: { patientIdentifiers: true } });
  await guarded.scan();
  extra['cold index with the privacy guard'] = ms(t);
  process.stdout.write(JSON.stringify({
    count, files: listing.files.length, bytes, ioFloor, cold, perNoteUs: (cold * 1000) / listing.files.length,
    upsertMedian: percentile(upserts, 50), upsertP95: percentile(upserts, 95), peakRss: peak, baseRss, heapAfter, extra,
  }) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
