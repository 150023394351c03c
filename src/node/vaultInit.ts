import * as fs from 'fs';
import * as path from 'path';
import { isCalendarDate, type CalendarDate } from '../core/dates';
import { shiftVaultFile, type VaultFileKind } from '../core/shift';
import { VAULT_FILES, VAULT_FOLDERS, VAULT_MARKERS } from '../core/vaultSkeleton';
import { CONFIG_FILE_NAMES } from './config';
import { copyIntoVault } from './sampleCopy';
import { VaultFiles, type Guarded } from './vaultFiles';

/** The sample's manifest: the day its story is told on. It stays with the sample; copies leave it out. */
export const SAMPLE_MANIFEST = '.rapport-sample.json';

/** What a copy or a new vault did, file by file (vault-relative, `/`-separated; folders end in `/`). */
export interface InitResult {
  created: string[];
  /** Already there: left exactly as they were. */
  kept: string[];
}

/**
 * The sample vault ships as `examples/vault` beside `dist/`: from the bundle (`dist/cli.js`,
 * `dist/extension.js`, and in the .vsix) that is `../examples/vault`; from the sources run by
 * tsx (`src/node/`) it is `../../examples/vault`.
 */
export function sampleVaultDir(from: string = __dirname): string | null {
  for (const candidate of [path.join(from, '..', 'examples', 'vault'), path.join(from, '..', '..', 'examples', 'vault')]) {
    if (fs.existsSync(path.join(candidate, SAMPLE_MANIFEST))) return candidate;
  }
  return null;
}

/** The story day recorded in the sample's manifest. */
export function sampleStoryDay(sampleDir: string): CalendarDate {
  const file = path.join(sampleDir, SAMPLE_MANIFEST);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { storyDay?: unknown };
  if (typeof manifest.storyDay !== 'string' || !isCalendarDate(manifest.storyDay)) {
    throw new Error(`${file}: storyDay must be a date as YYYY-MM-DD`);
  }
  return manifest.storyDay;
}

/** Why `dir` cannot take a new vault, or null: it is missing, empty (dot-files aside), or already a vault. */
export function initRefusal(dir: string, { allowVault }: { allowVault: boolean }): string | null {
  let names: string[];
  try {
    const st = fs.statSync(dir);
    if (!st.isDirectory()) return `${dir} is not a folder`;
    names = fs.readdirSync(dir);
  } catch {
    return null; // missing: it will be made
  }
  const visible = names.filter((n) => !n.startsWith('.') || CONFIG_FILE_NAMES.some((c) => c === n));
  if (visible.length === 0) return null;
  const isVault = VAULT_MARKERS.some((m) => names.includes(m));
  if (isVault && allowVault) return null;
  return isVault
    ? `${dir} is already a vault`
    : `${dir} is not empty and is not a vault (${visible.length} item${visible.length === 1 ? '' : 's'}, e.g. ${visible.slice(0, 3).join(', ')})`;
}

/**
 * A new, empty vault in `dir` (made if missing): the folders and files of the skeleton, each
 * only where nothing is, through the guarded file layer (a folder that leads out of `dir`
 * refuses the whole vault before anything is written).
 */
export function createEmptyVault(dir: string): Guarded<InitResult> {
  fs.mkdirSync(dir, { recursive: true });
  const files = new VaultFiles(dir);
  for (const folder of VAULT_FOLDERS) {
    const verdict = files.checkFolder(folder);
    if (!verdict.ok) return verdict;
  }
  const result: InitResult = { created: [], kept: [] };
  for (const folder of VAULT_FOLDERS) {
    const existed = fs.existsSync(path.join(dir, folder));
    const made = files.makeFolder(folder);
    if (!made.ok) return made;
    (existed ? result.kept : result.created).push(`${folder}/`);
  }
  for (const file of VAULT_FILES) {
    const created = files.create(file.path, file.text);
    if (created.ok) result.created.push(file.path);
    else if (fs.existsSync(path.join(dir, file.path)) || isLink(path.join(dir, file.path))) result.kept.push(file.path);
    else return created;
  }
  return { ok: true, value: result };
}

/**
 * Copies the sample vault into `dir` (made if missing) so that its story happens on
 * `targetDay`: every date field moves by the days from the story day to `targetDay`
 * (src/core/shift). Files already in `dir` are kept as they are, never overwritten; the
 * copy goes through the guarded file layer (src/node/sampleCopy.ts).
 */
export function copySampleVault(dir: string, targetDay: CalendarDate, sampleDir: string | null = sampleVaultDir()): Guarded<InitResult & { storyDay: CalendarDate }> {
  if (sampleDir === null) return { ok: false, reason: 'the sample vault (examples/vault) is not installed with Rapport' };
  let storyDay: CalendarDate;
  try {
    storyDay = sampleStoryDay(sampleDir);
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  const copied = copyIntoVault(sampleDir, dir, (rel, text) => shiftVaultFile(fileKind(rel), text, storyDay, targetDay), (rel) => rel === SAMPLE_MANIFEST);
  if (!copied.ok) return copied;
  return { ok: true, value: { created: copied.value.written, kept: copied.value.kept, storyDay } };
}

function fileKind(rel: string): VaultFileKind {
  if (/\.md$/i.test(rel)) return 'note';
  if ((CONFIG_FILE_NAMES as readonly string[]).includes(rel)) return 'settings';
  return 'other';
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
