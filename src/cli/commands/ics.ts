import * as fs from 'fs';
import * as path from 'path';
import { agendaItems, buildAgenda } from '../../core/agenda';
import { toICalendar } from '../../core/ics';
import { UsageError, flag, parseCommandArgs, type ParsedArgs } from '../args';
import type { CliIO, Command } from '../io';
import { loadVault, todayArg, vaultArg } from '../vaultLoader';
import { plural } from '../plural';
import { daysArg } from './agenda';

/**
 * Writes a file next to its final name, then renames it over: a calendar app
 * polling the file never reads half of it.
 */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, text);
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Where `-o` points, checked before any work: a folder or a missing parent folder is a usage error. */
export function outputPath(args: ParsedArgs, io: CliIO): string | null {
  const given = flag(args, 'output');
  if (given === undefined || given === '-') return null;
  const file = path.resolve(io.cwd, given);
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(file);
  } catch {
    st = undefined;
  }
  if (st?.isDirectory()) throw new UsageError(`-o ${given} is a folder; give a file name such as rapport.ics`);
  if (!fs.existsSync(path.dirname(file))) throw new UsageError(`-o ${given}: the folder ${path.dirname(file)} does not exist`);
  return file;
}

export const icsCommand: Command = {
  name: 'ics',
  summary: 'Export follow-ups as an iCalendar (.ics) file with a 9:00 reminder on each due day (overdue ones on today)',
  usage: 'rapport ics [VAULT] [--today YYYY-MM-DD] [--days N] [-o FILE]',
  options: {
    days: { value: 'N', needs: 'a number of days', help: 'How many days ahead to export (default 30)' },
    output: { value: 'FILE', needs: 'a file name', short: 'o', help: 'Write the calendar to FILE (atomically) instead of printing it; - prints' },
  },
  formats: ['ics'],
  // toICalendar escapes every control character itself; bidi marks and emoji in names stay as they are.
  documentOutput: true,
  async run(argv, io) {
    const { args } = parseCommandArgs(argv, this);
    const today = todayArg(args, io);
    const days = daysArg(args, 30);
    const dir = vaultArg(args);
    const file = outputPath(args, io);
    const { vault, settings } = await loadVault(dir, io);
    const items = agendaItems(buildAgenda(vault, today, settings, days));
    const text = toICalendar(items, { today });
    if (file === null) {
      io.out(text);
    } else {
      writeFileAtomic(file, text);
      io.err(`rapport: wrote ${plural(items.length, 'event')} to ${path.relative(io.cwd, file) || file}\n`);
    }
    return 0;
  },
};
