import { interactionKind } from '../../core/body';
import { isCalendarDate } from '../../core/dates';
import { appendInteraction } from '../../core/edits';
import { INTERACTION_KINDS } from '../../core/types';
import { UsageError, flag, parseArgs } from '../args';
import type { Command } from '../io';
import { editNote, noteTarget } from '../noteEdit';
import { todayArg } from '../vaultLoader';

export const logCommand: Command = {
  name: 'log',
  summary: 'Log an interaction in a note (as the quick fix does); exit 1 when refused',
  usage: `rapport log NOTE KIND [TEXT] [--date YYYY-MM-DD] [--vault VAULT] [--today YYYY-MM-DD]   (KIND: ${INTERACTION_KINDS.join(', ')})`,
  run(argv, io) {
    const args = parseArgs(argv, { values: ['date', 'vault', 'today'] });
    const [note, kindWord, text, extra] = args.positionals;
    if (note === undefined || kindWord === undefined) throw new UsageError('give the note and the kind of interaction');
    if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}' (quote the text)`);
    const kind = interactionKind(kindWord);
    if (kind === undefined) throw new UsageError(`'${kindWord}' is not a kind of interaction (${INTERACTION_KINDS.join(', ')})`);
    const date = flag(args, 'date') ?? todayArg(args, io);
    if (!isCalendarDate(date)) throw new UsageError(`--date must be a date as YYYY-MM-DD, not '${date}'`);
    const target = noteTarget(note, flag(args, 'vault'), io);
    return editNote(target, (t) => appendInteraction(t, date, kind, text ?? ''), io, `logged ${date} ${kind}`);
  },
};
