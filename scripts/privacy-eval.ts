/**
 * Precision and recall of the patient-identifier detector on the labelled set,
 * and the number of findings in the sample vault (which should be zero).
 * Run: npx tsx scripts/privacy-eval.ts [vault-folder]
 * Vault findings are printed as path:line and kind only, never the note's text.
 */
import * as fs from 'fs';
import * as path from 'path';
import labelled from '../test/fixtures/privacy-labelled.json';
import { evaluateDetector } from '../src/core/privacy/evaluate';
import { findPatientIdentifiers } from '../src/core/privacy';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function markdownFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...markdownFiles(full));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) out.push(full);
  }
  return out.sort();
}

const result = evaluateDetector(labelled.items);
console.log(`Labelled set: ${result.sentences} sentences, ${labelled.items.filter((i) => i.ids.length > 0).length} with identifiers`);
console.log(`overall   precision ${pct(result.overall.precision)}  recall ${pct(result.overall.recall)}  `
  + `(tp ${result.overall.truePositives}, fp ${result.overall.falsePositives}, fn ${result.overall.falseNegatives})`);
for (const k of result.byKind) {
  console.log(`${k.kind.padEnd(9)} precision ${pct(k.precision).padStart(6)}  recall ${pct(k.recall).padStart(6)}  `
    + `(tp ${k.truePositives}, fp ${k.falsePositives}, fn ${k.falseNegatives})`);
}
for (const m of result.mistakes) console.log(`  ${m.type}: ${m.kind} '${m.span}' in: ${m.text}`);

const vault = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'examples', 'vault'));
const files = markdownFiles(vault);
let hits = 0;
for (const file of files) {
  const lines = fs.readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
  for (const id of findPatientIdentifiers(lines)) {
    hits++;
    console.log(`  vault hit: ${path.relative(vault, file)}:${id.range.start.line + 1} ${id.kind}`);
  }
}
console.log(`Sample vault ${path.relative(process.cwd(), vault) || '.'}: ${files.length} notes, ${hits} findings`);
