import * as path from 'path';
import { UsageError, parseArgs } from '../args';
import type { CliIO, Command } from '../io';
import { todayArg } from '../vaultLoader';
import type { CalendarDate } from '../../core/dates';
import type { Guarded } from '../../node/vaultFiles';
import { copySampleVault, createEmptyVault, initRefusal, type InitResult } from '../../node/vaultInit';

/**
 * `rapport init DIR`: a new vault. Without `--sample` an empty one (folders, a profile to
 * fill, a .gitignore, a README); with `--sample` a copy of the sample vault whose story is
 * moved to `--today` (default: today), so that it reads as it should on that day. It never
 * overwrites a file; it refuses a folder that holds something else.
 */
export const initCommand: Command = {
  name: 'init',
  summary: 'Create a vault: empty, or the sample with its dates moved to today',
  usage: 'rapport init DIR [--sample] [--today YYYY-MM-DD]',
  run(argv, io) {
    const args = parseArgs(argv, { values: ['today'], switches: ['sample'] });
    if (args.positionals.length !== 1) throw new UsageError('name one folder for the new vault');
    const dir = path.resolve(io.cwd, args.positionals[0]);
    const sample = args.flags.get('sample') === true;
    const today = todayArg(args, io);
    // The sample goes only into an empty folder: mixed into a vault, its people would pass for yours.
    const refusal = initRefusal(dir, { allowVault: !sample });
    if (refusal) {
      io.err(`rapport init: ${refusal}; ${sample ? 'the sample needs an empty folder' : 'choose an empty folder or an existing vault'}. Nothing was written.\n`);
      return 1;
    }
    const made: Guarded<InitResult & { storyDay?: CalendarDate }> = sample ? copySampleVault(dir, today) : createEmptyVault(dir);
    if (!made.ok) {
      io.err(`rapport init: ${made.reason}. Nothing was written.\n`);
      return 1;
    }
    report(io, made.value);
    if (made.value.storyDay !== undefined) {
      io.out(`Sample vault in ${dir}: its story (told on ${made.value.storyDay}) now happens on ${today}. Try: rapport agenda ${quoted(dir)} --today ${today}\n`);
    } else {
      io.out(`Vault in ${dir}. Fill in profile.md, then add people to contacts/.\n`);
    }
    return 0;
  },
};

function report(io: CliIO, r: InitResult): void {
  const files = r.created.filter((p) => !p.endsWith('/')).length;
  io.out(`created ${files} file${files === 1 ? '' : 's'}${r.kept.length ? `; kept what was already there: ${r.kept.join(', ')}` : ''}\n`);
}

function quoted(dir: string): string {
  return /^[\w./-]+$/.test(dir) ? dir : JSON.stringify(dir);
}
