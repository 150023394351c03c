import * as path from 'path';
import {
  FORMAT_LABELS, parseMappingSpec, planImport, readImport,
  type ColumnMapping, type ImportPlan, type ImportedPerson, type MappingField,
} from '../../core/import';
import { loadRememberedMapping, readImportFile, rememberMapping, writePlannedNotes, type WriteResult } from '../../node/importFile';
import { UsageError, flag, parseCommandArgs } from '../args';
import { plural } from '../plural';
import type { CliIO, Command } from '../io';
import { visibleLine } from '../../core/terminalText';
import { loadVault, todayArg } from '../vaultLoader';

/** Text from the file or the vault shown in a terminal: control characters as visible escapes (an ESC could repaint the screen). */
const printable = visibleLine;

function mappingText(mapping: ColumnMapping): string {
  return Object.entries(mapping).map(([field, header]) => `${field}=${printable(header ?? '')}`).join(', ');
}

function previewText(plan: ImportPlan): string[] {
  const out: string[] = [];
  const planned = new Set(plan.create.map((c) => c.path));
  const namesakes = plan.create.filter((c) => c.sameNameAs.length > 0).length;
  out.push(`${plural(plan.create.length, 'new contact')}${namesakes > 0 ? ` (${namesakes} with the same name as an existing contact)` : ''}, ${plan.existing.length} already in the vault, ${plan.skipped.length} skipped`);
  if (plan.create.length > 0) {
    out.push('', `New (${plan.create.length}):`);
    for (const c of plan.create) {
      const p = c.person;
      const what = [p.position, p.institution].filter(Boolean).join(', ');
      const role = c.role.from === null ? `role ${c.role.role} (no position to guess from)` : `role ${c.role.role} (guessed)`;
      const credentials = p.credentials ? ` (${p.credentials})` : '';
      out.push(printable(`  ${c.path}  ${p.honorific ? `${p.honorific} ` : ''}${p.name}${credentials}${what ? ` — ${what}` : ''}; ${role}`));
      if (c.sameNameAs.length > 0) {
        out.push(printable(`      same name as an existing contact: ${c.sameNameAs.join(', ')} (a different email, profile or institution; merge by hand if it is the same person)`));
      }
      for (const w of p.warnings) out.push(printable(`      note: line ${p.line}: ${w}`));
    }
  }
  if (plan.existing.length > 0) {
    out.push('', `Already in the vault (${plan.existing.length}), left as they are:`);
    for (const e of plan.existing) {
      const where = planned.has(e.matchedPath) ? `${e.matchedPath}, earlier in this file` : e.matchedPath;
      out.push(printable(`  line ${e.person.line}  ${e.person.name} → ${where} (${e.reason})`));
    }
  }
  if (plan.skipped.length > 0) {
    out.push('', `Skipped (${plan.skipped.length}):`);
    for (const s of plan.skipped) out.push(printable(`  line ${s.line}  ${s.kind === 'undecodable' ? 'undecodable: ' : ''}${s.reason}`));
  }
  return out;
}

/** Everything read about a person, for `--format json` (documented in the README; keys are never renamed). */
function personJson(p: ImportedPerson) {
  return {
    line: p.line,
    name: p.name,
    title: p.honorific,
    nameParts: { given: p.nameParts.given, additional: p.nameParts.additional, family: p.nameParts.family },
    credentials: p.credentials,
    emails: p.emails,
    phones: p.phones,
    institution: p.institution,
    department: p.department,
    position: p.position,
    linkedin: p.linkedin,
    urls: p.urls,
    met: p.met,
    warnings: p.warnings,
  };
}

