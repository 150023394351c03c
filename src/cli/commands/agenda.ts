import { buildAgenda, formatAgenda } from '../../core/agenda';
import { UsageError, flag, parseCommandArgs, type ParsedArgs } from '../args';
import type { Command } from '../io';
import { todayArg, vaultArg, withVault } from '../vaultLoader';

/** `--days N`: a whole number of days ahead, within reason. */
export function daysArg(args: ParsedArgs, fallback: number): number {
  const given = flag(args, 'days');
  if (given === undefined) return fallback;
  if (!/^\d{1,4}$/.test(given) || Number(given) > 3660) throw new UsageError(`--days must be a whole number from 0 to 3660, not '${given}'`);
  return Number(given);
}

export const agendaCommand: Command = {
  name: 'agenda',
  summary: 'What to do: overdue, today and the next days, with the email template that fits',
  usage: 'rapport agenda [VAULT] [--today YYYY-MM-DD] [--days N] [--format text|json] [--cache]',
  options: { cache: { help: 'Reuse the index cache in your cache folder (never inside the vault); the output is the same' }, days: { value: 'N', needs: 'a number of days', help: 'How many days ahead to list (default 7)' } },
  async run(argv, io) {
    const { args, format } = parseCommandArgs(argv, this);
    const today = todayArg(args, io);
    const days = daysArg(args, 7);
    return withVault(vaultArg(args), io, args.flags.has('cache'), ['agenda', ...argv], ({ vault, settings }, io) => {
      const agenda = buildAgenda(vault, today, settings, days);
      if (format === 'json') {
        io.out(JSON.stringify(agenda, null, 2) + '\n');
      } else {
        io.out(formatAgenda(agenda));
      }
      return 0;
    });
  },
};
