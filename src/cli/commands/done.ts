import { canMarkDone, markDoneEdit } from '../../core/resolutions';
import { evaluateNote } from '../../core/rules';
import { parseNote } from '../../core/parseNote';
import { UsageError, flag, parseArgs } from '../args';
import type { Command } from '../io';
import { editNote, noteTarget } from '../noteEdit';
import { loadVault, todayArg } from '../vaultLoader';

export const doneCommand: Command = {
  name: 'done',
  summary: 'Mark a note\'s most pressing follow-up done (tick its task, clear its date or log the answer)',
  usage: 'rapport done NOTE [--vault VAULT] [--today YYYY-MM-DD]',
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['vault', 'today'] });
    const [note, extra] = args.positionals;
    if (note === undefined) throw new UsageError('which note? give its file');
    if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
    const today = todayArg(args, io);
    const target = noteTarget(note, flag(args, 'vault'), io);
    const { vault, settings } = await loadVault(target.files.root, io);
    let action = 'follow-up marked done';
    return editNote(target, (text) => {
      // The rules see the note as it is on disk now, in the context of the whole vault.
      const follow = evaluateNote(vault, parseNote(target.rel, text), today, settings)
        .filter((f) => canMarkDone(f.code))
        .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
      const first = follow[0];
      if (first === undefined) return { ok: false, reason: 'there is no open follow-up to mark done' };
      action = `marked done: ${first.action} (${first.code}, due ${first.due})`;
      return markDoneEdit(text, target.rel, first, today);
    }, io, () => action);
  },
};
