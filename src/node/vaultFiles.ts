import * as fs from 'fs';
import * as path from 'path';
import { readCapped } from './readCapped';
import { contains } from './vaultFinder';

/**
 * The one door for every file Rapport reads or writes in a vault (notes, settings,
 * templates, the profile, sample copies, new contacts). A vault is often someone else's,
 * so each path is checked where it really leads: the real path must stay inside the
 * vault's real root (a folder or a note that is a link elsewhere is refused), only
 * regular files are read (a FIFO, a device or a /proc file never is), reads are capped,
 * new files are created exclusively (`wx`: never over anything, not even a dangling
 * link), and a rewrite goes to a temporary file beside the real one, then a rename.
 * Nothing here depends on Restricted Mode: a trusted folder gets the same checks.
 */
export type Guarded<T> = { ok: true; value: T } | { ok: false; reason: string };

const NO_FOLLOW = fs.constants.O_NOFOLLOW ?? 0;

function refuse<T>(reason: string): Guarded<T> {
  return { ok: false, reason };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class VaultFiles {
  readonly root: string;
  readonly realRoot: string;

  constructor(root: string) {
    this.root = path.resolve(root);
    this.realRoot = fs.realpathSync(this.root);
  }

  /** The segments of a plain vault-relative path (forward slashes), or null for `..`, absolute paths and the like. */
  static segments(rel: string): string[] | null {
    if (rel === '' || rel.includes('\\') || rel.includes('\0') || rel.startsWith('/') || /^[A-Za-z]:/.test(rel)) return null;
    const parts = rel.split('/');
    return parts.some((s) => s === '' || s === '.' || s === '..') ? null : parts;
  }

  /** The vault-relative path of an absolute one, or null when it is not (lexically) inside the vault. */
  relative(abs: string): string | null {
    const rel = path.relative(this.root, path.resolve(abs));
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
    const posix = rel.split(path.sep).join('/');
    return VaultFiles.segments(posix) === null ? null : posix;
  }

  /**
   * Where an existing file really is, when it is a regular file inside the vault;
   * `missing` when nothing has that name (and its folder leads nowhere outside).
   */
  locate(rel: string): Guarded<{ real: string } | 'missing'> {
    const parts = VaultFiles.segments(rel);
    if (parts === null) return refuse(`${rel} is not a plain path inside the vault`);
    const abs = path.join(this.root, ...parts);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return refuse(`${rel} could not be read: ${errorText(e)}`);
      const folder = this.folderVerdict(path.dirname(abs), false);
      return folder.ok ? { ok: true, value: 'missing' } : folder;
    }
    let real: string;
    try {
      real = fs.realpathSync(abs);
    } catch {
      return refuse(`${rel} is a link that points nowhere or loops; Rapport does not follow it`);
    }
    if (!contains(this.realRoot, real)) return refuse(`${rel} ${st.isSymbolicLink() ? 'is a link' : 'is in a folder that links'} to a place outside the vault; Rapport does not follow it`);
    try {
      st = fs.statSync(real);
    } catch (e) {
      return refuse(`${rel} could not be read: ${errorText(e)}`);
    }
    if (!st.isFile()) return refuse(`${rel} is not a regular file (a folder, device, socket or pipe); Rapport does not read it`);
    return { ok: true, value: { real } };
  }

  /** The text of a regular file inside the vault, at most `maxBytes`; `null` when it does not exist. */
  readText(rel: string, maxBytes: number): Guarded<string | null> {
    const where = this.locate(rel);
    if (!where.ok) return where;
    if (where.value === 'missing') return { ok: true, value: null };
    // The real path has no link left in it: O_NOFOLLOW refuses one swapped in since.
    const read = readCapped(where.value.real, maxBytes, NO_FOLLOW);
    switch (read.kind) {
      case 'bytes': {
        const text = read.bytes.toString('utf8');
        return { ok: true, value: text };
      }
      case 'missing':
        return { ok: true, value: null };
      case 'too-large':
        return refuse(`${rel} is too large (${read.size} bytes; the limit is ${maxBytes})`);
      case 'not-a-file':
        return refuse(`${rel} is not a regular file; Rapport does not read it`);
      case 'loop':
        return refuse(`${rel} became a link while it was read; Rapport does not follow it`);
      case 'error':
        return refuse(`${rel} could not be read: ${read.message}`);
    }
  }

  /** Replaces the text of an existing regular file inside the vault (temporary file beside it, then rename). */
  rewrite(rel: string, text: string): Guarded<string> {
    const where = this.locate(rel);
    if (!where.ok) return where;
    if (where.value === 'missing') return refuse(`${rel} no longer exists`);
    const real = where.value.real;
    const tmp = path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}.${Date.now()}.tmp`);
    try {
      const mode = fs.statSync(real).mode & 0o777;
      fs.writeFileSync(tmp, text, { encoding: 'utf8', flag: 'wx', mode });
      fs.renameSync(tmp, real);
      return { ok: true, value: real };
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      return refuse(`${rel} could not be written: ${errorText(e)}`);
    }
  }

  /**
   * Creates a new file (never over anything), making its folder when missing. The folder
   * must really be inside the vault: a `contacts` that links elsewhere is refused.
   */
  create(rel: string, text: string): Guarded<string> {
    const parts = VaultFiles.segments(rel);
    if (parts === null) return refuse(`${rel} is not a plain path inside the vault`);
    const abs = path.join(this.root, ...parts);
    const folder = this.folderVerdict(path.dirname(abs), true);
    if (!folder.ok) return folder;
    const target = path.join(folder.value, path.basename(abs));
    try {
      fs.writeFileSync(target, text, { encoding: 'utf8', flag: 'wx' });
      return { ok: true, value: target };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return refuse(code === 'EEXIST' ? `${rel} already exists; it was not overwritten` : `${rel} could not be created: ${errorText(e)}`);
    }
  }

  /** Null-free check of a folder that may not exist yet: refused when it, or the nearest existing parent, leads outside. */
  checkFolder(rel: string): Guarded<string> {
    const parts = VaultFiles.segments(rel);
    if (parts === null) return refuse(`${rel} is not a plain path inside the vault`);
    return this.folderVerdict(path.join(this.root, ...parts), false);
  }

  /** Makes a folder inside the vault (and its parents); refused when it or a parent leads outside. */
  makeFolder(rel: string): Guarded<string> {
    if (rel === '') return { ok: true, value: this.realRoot };
    const parts = VaultFiles.segments(rel);
    if (parts === null) return refuse(`${rel} is not a plain path inside the vault`);
    return this.folderVerdict(path.join(this.root, ...parts), true);
  }

  /** The real path of folder `dir` when it is (or, with `make`, now is) a folder inside the vault. */
  private folderVerdict(dir: string, make: boolean): Guarded<string> {
    const shown = path.relative(this.root, dir) || '.';
    try {
      let probe = dir;
      while (!fs.existsSync(probe)) {
        const parent = path.dirname(probe);
        if (parent === probe) break;
        probe = parent;
      }
      // A dangling link in the way: existsSync says no, but creating through it would follow it.
      if (probe !== dir && isLink(path.join(probe, path.relative(probe, dir).split(path.sep)[0]))) {
        return refuse(`${shown} is a link that points nowhere; Rapport does not follow it`);
      }
      if (!contains(this.realRoot, fs.realpathSync(probe))) return refuse(`${shown} leads outside the vault; nothing was written there`);
      if (!make && probe !== dir) return { ok: true, value: dir };
      if (make) fs.mkdirSync(dir, { recursive: true });
      const real = fs.realpathSync(dir);
      if (!contains(this.realRoot, real)) return refuse(`${shown} leads outside the vault; nothing was written there`);
      if (!fs.statSync(real).isDirectory()) return refuse(`${shown} is not a folder`);
      return { ok: true, value: real };
    } catch (e) {
      return refuse(`folder ${shown} could not be ${make ? 'created' : 'read'}: ${errorText(e)}`);
    }
  }
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
