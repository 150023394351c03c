import { ADVERSARIAL_PIECES } from '../../src/core/adversarial';
import { parseNote } from '../../src/core/parseNote';

/**
 * `npm run bench` (adversarial part): every pathological note at 1 MB, read as the CLI
 * and the extension read it (patient-identifier scan on). Prints the best of three runs
 * and the time ratio between 1 MB and 512 KB (linear: about 2).
 */
function best(text: string): number {
  let min = Infinity;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    parseNote('contacts/adversarial.md', text, { patientIdentifiers: true });
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

const MB = 1024 * 1024;
const rows: { piece: string; ms: number; ratio: number; problems: number }[] = [];
for (const piece of Object.keys(ADVERSARIAL_PIECES)) {
  const full = ADVERSARIAL_PIECES[piece](MB);
  const half = best(ADVERSARIAL_PIECES[piece](MB / 2));
  const ms = best(full);
  rows.push({ piece, ms, ratio: ms / Math.max(half, 0.05), problems: parseNote('contacts/adversarial.md', full, { patientIdentifiers: true }).problems.length });
}
process.stdout.write(JSON.stringify(rows));
