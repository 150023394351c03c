import { isCalendarDate } from '../../core/dates';
import { snoozeDate, snoozeEdit } from '../../core/resolutions';
import { UsageError, flag, parseArgs } from '../args';
import type { Command } from '../io';
import { editNote, noteTarget } from '../noteEdit';
import { todayArg } from '../vaultLoader';

export const snoozeCommand: Command = {
  name: 'snooze',
  summary: 'Silence a contact\'s reminders for some days or until a date (snooze_until)',
  usage: 'rapport snooze NOTE (--days N | --until YYYY-MM-DD) [--vault VAULT] [--today YYYY-MM-DD]',
  run(argv, io) {
    const args = parseArgs(argv, { values: ['days', 'until', 'vault', 'today'] });
    const [note, extra] = args.positionals;
    if (note === undefined) throw new UsageError('which note? give its file');
    if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
    const days = flag(args, 'days');
    const until = flag(args, 'until');
    if ((days === undefined) === (until === undefined)) throw new UsageError('give either --days N or --until YYYY-MM-DD');
    let date: string;
    if (days !== undefined) {
      if (!/^\d{1,4}$/.test(days) || Number(days) < 1) throw new UsageError(`--days must be a whole number of days from 1 to 9999, not '${days}'`);
      date = snoozeDate(todayArg(args, io), Number(days));
    } else {
      if (!isCalendarDate(until!)) throw new UsageError(`--until must be a date as YYYY-MM-DD, not '${until}'`);
      date = until!;
    }
    return editNote(noteTarget(note, flag(args, 'vault'), io), (t) => snoozeEdit(t, date), io, `snoozed until ${date}`);
  },
};
