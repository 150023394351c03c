import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RACY_MS } from '../core/vault';
import { SnapshotReader, type IndexSnapshot, type SnapshotIdentity } from '../core/snapshot';
import { sameStamp } from '../core/vaultFs';
import type { NodeFs } from './nodeFs';

/**
 * `rapport … --cache`: the index snapshot (see `src/core/snapshot.ts`) in the user's cache
 * folder, like ESLint's and Prettier's caches. The file is keyed by a hash of the vault's
 * real path and never lies inside the vault. Besides the notes it keeps the last few
 * commands' outputs, so an unchanged vault costs a listing and a stat per note.
 */

/** Larger cache files are not read (10,000 notes take ~15 MB). */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;
/** Outputs kept per vault, and the most text kept for one. */
const MAX_OUTPUTS = 4;
const MAX_OUTPUT_CHARS = 16 * 1024 * 1024;

/** How near the cache's time a file's stamp makes it "racy" (re-read): `RACY_MS`; tests of the hit path set 0. */
export const cacheTiming = { racyMs: RACY_MS };

export interface CachedOutput {
  key: string;
  out: string;
  code: number;
}

/** `$XDG_CACHE_HOME/rapport`, else `~/.cache/rapport` (the XDG default). */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  // The spec: a relative XDG_CACHE_HOME is invalid and ignored.
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
  return path.join(base, 'rapport');
}

/** The cache file for a vault, or null when it would fall inside the vault (XDG_CACHE_HOME pointing into it). */
export function cacheFileFor(realRoot: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const folder = cacheFolder(env);
  let realFolder = folder;
  // The folder may not exist yet: judge the nearest part of it that does, resolved.
  for (let probe = folder, rest = ''; ; rest = path.join(path.basename(probe), rest), probe = path.dirname(probe)) {
    try {
      realFolder = path.join(fs.realpathSync(probe), rest);
      break;
    } catch {
      if (path.dirname(probe) === probe) break;
    }
  }
  if (realFolder === realRoot || realFolder.startsWith(realRoot + path.sep)) return null;
  const name = crypto.createHash('sha256').update(realRoot).digest('hex').slice(0, 32);
  return path.join(folder, `${name}.jsonl`);
}

/** What the cache holds for a vault: stale or not, and the reader to restore its notes. */
export interface CacheRead {
  /** Paths to read again (new, changed, racy) and paths gone, as found by a listing and a stat each. */
  changed: string[];
  removed: string[];
  outputs: CachedOutput[];
  /** Decodes the whole snapshot (null when broken): only needed when something changed. */
  full(): IndexSnapshot | null;
}

/** Reads the cache, or null when there is none or it is not a valid snapshot of this vault and tool. */
export function readCache(file: string, identity: SnapshotIdentity, nodeFs: NodeFs, listing: { files: { path: string }[] }): CacheRead | null {
  let bytes: Buffer;
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > MAX_CACHE_BYTES) return null;
    bytes = fs.readFileSync(file);
  } catch {
    return null;
  }
  // The header, the stamps and the outputs are the first three lines: decode only those unless more is needed.
  let end = -1;
  for (let i = 0; i < 3; i++) {
    end = bytes.indexOf(10, end + 1);
    if (end === -1) return null;
  }
  const head = SnapshotReader.open(bytes.toString('utf8', 0, end + 1), identity);
  if (!head) return null;
  const outputs = cachedOutputs(head.head.attachment);
  const known = new Map(head.stamps.map((s) => [s.path, s.stamp]));
  const changed: string[] = [];
  const listed = new Set<string>();
  for (const { path: p } of listing.files) {
    listed.add(p);
    const was = known.get(p);
    const now = was ? nodeFs.statSync(p) : null;
    if (!was || !now || !sameStamp(was, now) || Math.max(now.mtime, now.ctime) >= head.head.takenAt - cacheTiming.racyMs) changed.push(p);
  }
  const removed = head.stamps.map((s) => s.path).filter((p) => !listed.has(p));
  return {
    changed,
    removed,
    outputs,
    full() {
      const reader = SnapshotReader.open(bytes.toString('utf8'), identity);
      if (!reader) return null;
      const entries = [];
      for (;;) {
        const e = reader.next();
        if (e === null) return null;
        if (e === 'done') return { ...reader.head, entries };
        entries.push(e);
      }
    },
  };
}

function cachedOutputs(attachment: unknown): CachedOutput[] {
  if (!Array.isArray(attachment)) return [];
  return attachment.filter((o): o is CachedOutput => typeof o === 'object' && o !== null
    && typeof (o as CachedOutput).key === 'string' && typeof (o as CachedOutput).out === 'string' && Number.isSafeInteger((o as CachedOutput).code)).slice(0, MAX_OUTPUTS);
}

/** The outputs to keep: this one first, then the others still valid, within the bounds. */
export function keepOutputs(latest: CachedOutput, others: readonly CachedOutput[]): CachedOutput[] {
  return [latest, ...others.filter((o) => o.key !== latest.key)].filter((o) => o.out.length <= MAX_OUTPUT_CHARS).slice(0, MAX_OUTPUTS);
}

/** Writes the cache atomically: a temporary file in the same folder, renamed over the old one. A failure only loses the cache. */
export function writeCache(file: string, text: string): void {
  const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(temp, text, { mode: 0o600, flag: 'wx' });
    fs.renameSync(temp, file);
  } catch {
    fs.rmSync(temp, { force: true });
  }
}
