import * as fs from 'fs';
import * as path from 'path';
import { isCalendarDate, type CalendarDate } from '../core/dates';
import type { RapportSettings } from '../core/settings';
import { Vault } from '../core/vault';
import { loadSettingsOrWarn } from '../node/config';
import { NodeFs } from '../node/nodeFs';
import { VaultFiles } from '../node/vaultFiles';
import { entriesOf, serializeIndex } from '../core/snapshot';
import { cacheFileFor, keepOutputs, readCache, writeCache, type CachedOutput } from '../node/indexCache';
import { VAULT_MARKERS_TEXT, findVaultUp } from '../node/vaultFinder';
import { UsageError, flag, type ParsedArgs } from './args';
import type { CliIO } from './io';

export interface LoadedVault {
  vault: Vault;
  root: string;
  settings: RapportSettings;
}

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

/** The guarded file layer of the vault at `root`, or a usage error when there is no folder there. */
export function vaultFilesAt(root: string): VaultFiles {
  try {
    if (!fs.statSync(root).isDirectory()) throw new Error('not a folder');
    return new VaultFiles(root);
  } catch {
    throw new UsageError(`no vault at ${root}`);
  }
}

/** Reads the vault's settings, then the vault, parsed the way those settings ask. */
export async function loadVault(dir: string | undefined, io: CliIO, from?: string): Promise<LoadedVault> {
  const root = vaultRoot(dir, io, from);
  const settings = loadSettingsOrWarn(root, (t) => io.err(t));
  const vault = new Vault(new NodeFs(root, { templatesFolder: settings.templatesFolder }), { yieldToHost: () => Promise.resolve(), parse: { patientIdentifiers: settings.privacyGuard !== 'off' } });
  await vault.scan();
  return { vault, root, settings };
}

/**
 * Runs a command that reads the whole vault and prints a report, with `--cache` or without.
 * Without, it is `loadVault` and `body`. With, the index snapshot in the user's cache folder
 * stands in for reading the notes: when no note changed (a listing and a stat each say so)
 * and the same command already ran with the same arguments, day, folder, settings and
 * Rapport build, its output is printed again; otherwise the snapshot's notes are restored,
 * only the changed ones read, `body` runs, and the cache is rewritten.
 */
export async function withVault(dir: string | undefined, io: CliIO, cache: boolean, argv: readonly string[], body: (loaded: LoadedVault, io: CliIO) => number | Promise<number>): Promise<number> {
  if (!cache) return body(await loadVault(dir, io), io);
  const root = vaultRoot(dir, io);
  const settings = loadSettingsOrWarn(root, (t) => io.err(t));
  const parse = { patientIdentifiers: settings.privacyGuard !== 'off' };
  const nodeFs = new NodeFs(root, { templatesFolder: settings.templatesFolder });
  const realRoot = fs.realpathSync(root);
  const identity = { vault: realRoot, parse: `patientIdentifiers=${parse.patientIdentifiers};build=${buildStamp()}` };
  const key = JSON.stringify([argv, io.today(), io.cwd, settings]);
  const file = cacheFileFor(realRoot);
  const vault = new Vault(nodeFs, { yieldToHost: () => Promise.resolve(), parse });
  const listing = await nodeFs.list();
  const read = file === null ? null : readCache(file, identity, nodeFs, listing);
  const unchanged = read !== null && read.changed.length === 0 && read.removed.length === 0 && listing.skipped.length === 0;
  const hit = unchanged ? read.outputs.find((o) => o.key === key) : undefined;
  if (hit) {
    io.out(hit.out);
    return hit.code;
  }
  const snapshot = read?.full() ?? null;
  if (snapshot && read) {
    await vault.restore(snapshot.entries);
    for (const p of read.removed) vault.remove(p);
    for (const p of read.changed) await vault.refresh(p);
    for (const s of listing.skipped) await vault.refresh(s.path);
  } else {
    await vault.scan();
  }
  let out = '';
  const code = await body({ vault, root, settings }, { ...io, out: (t) => { out += t; io.out(t); } });
  if (file !== null) {
    const latest: CachedOutput = { key, out, code };
    const outputs = keepOutputs(latest, unchanged && snapshot ? read.outputs : []);
    writeCache(file, serializeIndex({ ...identity, takenAt: Date.now(), derived: null, attachment: outputs, entries: entriesOf(vault) }));
  }
  return code;
}

/** Which Rapport wrote a cache: the running script's size and time, so an upgrade never reuses an old output. */
function buildStamp(): string {
  const script = require.main?.filename ?? __filename;
  try {
    const st = fs.statSync(script);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return 'unknown';
  }
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
