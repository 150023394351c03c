// An in-memory micro-benchmark of the parse alone: no disk, so it is steadier than the full
// bench on a shared machine. Bundled and run by scripts/bench/micro.js:
//   node scripts/bench/micro.js [rounds]
// Prints, for 10,000 generated notes: the median time of a parse of all of them (with and
// without the privacy guard), and the heap kept by the parsed notes alone and by a Vault.
import { parseNote } from '../../src/core/parseNote';
import { Vault } from '../../src/core/vault';
import type { Listing, ReadResult, VaultFs } from '../../src/core/vaultFs';
import { syntheticNote } from './generate';

const COUNT = 10_000;

/** A note's text as a file read gives it: one flat string decoded from bytes. */
function fileText(i: number): string {
  return Buffer.from(syntheticNote(i), 'utf8').toString('utf8');
}

/** The bench vault's contacts, made on each read so that only what the Vault keeps stays alive. */
class GeneratedFs implements VaultFs {
  list(): Promise<Listing> {
    return Promise.resolve({ files: Array.from({ length: COUNT }, (_, i) => ({ path: `contacts/contact-${i}.md` })), skipped: [] });
  }

  read(path: string): Promise<ReadResult> {
    return Promise.resolve({ kind: 'text', text: fileText(Number(/\d+/.exec(path)?.[0])) });
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with --expose-gc');
  collect();
  collect();
}

function timeParse(texts: readonly string[], patientIdentifiers: boolean, rounds: number): number {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < texts.length; i++) parseNote(`contacts/contact-${i}.md`, texts[i], { patientIdentifiers });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 7);
  const texts = Array.from({ length: COUNT }, (_, i) => fileText(i));
  const parse = timeParse(texts, false, rounds);
  const guarded = timeParse(texts, true, rounds);

  // Heap kept: the notes alone, then a Vault over them (its maps included). Each text is
  // made afresh and dropped, so whatever a note keeps of its text counts.
  texts.length = 0;
  gc();
  const before = process.memoryUsage().heapUsed;
  const notes = Array.from({ length: COUNT }, (_, i) => parseNote(`contacts/contact-${i}.md`, fileText(i)));
  gc();
  const notesHeap = process.memoryUsage().heapUsed - before;
  notes.length = 0;

  gc();
  const beforeVault = process.memoryUsage().heapUsed;
  const vault = new Vault(new GeneratedFs(), { yieldToHost: () => Promise.resolve() });
  await vault.scan();
  gc();
  const vaultHeap = process.memoryUsage().heapUsed - beforeVault;

  const kb = (n: number): string => `${(n / COUNT / 1024).toFixed(2)} KB/note`;
  console.log(`parse ${COUNT} notes: median ${parse.toFixed(0)} ms (${((parse * 1000) / COUNT).toFixed(1)} µs/note); `
    + `with privacy guard ${guarded.toFixed(0)} ms (${((guarded * 1000) / COUNT).toFixed(1)} µs/note)`);
  console.log(`heap kept: notes ${kb(notesHeap)}; vault ${kb(vaultHeap)} (${vault.size} notes)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