/** `rapport.import/2`: the plan, every person read (in file order) and every row or card skipped, with why. */
function planJson(plan: ImportPlan): Record<string, unknown> {
  const planned = new Set(plan.create.map((c) => c.path));
  const create = plan.create.map((c) => ({
    ...personJson(c.person),
    path: c.path,
    email: c.person.emails[0] ?? null,
    role: c.role.role,
    roleGuessedFrom: c.role.from,
    sameNameAs: c.sameNameAs,
  }));
  const existing = plan.existing.map((e) => ({
    ...personJson(e.person),
    matchedPath: e.matchedPath, reason: e.reason, earlierInFile: planned.has(e.matchedPath),
  }));
  const people = [
    ...create.map((c) => ({ status: c.sameNameAs.length > 0 ? 'new-same-name' : 'new', ...c })),
    ...existing.map((e) => ({ status: 'existing', ...e })),
  ].sort((a, b) => a.line - b.line);
  const skipped = plan.skipped.map((s) => ({ line: s.line, kind: s.kind ?? 'unreadable', reason: s.reason }));
  return {
    counts: {
      new: plan.create.length,
      sameName: plan.create.filter((c) => c.sameNameAs.length > 0).length,
      existing: plan.existing.length,
      skipped: plan.skipped.length,
      undecodable: skipped.filter((s) => s.kind === 'undecodable').length,
    },
    people,
    create,
    existing,
    skipped,
  };
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Import contacts from LinkedIn (Connections.csv), a .vcf, or a CSV; previews, never overwrites',
  usage: 'rapport import FILE [--vault V] [--dry-run] [--format text|json] [--map "name=Full Name,email=E-mail,..."] [--today YYYY-MM-DD]',
  options: {
    vault: { value: 'VAULT', needs: 'a folder', help: 'The vault to import into (default: the current folder\'s)' },
    'dry-run': { help: 'Show what would be created; write nothing' },
    map: { value: 'FIELD=COLUMN,...', needs: 'a column mapping', help: 'Which CSV column holds which field (generic CSV files)' },
  },
  exit1: 'nothing could be read from the file, or a note could not be written',
  async run(argv, io: CliIO) {
    const { args, format } = parseCommandArgs(argv, this);
    const dryRun = args.flags.get('dry-run') === true;
    const today = todayArg(args, io);
    if (args.positionals.length !== 1) throw new UsageError(args.positionals.length === 0 ? 'give the FILE to import' : 'give one FILE to import');
    const mapSpec = flag(args, 'map');
    let override: Partial<Record<MappingField, string | null>> | null = null;
    if (mapSpec !== undefined) {
      const parsed = parseMappingSpec(mapSpec);
      if (parsed.errors.length > 0) throw new UsageError(`--map: ${parsed.errors.join('; ')}`);
      override = parsed.mapping;
    }

    const file = path.resolve(io.cwd, args.positionals[0]);
    const shownFile = printable(args.positionals[0]);
    const read = readImportFile(file);
    switch (read.kind) {
      case 'text': break;
      case 'missing': io.err(`rapport import: no file at ${shownFile}\n`); return 2;
      case 'not-a-file': io.err(`rapport import: ${shownFile} is not a file\n`); return 2;
      case 'too-large': io.err(`rapport import: ${shownFile} is ${read.size} bytes; the limit is ${read.limit}\n`); return 2;
      case 'binary': io.err(`rapport import: ${shownFile} is binary, not a CSV or vCard file\n`); return 2;
      case 'error': io.err(`rapport import: ${shownFile} could not be read: ${read.message}\n`); return 2;
    }
    const { vault, root } = await loadVault(flag(args, 'vault'), io);
    const notices: string[] = [];
    const remembered = loadRememberedMapping(root);

    const result = readImport(path.basename(file), read.text, { bytes: read.bytes, remembered: remembered.mapping, override });
    if (!result.ok) {
      io.err(`rapport import: ${shownFile}: ${printable(result.message)}\n`);
      if (result.headers) io.err(`columns: ${result.headers.map(printable).join(', ')}\n`);
      return result.error === 'empty' ? 1 : 2;
    }
    // A vCard decides its character set card by card; a CSV has one for the whole file.
    if (read.encoding === 'windows-1252' && result.format !== 'vcard') notices.push(`${shownFile} is not UTF-8; it was read as Windows-1252`);
    if (mapSpec !== undefined && result.format !== 'csv') notices.push(`--map is for generic CSV files; ignored for ${FORMAT_LABELS[result.format]}`);
    if (remembered.warning && result.format === 'csv') notices.push(`remembered column mapping not read: ${remembered.warning}`);

    const plan = planImport(result.parsed.people, vault, today, { issues: result.parsed.issues });
    const nothing = result.parsed.people.length === 0;
    let write: WriteResult | null = null;
    let mappingSaved: string | null = null;
    const header = `Importing ${shownFile} (${FORMAT_LABELS[result.format]}) into ${printable(root)}, today ${today}`;

    if (format === 'text') {
      io.out(`${header}\n`);
      if (result.mapping) io.out(`Columns: ${mappingText(result.mapping)}\n`);
      io.out(previewText(plan).join('\n') + '\n');
    }
    if (!dryRun && !nothing) {
      write = writePlannedNotes(root, plan.create);
      if (result.mapping) {
        const saved = rememberMapping(root, result.mapping);
        mappingSaved = saved.ok ? 'remembered in .rapport.json' : `not remembered: ${saved.reason}`;
        if (!saved.ok) notices.push(`column mapping ${mappingSaved}`);
      }
    }

    if (format === 'json') {
      io.out(JSON.stringify({
        schema: 'rapport.import/2',
        file: args.positionals[0], format: result.format, encoding: result.format === 'vcard' ? 'per card' : read.encoding, vault: root, today, dryRun,
        mapping: result.mapping, ...planJson(plan),
        ...(write ? { written: write.written, failed: write.failed } : {}),
        notices,
      }, null, 2) + '\n');
    } else {
      const tail: string[] = [''];
      if (nothing) tail.push(`Nothing could be read from ${shownFile}; no notes were written.`);
      else if (dryRun) tail.push(`Dry run: nothing was written. Run again without --dry-run to create ${plural(plan.create.length, 'note')}.`);
      else if (write) {
        tail.push(`Created ${plural(write.written.length, 'note')}.`);
        if (write.failed.length > 0) {
          tail.push(`Not written (${write.failed.length}):`);
          for (const f of write.failed) tail.push(printable(`  ${f.path}  ${f.reason}`));
        }
        if (mappingSaved && !mappingSaved.startsWith('not')) tail.push(`Column mapping ${mappingSaved}.`);
        if (write.written.length > 0) tail.push('Roles were guessed from positions: check `role` in each new note (marked role_guessed: true).');
      }
      for (const n of notices) tail.push(printable(`Note: ${n}`));
      io.out(tail.join('\n') + '\n');
    }
    if (nothing) return 1;
    return write && write.failed.length > 0 ? 1 : 0;
  },
};
