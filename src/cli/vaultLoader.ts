import * as fs from 'fs';
import * as path from 'path';
import { isCalendarDate, type CalendarDate } from '../core/dates';
import type { RapportSettings } from '../core/settings';
import { Vault } from '../core/vault';
import { loadSettingsOrWarn } from '../node/config';
import { NodeFs } from '../node/nodeFs';
import { VAULT_MARKERS_TEXT, findVaultUp } from '../node/vaultFinder';
import { UsageError, flag, type ParsedArgs } from './args';
import type { CliIO } from './io';

/**
 * The vault's folder: the one given (relative to where the user stands), else the folder
 * holding `from` (a file the user named, such as a contact) or the current folder, or
 * the nearest parent that looks like a vault. Never a scan of a folder that is no vault.
 */
export function vaultRoot(dir: string | undefined, io: CliIO, from?: string): string {
  if (dir !== undefined) {
    const root = path.resolve(io.cwd, dir);
    let st: fs.Stats;
    try {
      st = fs.statSync(root);
    } catch {
      throw new UsageError(`no vault at ${root}`);
    }
    if (!st.isDirectory()) throw new UsageError(`${root} is not a folder`);
    return root;
  }
  const start = from === undefined ? io.cwd : path.resolve(io.cwd, from);
  const found = findVaultUp(start);
  if (found === null) {
    throw new UsageError(`${start} is not in a vault (no ${VAULT_MARKERS_TEXT} there or in a parent folder); give the vault's folder`);
  }
  return found;
}

/** Reads the vault's settings, then the vault, parsed the way those settings ask. */
export async function loadVault(dir: string | undefined, io: CliIO, from?: string): Promise<{ vault: Vault; root: string; settings: RapportSettings }> {
  const root = vaultRoot(dir, io, from);
  const settings = loadSettingsOrWarn(root, (t) => io.err(t));
  const vault = new Vault(new NodeFs(root, { templatesFolder: settings.templatesFolder }), { yieldToHost: () => Promise.resolve(), parse: { patientIdentifiers: settings.privacyGuard !== 'off' } });
  await vault.scan();
  return { vault, root, settings };
}

export function todayArg(args: ParsedArgs, io: CliIO): CalendarDate {
  const given = flag(args, 'today');
  if (given === undefined) return io.today();
  if (!isCalendarDate(given)) throw new UsageError(`--today must be a date as YYYY-MM-DD, not '${given}'`);
  return given;
}

/** The one VAULT positional a command takes, if given. */
export function vaultArg(args: ParsedArgs): string | undefined {
  if (args.positionals.length > 1) throw new UsageError(`one vault at a time: unexpected '${args.positionals[1]}'`);
  return args.positionals[0];
}
