import * as fs from 'fs';
import * as path from 'path';
import { isCalendarDate, type CalendarDate } from '../core/dates';
import type { RapportSettings } from '../core/settings';
import { Vault } from '../core/vault';
import { loadSettingsOrWarn } from '../node/config';
import { NodeFs } from '../node/nodeFs';
import { UsageError, flag, type ParsedArgs } from './args';
import type { CliIO } from './io';

/** Reads the vault's settings, then the vault, parsed the way those settings ask. */
export async function loadVault(dir: string | undefined, io: CliIO): Promise<{ vault: Vault; root: string; settings: RapportSettings }> {
  const root = path.resolve(io.cwd, dir ?? '.');
  let st: fs.Stats;
  try {
    st = fs.statSync(root);
  } catch {
    throw new UsageError(`no vault at ${root}`);
  }
  if (!st.isDirectory()) throw new UsageError(`${root} is not a folder`);
  const settings = loadSettingsOrWarn(root, (t) => io.err(t));
  const vault = new Vault(new NodeFs(root, { templatesFolder: settings.templatesFolder }), { yieldToHost: async () => undefined, parse: { patientIdentifiers: settings.privacyGuard !== 'off' } });
  await vault.scan();
  return { vault, root, settings };
}

export function todayArg(args: ParsedArgs, io: CliIO): CalendarDate {
  const given = flag(args, 'today');
  if (given === undefined) return io.today();
  if (!isCalendarDate(given)) throw new UsageError(`--today must be a date as YYYY-MM-DD, not '${given}'`);
  return given;
}
