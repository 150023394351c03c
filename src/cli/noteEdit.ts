import * as fs from 'fs';
import * as path from 'path';
import type { EditResult } from '../core/edits';
import { applyEdits } from '../core/edits';
import { DEFAULT_MAX_FILE_BYTES } from '../core/vault';
import { looksBinary } from '../core/vaultFs';
import { VaultFiles } from '../node/vaultFiles';
import { UsageError } from './args';
import type { CliIO } from './io';
import { vaultFilesAt } from './vaultLoader';

/** A note named on the command line, inside the vault it belongs to. */
export interface NoteTarget {
  files: VaultFiles;
  /** Vault-relative path, forward slashes. */
  rel: string;
}

const MARKERS = ['profile.md', '.rapport.json', 'rapport.config.json', 'contacts'];

/**
 * The vault a note is in: `--vault`, else the current folder when the note is in it,
 * else the nearest folder above the note that looks like a vault (a profile, a settings
 * file or a contacts folder), never through a folder that is itself a link.
 */
function vaultRootFor(abs: string, vaultFlag: string | undefined, io: CliIO): string {
  if (vaultFlag !== undefined) return path.resolve(io.cwd, vaultFlag);
  const cwd = path.resolve(io.cwd);
  const rel = path.relative(cwd, abs);
  if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) return cwd;
  for (let dir = path.dirname(abs); ; dir = path.dirname(dir)) {
    let linked = false;
    try {
      linked = fs.lstatSync(dir).isSymbolicLink();
    } catch {
      // a missing folder: keep walking up
    }
    if (!linked && MARKERS.some((m) => exists(path.join(dir, m)))) return dir;
    if (path.dirname(dir) === dir) break;
  }
  throw new UsageError(`cannot tell which vault ${abs} belongs to; run the command in the vault or give --vault`);
}

function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

export function noteTarget(given: string, vaultFlag: string | undefined, io: CliIO): NoteTarget {
  const abs = path.resolve(io.cwd, given);
  const root = vaultRootFor(abs, vaultFlag, io);
  const files = vaultFilesAt(root);
  const rel = files.relative(abs) ?? (VaultFiles.segments(given) !== null && exists(path.join(root, given)) ? given : null);
  if (rel === null) throw new UsageError(`${given} is not a note inside the vault ${root}`);
  if (!/\.md$/i.test(rel)) throw new UsageError(`${given} is not a markdown note (.md)`);
  return { files, rel };
}

/** A note's text through the guarded layer; a usage error when there is no such note. */
export function readNoteText(target: NoteTarget): { ok: true; text: string } | { ok: false; reason: string } {
  const read = target.files.readText(target.rel, DEFAULT_MAX_FILE_BYTES);
  if (!read.ok) return { ok: false, reason: read.reason };
  if (read.value === null) throw new UsageError(`no note at ${target.rel}`);
  if (looksBinary(new TextEncoder().encode(read.value.slice(0, 8000)))) return { ok: false, reason: `${target.rel} is binary, not a markdown note` };
  return { ok: true, text: read.value };
}

/**
 * Reads the note through the guarded layer, computes the edit on its text with the
 * same core function the editor's quick fix uses, and writes it back. 0 when the note
 * changed (or already said so), 1 when the edit was refused (the file is untouched).
 */
export function editNote(target: NoteTarget, compute: (text: string) => EditResult, io: CliIO, doneText: string | (() => string)): number {
  const done = () => (typeof doneText === 'string' ? doneText : doneText());
  const read = readNoteText(target);
  if (!read.ok) {
    io.err(`rapport: refused: ${read.reason}\n`);
    return 1;
  }
  const text = read.text;
  const result = compute(text);
  if (!result.ok) {
    io.err(`rapport: refused: ${target.rel}: ${result.reason}\n`);
    return 1;
  }
  const next = applyEdits(text, result.edits);
  if (next === text) {
    io.out(`${target.rel}: unchanged (${done()} already)\n`);
    return 0;
  }
  const written = target.files.rewrite(target.rel, next);
  if (!written.ok) {
    io.err(`rapport: refused: ${written.reason}\n`);
    return 1;
  }
  io.out(`${target.rel}: ${done()}\n`);
  return 0;
}
