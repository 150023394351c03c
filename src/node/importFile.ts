import * as fs from 'fs';
import { readCapped } from './readCapped';
import * as path from 'path';
import { contains } from './vaultFinder';
import type { ColumnMapping } from '../core/import';
import { rememberedMapping } from '../core/import';

import { MAX_IMPORT_BYTES, decodeImportBytes, type ImportFileRead } from '../core/import/decode';

export { MAX_IMPORT_BYTES, decodeImportBytes, type ImportFileRead };

/**
 * Reads an export to import, with a size cap. UTF-8 (with or without BOM) and
 * UTF-16 with a BOM (Windows tools write vCards that way) are decoded as such; a
 * file that is not valid UTF-8 is read as Windows-1252, which old Outlook and Excel
 * CSVs are.
 */
export function readImportFile(abs: string, maxBytes = MAX_IMPORT_BYTES): ImportFileRead {
  const read = readCapped(abs, maxBytes);
  switch (read.kind) {
    case 'bytes':
      return decodeImportBytes(read.bytes);
    case 'too-large':
      return { kind: 'too-large', size: read.size, limit: maxBytes };
    case 'loop':
      return { kind: 'not-a-file' };
    default:
      return read;
  }
}

export interface WriteResult {
  written: string[];
  failed: { path: string; reason: string }[];
}

/** The nearest folder that exists, walking up from `dir`. */
function existingAncestor(dir: string): string {
  let probe = dir;
  while (!fs.existsSync(probe)) {
    const parent = path.dirname(probe);
    if (parent === probe) break;
    probe = parent;
  }
  return probe;
}

/**
 * Writes planned notes. A note is never written over an existing file (`wx`: the
 * open fails if anything, even a dangling link, has the name), never outside the
 * vault (a `contacts` folder that is a link to elsewhere is refused), and the
 * folder is created when missing. Each failure is reported; the others are written.
 */
export function writePlannedNotes(root: string, notes: readonly { path: string; text: string }[]): WriteResult {
  const result: WriteResult = { written: [], failed: [] };
  const realRoot = fs.realpathSync(root);
  const folderVerdict = new Map<string, string | null>();
  for (const note of notes) {
    const segments = note.path.split('/');
    if (path.isAbsolute(note.path) || note.path.includes('\\') || note.path.includes('\0')
      || segments.some((s) => s === '' || s === '.' || s === '..')) {
      result.failed.push({ path: note.path, reason: 'not a plain path inside the vault; not written' });
      continue;
    }
    const abs = path.join(realRoot, ...segments);
    const dir = path.dirname(abs);
    let verdict = folderVerdict.get(dir);
    if (verdict === undefined) {
      verdict = prepareFolder(realRoot, dir);
      folderVerdict.set(dir, verdict);
    }
    if (verdict !== null) {
      result.failed.push({ path: note.path, reason: verdict });
      continue;
    }
    try {
      fs.writeFileSync(abs, note.text, { encoding: 'utf8', flag: 'wx' });
      result.written.push(note.path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      result.failed.push({
        path: note.path,
        reason: code === 'EEXIST' ? 'a file with that name already exists; it was not overwritten' : `could not be written: ${(e as Error).message}`,
      });
    }
  }
  return result;
}

/** Null when `dir` is (now) a folder inside the vault; else why nothing can be written there. */
function prepareFolder(realRoot: string, dir: string): string | null {
  try {
    const ancestor = fs.realpathSync(existingAncestor(dir));
    if (!contains(realRoot, ancestor)) return `${path.relative(realRoot, dir)} leads outside the vault; not written`;
    fs.mkdirSync(dir, { recursive: true });
    const real = fs.realpathSync(dir);
    if (!contains(realRoot, real)) return `${path.relative(realRoot, dir)} leads outside the vault; not written`;
    if (!fs.statSync(real).isDirectory()) return `${path.relative(realRoot, dir)} is not a folder; not written`;
    return null;
  } catch (e) {
    return `folder ${path.relative(realRoot, dir)} could not be created: ${(e as Error).message}`;
  }
}

/** The vault's settings file written by import (the one the rest of Rapport reads as well). */
export const IMPORT_CONFIG_FILE = '.rapport.json';
const MAX_CONFIG_BYTES = 256 * 1024;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type ConfigRead = { kind: 'missing' } | { kind: 'ok'; data: Record<string, unknown> } | { kind: 'bad'; reason: string };

function readConfig(root: string): ConfigRead {
  const abs = path.join(root, IMPORT_CONFIG_FILE);
  let text: string;
  try {
    const st = fs.statSync(abs);
    if (!st.isFile()) return { kind: 'bad', reason: `${IMPORT_CONFIG_FILE} is not a regular file` };
    if (st.size > MAX_CONFIG_BYTES) return { kind: 'bad', reason: `${IMPORT_CONFIG_FILE} is too large to be a settings file` };
    text = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'bad', reason: `${IMPORT_CONFIG_FILE} could not be read: ${(e as Error).message}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { kind: 'bad', reason: `${IMPORT_CONFIG_FILE} is not valid JSON (${(e as Error).message})` };
  }
  if (!isPlainObject(data)) return { kind: 'bad', reason: `${IMPORT_CONFIG_FILE} is not a JSON object` };
  return { kind: 'ok', data };
}

/** The column mapping remembered by the last generic CSV import (`import.mapping`), if any. */
export function loadRememberedMapping(root: string): { mapping: ColumnMapping | null; warning: string | null } {
  const config = readConfig(root);
  if (config.kind === 'missing') return { mapping: null, warning: null };
  if (config.kind === 'bad') return { mapping: null, warning: config.reason };
  return { mapping: rememberedMapping(config.data), warning: null };
}

/**
 * Remembers a column mapping under `import.mapping` in `.rapport.json`, keeping every
 * other key. A file that is not valid JSON (or whose `import` is not an object) is
 * left alone and the reason returned: the student's settings are worth more than
 * the convenience.
 */
export function rememberMapping(root: string, mapping: ColumnMapping): { ok: true } | { ok: false; reason: string } {
  const config = readConfig(root);
  if (config.kind === 'bad') return { ok: false, reason: config.reason };
  const data = config.kind === 'ok' ? config.data : {};
  const section = data.import;
  if (section !== undefined && !isPlainObject(section)) return { ok: false, reason: `"import" in ${IMPORT_CONFIG_FILE} is not an object` };
  const next = { ...data, import: { ...(section ?? {}), mapping } };
  const abs = path.join(root, IMPORT_CONFIG_FILE);
  try {
    const realRoot = fs.realpathSync(root);
    let target = abs;
    if (fs.existsSync(abs)) {
      target = fs.realpathSync(abs);
      if (!contains(realRoot, target)) return { ok: false, reason: `${IMPORT_CONFIG_FILE} leads outside the vault` };
    }
    // Write beside it and rename, so a crash never leaves half a settings file.
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(next, null, 2) + '\n', { encoding: 'utf8', flag: 'wx' });
    fs.renameSync(tmp, target);
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: `${IMPORT_CONFIG_FILE} could not be written: ${(e as Error).message}` };
  }
}
