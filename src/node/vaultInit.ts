import * as fs from 'fs';
import * as path from 'path';
import { isCalendarDate, type CalendarDate } from '../core/dates';
import { shiftVaultFile, type VaultFileKind } from '../core/shift';
import { VAULT_FILES, VAULT_FOLDERS, VAULT_MARKERS } from '../core/vaultSkeleton';
import { CONFIG_FILE_NAMES } from './config';

/** The sample's manifest: the day its story is told on. It stays with the sample; copies leave it out. */
export const SAMPLE_MANIFEST = '.rapport-sample.json';

/** What a copy or a new vault did, file by file (vault-relative, `/`-separated). */
export interface InitResult {
  created: string[];
  /** Already there: left exactly as they were. */
  kept: string[];
  /** Not written, with why (a folder that is a link, a file that is not a regular file). */
  refused: { path: string; reason: string }[];
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

/** A new, empty vault in `dir` (made if missing): the folders and files of the skeleton, each only where nothing is. */
export function createEmptyVault(dir: string): InitResult {
  const result: InitResult = { created: [], kept: [], refused: [] };
  fs.mkdirSync(dir, { recursive: true });
  for (const folder of VAULT_FOLDERS) ensureFolder(dir, folder, result, true);
  for (const file of VAULT_FILES) writeNew(dir, file.path, file.text, result);
  return result;
}

/**
 * Copies the sample vault into `dir` (made if missing) so that its story happens on
 * `targetDay`: every date field moves by the days from the story day to `targetDay`
 * (src/core/shift). Files already in `dir` are kept as they are, never overwritten.
 */
export function copySampleVault(dir: string, targetDay: CalendarDate, sampleDir: string | null = sampleVaultDir()): InitResult & { storyDay: CalendarDate } {
  if (sampleDir === null) throw new Error('the sample vault (examples/vault) is not installed with Rapport');
  const storyDay = sampleStoryDay(sampleDir);
  const result: InitResult = { created: [], kept: [], refused: [] };
  fs.mkdirSync(dir, { recursive: true });
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(sampleDir, rel), { withFileTypes: true })) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (child === SAMPLE_MANIFEST) continue;
      if (entry.isDirectory()) {
        if (ensureFolder(dir, child, result, false)) walk(child);
      } else if (entry.isFile()) {
        const text = fs.readFileSync(path.join(sampleDir, child), 'utf8');
        writeNew(dir, child, shiftVaultFile(fileKind(child), text, storyDay, targetDay), result);
      }
    }
  };
  walk('');
  return { ...result, storyDay };
}

function fileKind(rel: string): VaultFileKind {
  if (/\.md$/i.test(rel)) return 'note';
  if ((CONFIG_FILE_NAMES as readonly string[]).includes(rel)) return 'settings';
  return 'other';
}

/** Makes `rel` a real folder inside `root`; a link or a file in its place is refused, never followed. */
function ensureFolder(root: string, rel: string, result: InitResult, report: boolean): boolean {
  const abs = path.join(root, ...rel.split('/'));
  let st: fs.Stats | undefined;
  try {
    st = fs.lstatSync(abs);
  } catch {
    fs.mkdirSync(abs);
    if (report) result.created.push(`${rel}/`);
    return true;
  }
  if (st.isDirectory()) {
    if (report) result.kept.push(`${rel}/`);
    return true;
  }
  result.refused.push({ path: `${rel}/`, reason: st.isSymbolicLink() ? 'a link is in its place; Rapport does not write through it' : 'something that is not a folder is in its place' });
  return false;
}

/** Creates `rel` with `text`, exclusively: an existing file (or anything else in its place) is kept. */
function writeNew(root: string, rel: string, text: string, result: InitResult): void {
  try {
    fs.writeFileSync(path.join(root, ...rel.split('/')), text, { flag: 'wx' });
    result.created.push(rel);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') result.kept.push(rel);
    else result.refused.push({ path: rel, reason: e instanceof Error ? e.message : String(e) });
  }
}
