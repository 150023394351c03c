import { buildAgenda, formatAgenda } from '../../core/agenda';
import { UsageError, flag, oneOf, parseArgs, type ParsedArgs } from '../args';
import type { Command } from '../io';
import { todayArg, withVault } from '../vaultLoader';

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
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['today', 'days', 'format'], switches: ['cache'] });
    const format = oneOf(args, 'format', ['text', 'json'] as const, 'text');
    const today = todayArg(args, io);
    const days = daysArg(args, 7);
    if (args.positionals.length > 1) throw new UsageError('one vault at a time');
    return withVault(args.positionals[0], io, args.flags.has('cache'), ['agenda', ...argv], async ({ vault, settings }, io) => {
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
