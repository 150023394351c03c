import { setFrontmatterField } from '../../core/edits';
import { UsageError, flag, parseArgs } from '../args';
import type { Command } from '../io';
import { editNote, noteTarget } from '../noteEdit';

export const dormantCommand: Command = {
  name: 'dormant',
  summary: 'Set a contact dormant (status: dormant), which silences its reminders',
  usage: 'rapport dormant NOTE [--vault VAULT]',
  run(argv, io) {
    const args = parseArgs(argv, { values: ['vault'] });
    const [note, extra] = args.positionals;
    if (note === undefined) throw new UsageError('which note? give its file');
    if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
    return editNote(noteTarget(note, flag(args, 'vault'), io), (t) => setFrontmatterField(t, 'status', 'dormant'), io, 'status dormant');
  },
};
