import { interactionKind } from '../../core/body';
import { appendInteraction, applyEdits } from '../../core/edits';
import { logInteractionInNotes } from '../../core/logMany';
import { parsePastDate } from '../../core/pastDate';
import { INTERACTION_KINDS, type InteractionKind } from '../../core/types';
import { UsageError, flag, parseArgs } from '../args';
import type { CliIO, Command } from '../io';
import { editNote, noteTarget, readNoteText, type NoteTarget } from '../noteEdit';
import { todayArg } from '../vaultLoader';

export const logCommand: Command = {
  name: 'log',
  summary: 'Log an interaction in one note or several at once (as the quick fix does); exit 1 when refused',
  usage: `rapport log NOTE... KIND [TEXT] [--date DATE] [--vault VAULT] [--today YYYY-MM-DD]   (KIND: ${INTERACTION_KINDS.join(', ')}; DATE: YYYY-MM-DD, today, yesterday or "N days ago")`,
  run(argv, io) {
    const args = parseArgs(argv, { values: ['date', 'vault', 'today'] });
    // Notes are .md paths and no kind ends in .md: the first word that is not a note is the kind.
    const positionals = args.positionals;
    let k = 0;
    while (k < positionals.length && /\.md$/i.test(positionals[k])) k++;
    const notes = positionals.slice(0, k);
    const [kindWord, text, extra] = positionals.slice(k);
    if (notes.length === 0 || kindWord === undefined) throw new UsageError('give the note (a .md path) or notes, then the kind of interaction');
    if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}' (quote the text)`);
    const kind = interactionKind(kindWord);
    if (kind === undefined) throw new UsageError(`'${kindWord}' is not a kind of interaction (${INTERACTION_KINDS.join(', ')})`);
    const today = todayArg(args, io);
    const date = parsePastDate(flag(args, 'date') ?? today, today);
    if (!date.ok) throw new UsageError(`--date: ${date.reason}`);
    const targets = notes.map((n) => noteTarget(n, flag(args, 'vault'), io));
    if (targets.length === 1) return editNote(targets[0], (t) => appendInteraction(t, date.date, kind, text ?? ''), io, `logged ${date.date} ${kind}`);
    return logInSeveral(targets, date.date, kind, text ?? '', io);
  },
};

/**
 * All or none, as in the editor: every note is read and its edit computed first; when
 * any is refused, each refusal is printed and no note is written.
 */
function logInSeveral(targets: NoteTarget[], date: string, kind: InteractionKind, text: string, io: CliIO): number {
  const byKey = new Map<string, NoteTarget>();
  for (const t of targets) byKey.set(`${t.files.root}\0${t.rel}`, t);
  const read: { key: string; target: NoteTarget; text: string }[] = [];
  const unreadable: string[] = [];
  for (const [key, target] of byKey) {
    const r = readNoteText(target);
    if (r.ok) read.push({ key, target, text: r.text });
    else unreadable.push(`${target.rel}: ${r.reason}`);
  }
  const result = logInteractionInNotes(read.map((r) => ({ path: r.key, text: r.text })), date, kind, text);
  const refusals = [...unreadable, ...(result.ok ? [] : result.refused.map((f) => `${byKey.get(f.path)!.rel}: ${f.reason}`))];
  if (refusals.length > 0 || !result.ok) {
    for (const r of refusals) io.err(`rapport: refused: ${r}\n`);
    io.err(`rapport: nothing logged: ${refusals.length} of ${byKey.size} notes refused (fix ${refusals.length === 1 ? 'it' : 'them'}, then log again)\n`);
    return 1;
  }
  let failed = 0;
  for (const { path, edits } of result.edits) {
    const r = read.find((x) => x.key === path)!;
    const written = r.target.files.rewrite(r.target.rel, applyEdits(r.text, edits));
    if (written.ok) io.out(`${r.target.rel}: logged ${date} ${kind}\n`);
    else {
      failed++;
      io.err(`rapport: not written: ${r.target.rel}: ${written.reason}\n`);
    }
  }
  return failed === 0 ? 0 : 1;
}
