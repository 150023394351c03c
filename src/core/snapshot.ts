import type { FollowUp } from './rules/types';
import { InvalidSnapshot, decodeFollowUp, decodeNote, encodeFollowUp, encodeNote } from './snapshotCodec';
import type { Note } from './types';
import type { Vault } from './vault';
import { isNotePath, type FileStamp } from './vaultFs';

/**
 * A snapshot of the index, so that a vault opens at once: the extension keeps one in its
 * workspace storage, `rapport --cache` in the user's cache folder. JSON lines, so a reader
 * can decode it a slice at a time and stop at the stamps when that is all it needs:
 *
 *   line 0      header: format, version, vault, parse options, when it was taken, count
 *   line 1      the stamps: [path, size, mtime, ctime] per note
 *   line 2      an attachment the writer chose (the CLI's outputs), or null
 *   lines 3…    one [note, follow-ups or null] per stamp, in the same order
 *   last line   {"end": count}: a truncated file has no such line
 *
 * Each line starts with an 8-digit FNV-1a checksum of the rest and a space, so a flipped
 * byte that still parses as JSON (a letter in a name) is caught too.
 *
 * Bump the version whenever a note type or the encoding changes: an old snapshot is then
 * discarded and rebuilt, never misread.
 */
export const SNAPSHOT_VERSION = 1;
const FORMAT = 'rapport-index';

export interface SnapshotEntry {
  note: Note;
  /** The file as it was when the note was read. */
  stamp: FileStamp;
  /** The note's follow-ups as of `derived`, or null when not kept. */
  followUps: FollowUp[] | null;
}

/** What a snapshot belongs to: another vault, or notes parsed another way, make it useless. */
export interface SnapshotIdentity {
  /** The vault's identity (its real path or URI). */
  vault: string;
  /** The parse options the notes were read with, as a string. */
  parse: string;
}

export interface IndexSnapshot extends SnapshotIdentity {
  /** Wall-clock ms when the stamps were last known right; later edits within the clock's resolution are "racy". */
  takenAt: number;
  /** The day and settings the follow-ups were computed for, or null when none are kept. */
  derived: string | null;
  attachment: unknown;
  entries: SnapshotEntry[];
}

/** The lines of a snapshot, each with its newline; write them in slices and join. */
export function* snapshotLines(s: IndexSnapshot): Generator<string> {
  const header = { format: FORMAT, version: SNAPSHOT_VERSION, vault: s.vault, parse: s.parse, takenAt: s.takenAt, derived: s.derived, count: s.entries.length };
  yield line(header);
  yield line(s.entries.map((e) => [e.note.path, e.stamp.size, e.stamp.mtime, e.stamp.ctime]));
  yield line(s.attachment ?? null);
  for (const e of s.entries) yield line([encodeNote(e.note), e.followUps === null ? null : e.followUps.map(encodeFollowUp)]);
  yield line({ end: s.entries.length });
}

function line(value: unknown): string {
  const json = JSON.stringify(value);
  return `${checksum(json)} ${json}\n`;
}

/** FNV-1a over the UTF-16 units, as 8 hex digits: cheap, and any one changed character changes it. */
function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The JSON of a checked line; throws SyntaxError when the checksum does not match. */
function parseLine(text: string): unknown {
  const json = text.slice(9);
  if (text.length < 10 || text.charCodeAt(8) !== 0x20 || text.slice(0, 8) !== checksum(json)) throw new SyntaxError('checksum');
  return JSON.parse(json);
}

/** The notes of a vault that were read from disk (with a stamp), in path order, with their follow-ups if given. */
export function entriesOf(vault: Vault, followUps?: (path: string) => readonly FollowUp[] | undefined): SnapshotEntry[] {
  const out: SnapshotEntry[] = [];
  for (const path of vault.paths()) {
    const stamp = vault.stampOf(path);
    if (stamp) out.push({ note: vault.get(path)!, stamp, followUps: followUps ? [...(followUps(path) ?? [])] : null });
  }
  return out;
}

export function serializeIndex(s: IndexSnapshot): string {
  return [...snapshotLines(s)].join('');
}

