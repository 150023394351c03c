import * as fs from 'fs';
import * as path from 'path';
import { safeNoteFileName } from '../../core/fileNames';
import { newContactNote } from '../../core/newContact';
import { ROLES } from '../../core/types';
import { loadTemplates } from '../../node/templateLoader';
import { VaultFiles } from '../../node/vaultFiles';
import { UsageError, flag, parseArgs } from '../args';
import type { Command } from '../io';
import { todayArg, vaultRoot } from '../vaultLoader';

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
  usage: `rapport new NAME [--role ROLE] [--institution TEXT] [--vault VAULT] [--today YYYY-MM-DD]   (ROLE: ${ROLES.join(', ')})`,
  run(argv, io) {
    const args = parseArgs(argv, { values: ['role', 'institution', 'vault', 'today'] });
    const [name, extra] = args.positionals;
    if (name === undefined || name.trim() === '') throw new UsageError('give the contact\'s name');
    if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}' (quote a name with spaces)`);
    if (name.length > 200) throw new UsageError('that name is too long (200 characters at most)');
    const role = flag(args, 'role');
    if (role !== undefined && !(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    const institution = flag(args, 'institution');
    const today = todayArg(args, io);
    const root = vaultRoot(flag(args, 'vault'), io);
    let files: VaultFiles;
    try {
      if (!fs.statSync(root).isDirectory()) throw new Error('not a folder');
      files = new VaultFiles(root);
    } catch {
      throw new UsageError(`no vault at ${root}`);
    }
    const loaded = loadTemplates(files.root);
    const result = newContactNote({ name, role: role ?? null, institution: institution ?? null, today }, loaded.contactTemplate);
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
