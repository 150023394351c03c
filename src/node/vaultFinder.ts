import * as fs from 'fs';
import * as path from 'path';

/** Files whose presence marks a vault's root (with a `contacts/` folder). */
const MARKERS = ['profile.md', '.rapport.json', 'rapport.config.json'];

/** What makes a folder a vault, for messages. */
export const VAULT_MARKERS_TEXT = 'profile.md, .rapport.json, rapport.config.json or a contacts/ folder';

/** True when a folder looks like a vault: a profile, a config file, or a contacts/ folder. */
export function looksLikeVault(dir: string): boolean {
  if (MARKERS.some((m) => isFile(path.join(dir, m)))) return true;
  try {
    return fs.statSync(path.join(dir, 'contacts')).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * The vault holding `start`: that folder or the nearest parent that looks like one, as
 * git looks for `.git`. Only the folders on the way up are looked at, never below them.
 */
export function findVaultUp(start: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    if (looksLikeVault(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Whether `child` is `parent` or lies below it (both absolute; no symlinks resolved). */
export function contains(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
