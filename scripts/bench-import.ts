/**
 * Import benchmark: generates a 10,000-row LinkedIn Connections.csv (and a vCard file
 * of the same people) and times reading and planning, into an empty vault and into
 * one that already holds 2,000 of them. Run with `npx tsx scripts/bench-import.ts`
 * or bundle it with esbuild as scripts/bench.js does. Prints milliseconds.
 */
import { performance } from 'perf_hooks';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { planImport, readImport } from '../src/core/import';
import { parseCsv } from '../src/core/import/csv';
import { cardTexts, parseVCards } from '../src/core/import/vcard';
import { Vault } from '../src/core/vault';
import { MemoryFs } from '../src/core/vaultFs';

const ROWS = Number(process.env.RAPPORT_BENCH_IMPORT_ROWS ?? 10_000);
const TODAY = '2026-01-05';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const POSITIONS = ['Assistant Professor of Surgery', 'Resident Physician, PGY-3', 'Program Director', 'Medical Student', 'Research Scientist', 'Program Coordinator', 'Chief of Plastic Surgery', 'Software Engineer'];

function linkedInCsv(rows: number): string {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < rows; i++) {
    const date = `${(i % 28) + 1} ${MONTHS[i % 12]} ${2015 + (i % 11)}`;
    lines.push(`Person${i},"Müller-${i}, MD",https://www.linkedin.com/in/person-${i},${i % 3 === 0 ? `p${i}@example.org` : ''},"Hospital ${i % 97}, Inc.","${POSITIONS[i % POSITIONS.length]}",${date}`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function vcards(rows: number): string {
  const out: string[] = [];
  for (let i = 0; i < rows; i++) {
    out.push('BEGIN:VCARD', 'VERSION:3.0', `FN:Person${i} Müller-${i}`, `N:Müller-${i};Person${i};;;`, `ORG:Hospital ${i % 97};Surgery`,
      `TITLE:${POSITIONS[i % POSITIONS.length]}`, `EMAIL;TYPE=INTERNET:p${i}@example.org`, 'NOTE:Met at a meeting\\, talked about research and a long note that', ' is folded onto a second line.', 'END:VCARD');
  }
  return out.join('\r\n') + '\r\n';
}

async function vaultWith(existing: number): Promise<Vault> {
  const files: Record<string, string> = {};
  for (let i = 0; i < existing; i++) files[`contacts/existing-${i}.md`] = `---\nname: Person${i * 5} Müller-${i * 5}, MD\nemail: p${i * 5}@example.org\n---\n`;
  const vault = new Vault(new MemoryFs(files), { yieldToHost: () => Promise.resolve() });
  await vault.scan();
  return vault;
}

async function time(label: string, fileName: string, text: string, existing: number): Promise<void> {
  const vault = await vaultWith(existing);
  // One untimed pass so the figures are of warm code, as in a running editor.
  const warm = readImport(fileName, text);
  if (warm.ok) planImport(warm.parsed.people, vault, TODAY);
  const t0 = performance.now();
  const read = readImport(fileName, text);
  const t1 = performance.now();
  if (!read.ok) throw new Error(read.message);
  const plan = planImport(read.parsed.people, vault, TODAY, { issues: read.parsed.issues });
  const t2 = performance.now();
  console.log(`${label.padEnd(44)} parse ${(t1 - t0).toFixed(0).padStart(5)} ms  plan ${(t2 - t1).toFixed(0).padStart(5)} ms  total ${(t2 - t0).toFixed(0).padStart(5)} ms  (${plan.create.length} new, ${plan.existing.length} existing, ${plan.skipped.length} skipped)`);
}

/** Median of five warm runs, in ms. */
function median(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[2];
}

/** The hand-written readers against the libraries they stand in for, and adversarial inputs. */
function againstLibraries(csv: string, vcf: string): void {
  const ours = median(() => parseCsv(csv));
  const papa = median(() => Papa.parse(csv, { delimiter: ',', skipEmptyLines: 'greedy' }));
  console.log(`CSV reader vs papaparse (same text)            ours ${ours.toFixed(0).padStart(5)} ms  papaparse ${papa.toFixed(0).padStart(5)} ms`);
  const vcf4 = vcf.replace(/VERSION:3\.0/g, 'VERSION:4.0');
  const oursV = median(() => cardTexts(vcf4));
  const ical = median(() => ICAL.parse(vcf4));
  console.log(`vCard reader vs ical.js (same cards)           ours ${oursV.toFixed(0).padStart(5)} ms  ical.js   ${ical.toFixed(0).padStart(5)} ms`);
  const spaces = `Name,Notes\r\nAnn Lee,"x${' '.repeat(100_000)}y"\r\n`;
  console.log(`adversarial: a 100 KB CSV cell of spaces       ${median(() => readImport('x.csv', spaces)).toFixed(0).padStart(5)} ms`);
  const folds = `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nNOTE:x${'\r\n y'.repeat(40_000)}\r\nEND:VCARD\r\n`;
  console.log(`adversarial: a vCard with 40,000 folded lines  ${median(() => parseVCards(folds)).toFixed(0).padStart(5)} ms`);
}

async function main(): Promise<void> {
  const csv = linkedInCsv(ROWS);
  const vcf = vcards(ROWS);
  console.log(`Import benchmark · node ${process.version} · ${ROWS.toLocaleString('en-US')} rows (${(csv.length / 1024 / 1024).toFixed(1)} MB CSV, ${(vcf.length / 1024 / 1024).toFixed(1)} MB vCard)`);
  await time('LinkedIn CSV into an empty vault', 'Connections.csv', csv, 0);
  await time('LinkedIn CSV into a vault of 2,000 contacts', 'Connections.csv', csv, 2000);
  await time('vCard into an empty vault', 'contacts.vcf', vcf, 0);
  againstLibraries(csv, vcf);
  const namesakes = Array.from({ length: 3000 }, (_, i) => `Alexandria,"Konstantinopoulou-Vasilakopoulou Papadimitriou",https://www.linkedin.com/in/a-${i},,Hospital ${i},Resident,01 Jan 2020`);
  await time('adversarial: 3,000 namesakes, long shared slug', 'Connections.csv', ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...namesakes].join('\r\n'), 0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
