import * as path from 'path';
import { PROFILE_FILE, PROFILE_TEMPLATE } from '../../core/profile';
import { UsageError, parseArgs } from '../args';
import type { Command } from '../io';
import { vaultFilesAt } from '../vaultLoader';

export const profileCommand: Command = {
  name: 'profile',
  summary: 'Create profile.md from the template (the fields every email is signed with), never over a file',
  usage: 'rapport profile [VAULT]',
  run(argv, io) {
    const args = parseArgs(argv, { values: [] });
    const [dir, extra] = args.positionals;
    if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
    const root = path.resolve(io.cwd, dir ?? '.');
    const files = vaultFilesAt(root);
    // Exclusive create inside the vault: an existing profile.md (or a link named so) is never overwritten.
    const created = files.create(PROFILE_FILE, PROFILE_TEMPLATE);
    if (!created.ok) {
      io.err(`rapport: refused: ${created.reason}\n`);
      return 1;
    }
    io.out(`${PROFILE_FILE}: created; fill in your name, school, year, interests, email and phone\n`);
    return 0;
  },
};