/** Every snapshot read ends here: null for anything that is not a whole, valid snapshot of this vault. */
export function restoreIndex(text: string, expect: SnapshotIdentity): IndexSnapshot | null {
  const reader = SnapshotReader.open(text, expect);
  if (!reader) return null;
  const entries: SnapshotEntry[] = [];
  for (;;) {
    const e = reader.next();
    if (e === null) return null;
    if (e === 'done') break;
    entries.push(e);
  }
  return { ...reader.head, entries };
}

/** A vault-relative note path as the index keeps it: no `..`, no empty segment, nothing absolute. */
function safePath(p: string): boolean {
  return p !== '' && !p.startsWith('/') && !p.includes('\\') && !p.split('/').some((s) => s === '' || s === '.' || s === '..') && isNotePath(p);
}

/**
 * Reads a snapshot one entry at a time (so a host can yield between entries). `open`
 * checks the header and the stamps only; `next` decodes the next note, and returns null
 * as soon as anything is wrong (the caller then discards what it got).
 */
export class SnapshotReader {
  private line = 3;
  private offset: number;

  private constructor(
    private readonly text: string,
    readonly head: Omit<IndexSnapshot, 'entries'>,
    readonly stamps: readonly { path: string; stamp: FileStamp }[],
    start: number,
  ) {
    this.offset = start;
  }

  static open(text: string, expect: SnapshotIdentity): SnapshotReader | null {
    try {
      const lines: string[] = [];
      let at = 0;
      for (let i = 0; i < 3; i++) {
        const nl = text.indexOf('\n', at);
        if (nl === -1) return null;
        lines.push(text.slice(at, nl));
        at = nl + 1;
      }
      const h = parseLine(lines[0]) as Record<string, unknown>;
      if (typeof h !== 'object' || h === null || h.format !== FORMAT || h.version !== SNAPSHOT_VERSION) return null;
      if (h.vault !== expect.vault || h.parse !== expect.parse) return null;
      const { takenAt, derived, count } = h;
      if (typeof takenAt !== 'number' || !Number.isFinite(takenAt)) return null;
      if (derived !== null && typeof derived !== 'string') return null;
      if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) return null;
      const raw = parseLine(lines[1]);
      if (!Array.isArray(raw) || raw.length !== count) return null;
      const seen = new Set<string>();
      const stamps: { path: string; stamp: FileStamp }[] = [];
      for (const s of raw) {
        if (!Array.isArray(s) || s.length !== 4) return null;
        const [path, size, mtime, ctime] = s as unknown[];
        if (typeof path !== 'string' || !safePath(path) || seen.has(path)) return null;
        if (![size, mtime, ctime].every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)) return null;
        seen.add(path);
        stamps.push({ path, stamp: { size: size as number, mtime: mtime as number, ctime: ctime as number } });
      }
      const attachment = parseLine(lines[2]);
      return new SnapshotReader(text, { vault: expect.vault, parse: expect.parse, takenAt, derived, attachment }, stamps, at);
    } catch {
      return null;
    }
  }

  /** The next entry, 'done' after the last (once the end line is checked), or null when the snapshot is broken. */
  next(): SnapshotEntry | 'done' | null {
    const nl = this.text.indexOf('\n', this.offset);
    if (nl === -1) return null;
    const line = this.text.slice(this.offset, nl);
    this.offset = nl + 1;
    const index = this.line++ - 3;
    try {
      if (index === this.stamps.length) {
        const end = parseLine(line) as { end?: unknown } | null;
        return end !== null && typeof end === 'object' && end.end === this.stamps.length && this.offset === this.text.length ? 'done' : null;
      }
      const v = parseLine(line);
      if (!Array.isArray(v) || v.length !== 2) return null;
      const note = decodeNote(v[0]);
      const { path, stamp } = this.stamps[index];
      if (note.path !== path) return null;
      const followUps = v[1] === null ? null : Array.isArray(v[1]) ? v[1].map(decodeFollowUp) : null;
      if (v[1] !== null && followUps === null) return null;
      return { note, stamp, followUps };
    } catch (e) {
      if (e instanceof InvalidSnapshot || e instanceof SyntaxError) return null;
      throw e;
    }
  }
}
