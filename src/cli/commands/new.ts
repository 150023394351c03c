import * as fs from 'fs';
import * as path from 'path';
import { safeNoteFileName } from '../../core/fileNames';
import { isCalendarDate } from '../../core/dates';
import { newContactNote } from '../../core/newContact';
import { parsePastDate } from '../../core/pastDate';
import { ROLES } from '../../core/types';
import { loadTemplates } from '../../node/templateLoader';
import { VaultFiles } from '../../node/vaultFiles';
import { UsageError, flag, parseArgs } from '../args';
import type { Command } from '../io';
import { loadVault, todayArg, vaultFilesAt, vaultRoot } from '../vaultLoader';

/** Names already in the folder, lower-cased (a missing folder has none; a folder out of the vault is refused when writing). */
function takenNames(files: VaultFiles, folder: string): Set<string> {
  try {
    return new Set(fs.readdirSync(path.join(files.root, folder)).map((n) => `${folder}/${n}`.toLowerCase()));
  } catch {
    return new Set();
  }
}

export const newCommand: Command = {
  name: 'new',
  summary: 'Create a contact note (from the vault\'s templates/contact.md if there is one), never over a file',
  usage: 'rapport new NAME [--role ROLE] [--institution TEXT] [--position TEXT] [--met-at EVENT] [--met DATE] [--topics "A, B"]'
    + ` [--promise TEXT [--promise-date YYYY-MM-DD]] [--no-log] [--vault VAULT] [--today YYYY-MM-DD]   (ROLE: ${ROLES.join(', ')}; DATE: YYYY-MM-DD, today, yesterday or "N days ago")`,
  async run(argv, io) {
    const args = parseArgs(argv, {
      values: ['role', 'institution', 'position', 'met-at', 'met', 'topics', 'promise', 'promise-date', 'vault', 'today'],
      switches: ['no-log'],
    });
    const [name, extra] = args.positionals;
    if (name === undefined || name.trim() === '') throw new UsageError('give the contact\'s name');
    if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}' (quote a name with spaces)`);
    if (name.length > 200) throw new UsageError('that name is too long (200 characters at most)');
    const role = flag(args, 'role');
    if (role !== undefined && !(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    const institution = flag(args, 'institution');
    const today = todayArg(args, io);
    const metAt = flag(args, 'met-at')?.trim() || null;
    const metGiven = flag(args, 'met');
    let met: string | null = null;
    if (metGiven !== undefined) {
      const parsed = parsePastDate(metGiven, today);
      if (!parsed.ok) throw new UsageError(`--met: ${parsed.reason}`);
      met = parsed.date;
    } else if (metAt !== null) met = today; // jotted down right after the conversation, as the guide says
    const promise = flag(args, 'promise')?.trim() || null;
    const promiseDue = flag(args, 'promise-date') ?? null;
    if (promiseDue !== null && !isCalendarDate(promiseDue)) throw new UsageError(`--promise-date must be a date as YYYY-MM-DD, not '${promiseDue}'`);
    if (promiseDue !== null && promise === null) throw new UsageError('--promise-date needs --promise (what you promised)');
    const root = vaultRoot(flag(args, 'vault'), io);
    const files = vaultFilesAt(root);
    const loaded = loadTemplates(files.root);
    // met_at becomes a [[link]] only when it names a note of the vault (as in the editor): no unresolved links.
    const event = metAt === null ? undefined : (await loadVault(files.root, io)).vault.resolve(metAt);
    const result = newContactNote({
      name, role: role ?? null, institution: institution ?? null, today, position: flag(args, 'position') ?? null,
      metAt, linkMetAt: event !== undefined, met, topics: flag(args, 'topics') ?? null,
      promise, promiseDue, logMeeting: args.flags.get('no-log') !== true,
    }, loaded.contactTemplate);
    const taken = takenNames(files, 'contacts');
    const rel = safeNoteFileName(name, (p) => taken.has(p));
    const created = files.create(rel, result.text);
    if (!created.ok) {
      io.err(`rapport: refused: ${created.reason}\n`);
      return 1;
    }
    for (const p of result.problems) io.err(`rapport: warning: templates/contact.md was not used: ${p}\n`);
    io.out(`${rel}\n`);
    return 0;
  },
};
