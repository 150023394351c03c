import { parseNote, type ParseOptions } from './parseNote';
import { ProblemCode, compareProblems, lineRange, problem } from './problems';
import {
  GROUPS,
  type ConferenceNote, type ContactNote, type Group, type Note, type ProfileNote, type ProgramNote, type Problem, type RotationNote,
} from './types';
import { Slicer, standardScheduler, type Scheduler } from './updatePolicy';
import { sameStamp, type FileStamp, type ReadResult, type SkippedEntry, type VaultFs } from './vaultFs';

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
/** One collator for every name sort: `localeCompare` builds one per call, 4x slower on a large vault. */
const COLLATOR = new Intl.Collator();

export interface VaultOptions {
  /** Larger files are reported, not read: a note is a few kilobytes. */
  maxFileBytes?: number;
  /** Lets the host breathe between slices of the cold scan (default: the scheduler's yield). */
  yieldToHost?: () => Promise<void>;
  /** Times the cold scan's slices (default: the standard timers). */
  scheduler?: Scheduler;
  /** How notes are parsed (e.g. whether to look for patient identifiers). */
  parse?: ParseOptions;
}

/** Paths whose derived results (problems, follow-ups, tree items) may have changed. */
export interface ChangeSet {
  changed: string[];
  removed: string[];
}

export interface ScanStats {
  listed: number;
  indexed: number;
  skipped: number;
  /** The longest stretch (ms) the scan ran without yielding to the host. */
  longestSliceMs: number;
}

type Listener = (change: ChangeSet) => void;

/**
 * How close (ms) to the moment a snapshot was taken a file may have been written and still
 * look unchanged: a file system keeps times to a second or two at worst (FAT: 2 s), so an
 * edit in the same tick as the read would keep its stamp. Such "racy" files are re-read,
 * as git does with its index.
 */
export const RACY_MS = 2000;
const STAT_BATCH = 16;

/** What a snapshot says about the disk now: the notes to read again and the ones gone. */
export interface Staleness {
  changed: string[];
  removed: string[];
  listed: number;
}

/** How a link target or a name is compared: case, spacing and a trailing `.md` do not matter. */
export function linkKey(text: string): string {
  // Most names and paths are printable ASCII with single spaces and no `.md`: for those
  // NFC and the whitespace rules change nothing, and lower-casing is all there is to do.
  if (PLAIN_KEY.test(text) && !MD_SUFFIX.test(text)) return text.toLowerCase();
  return text.normalize('NFC').trim().replace(MD_SUFFIX, '').replace(/\s+/g, ' ').toLowerCase();
}

const PLAIN_KEY = /^[!-~]+(?: [!-~]+)*$/;
const MD_SUFFIX = /\.md$/i;

function noteKeys(note: Note): string[] {
  const withoutExt = note.path.replace(/\.md$/i, '');
  const file = withoutExt.slice(withoutExt.lastIndexOf('/') + 1);
  const keys = [linkKey(file)];
  const name = linkKey(note.name);
  if (name !== keys[0]) keys.push(name);
  const path = linkKey(withoutExt);
  if (!keys.includes(path)) keys.push(path);
  return keys;
}

/** Every name a note refers to: `[[links]]` and the fields that name other notes. */
function referencedNames(note: Note): string[] {
  const names = note.links.map((l) => l.target);
  switch (note.kind) {
    case 'contact':
      if (note.metAt) names.push(note.metAt);
      if (note.program) names.push(note.program);
      break;
    case 'conference':
      names.push(...note.shortlist, ...note.followUpWith);
      break;
    case 'rotation':
      names.push(...note.contacts);
      if (note.program) names.push(note.program);
      break;
    case 'program':
      if (note.programDirector) names.push(note.programDirector);
      if (note.coordinator) names.push(note.coordinator);
      break;
    case 'project':
      if (note.lead) names.push(note.lead);
      names.push(...note.members);
      break;
    default:
  }
  return names;
}

/**
 * The index of a vault: one cold scan, then `upsert`/`remove` per changed file.
 * It keeps typed notes only (no syntax trees) and two small maps for links, so an
 * update touches one note and the notes that link to it.
 */
export class Vault {
  private readonly byPath = new Map<string, Note>();
  /** The disk stamp each note was read at; a note from an editor's buffer has none. */
  private readonly stamps = new Map<string, FileStamp>();
  /** Paths by kind, so asking for the few rotations or conferences does not walk every contact. */
  private readonly byKind = new Map<Note['kind'], Set<string>>();
  private readonly byKey = new Map<string, Paths>();
  /** Link key → paths of the notes that refer to it. */
  private readonly referrers = new Map<string, Paths>();
  private readonly listeners = new Set<Listener>();
  /** Link keys of the vault's other files (by path and by file name), so `[[report.pdf]]` resolves. */
  private readonly attachments = new Set<string>();
  private readonly maxFileBytes: number;
  private readonly scheduler: Scheduler;
  private readonly parseOptions: ParseOptions;

  constructor(readonly fs: VaultFs, options: VaultOptions = {}) {
    this.parseOptions = options.parse ?? {};
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const scheduler = options.scheduler ?? standardScheduler();
    this.scheduler = options.yieldToHost ? { ...scheduler, yieldToHost: options.yieldToHost } : scheduler;
  }

  /** A slicer on this vault's scheduler, for callers that update many notes in one go. */
  slicer(): Slicer {
    return new Slicer(this.scheduler);
  }

  /** Reads the whole vault. Files that vanish mid-scan are left out; unreadable ones become problems. */
  async scan(slicer: Slicer = this.slicer()): Promise<ScanStats> {
    this.clear();
    const listing = await this.fs.list();
    slicer.restart();
    this.attachments.clear();
    for (const path of listing.attachments ?? []) {
      this.attachments.add(linkKey(path));
      this.attachments.add(linkKey(path.slice(path.lastIndexOf('/') + 1)));
    }
    let indexed = 0;
    for (let i = 0; i < listing.files.length; i++) {
      const { path } = listing.files[i];
      const note = this.noteFromRead(path, await this.fs.read(path, this.maxFileBytes));
      if (note) {
        this.insert(note);
        indexed++;
      }
      await slicer.tick();
    }
    for (const skipped of listing.skipped) this.insert(skippedNote(skipped));
    const change = { changed: [...this.byPath.keys()], removed: [] };
    this.emit(change);
    slicer.done();
    return { listed: listing.files.length, indexed, skipped: listing.skipped.length, longestSliceMs: slicer.longest };
  }

  private clear(): void {
    this.byPath.clear();
    this.byKind.clear();
    this.byKey.clear();
    this.referrers.clear();
    this.stamps.clear();
  }

  /**
   * Fills the index from a snapshot's notes instead of the disk, in slices, and tells the
   * listeners once: everything changed. `staleness` then says what to read again.
   */
  async restore(entries: readonly { note: Note; stamp: FileStamp }[], slicer: Slicer = this.slicer()): Promise<void> {
    this.clear();
    slicer.restart();
    for (const { note, stamp } of entries) {
      if (this.byPath.has(note.path)) continue;
      this.insert(note);
      this.stamps.set(note.path, stamp);
      await slicer.tick();
    }
    this.emit({ changed: [...this.byPath.keys()], removed: [] });
    slicer.done();
  }

  /** The stamp a note was read at from disk (undefined for editor text, stubs, or with no stamps). */
  stampOf(path: string): FileStamp | undefined {
    return this.stamps.get(path);
  }

  /**
   * Compares the index with the disk without reading a note: lists the vault and stats every
   * file. New files, files whose stamp differs, files with no stamp and files written within
   * `RACY_MS` of `takenAt` need reading; indexed paths no longer listed are gone.
   */
  async staleness(takenAt: number, slicer: Slicer = this.slicer()): Promise<Staleness> {
    const listing = await this.fs.list();
    slicer.restart();
    const listed = new Set<string>();
    const changed: string[] = [];
    const stat = this.fs.stat?.bind(this.fs);
    // A few stats in flight at once: on a remote file system each is a round trip.
    for (let i = 0; i < listing.files.length; i += STAT_BATCH) {
      const batch = listing.files.slice(i, i + STAT_BATCH).map((f) => f.path);
      const stamps = await Promise.all(batch.map((p) => (stat && this.stamps.has(p) ? stat(p) : Promise.resolve(null))));
      batch.forEach((path, j) => {
        listed.add(path);
        const known = this.stamps.get(path);
        const now = stamps[j];
        if (!known || !now || !sameStamp(known, now) || Math.max(now.mtime, now.ctime) >= takenAt - RACY_MS) changed.push(path);
      });
      await slicer.tick();
    }
    for (const { path } of listing.skipped) {
      listed.add(path);
      changed.push(path);
    }
    const removed = [...this.byPath.keys()].filter((p) => !listed.has(p));
    slicer.done();
    return { changed, removed, listed: listing.files.length };
  }

  /** Re-reads one path from disk (a watcher told us it changed). */
  async refresh(path: string): Promise<ChangeSet> {
    const note = this.noteFromRead(path, await this.fs.read(path, this.maxFileBytes));
    return note ? this.replace(path, note) : this.remove(path);
  }

  /** Indexes a note from text that is not (or not yet) on disk, such as an editor's buffer. */
  upsert(path: string, text: string): ChangeSet {
    this.stamps.delete(path);
    return this.replace(path, parseNote(path, text, this.parseOptions));
  }

  remove(path: string): ChangeSet {
    const old = this.byPath.get(path);
    if (!old) return { changed: [], removed: [] };
    const affected = this.neighbours(old);
    this.detach(old);
    this.stamps.delete(path);
    affected.delete(path);
    const change = { changed: [...affected].filter((p) => this.byPath.has(p)), removed: [path] };
    this.emit(change);
    return change;
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  get size(): number {
    return this.byPath.size;
  }

  get(path: string): Note | undefined {
    return this.byPath.get(path);
  }

  notes(): IterableIterator<Note> {
    return this.byPath.values();
  }

  paths(): string[] {
    return [...this.byPath.keys()].sort();
  }

  /** How many notes of a kind there are, without building the list. */
  countOf(kind: Note['kind']): number {
    return this.byKind.get(kind)?.size ?? 0;
  }

  contacts(): ContactNote[] {
    return this.ofKind('contact');
  }

  conferences(): ConferenceNote[] {
    return this.ofKind('conference');
  }

  rotations(): RotationNote[] {
    return this.ofKind('rotation');
  }

  programs(): ProgramNote[] {
    return this.ofKind('program');
  }

  profile(): ProfileNote | undefined {
    return this.byPath.get('profile.md') as ProfileNote | undefined ?? this.ofKind('profile')[0];
  }

  private ofKind<K extends Note['kind']>(kind: K): Extract<Note, { kind: K }>[] {
    const out: Extract<Note, { kind: K }>[] = [];
    for (const path of this.byKind.get(kind) ?? []) out.push(this.byPath.get(path) as Extract<Note, { kind: K }>);
    return out.sort((a, b) => COLLATOR.compare(a.name, b.name) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** The note a `[[target]]` or a name refers to: by path, file name or `name`, ignoring case. */
  resolve(target: string): Note | undefined {
    let best: string | undefined;
    for (const p of pathsOf(this.byKey, linkKey(target))) if (best === undefined || p < best) best = p;
    return best === undefined ? undefined : this.byPath.get(best);
  }

  /** The conference or rotation a contact was met at, when `met_at` names a note. */
  eventOf(contact: ContactNote): ConferenceNote | RotationNote | undefined {
    if (!contact.metAt) return undefined;
    const note = this.resolve(contact.metAt);
    return note && (note.kind === 'conference' || note.kind === 'rotation') ? note : undefined;
  }

  /** Contacts tied to an event: met there (`met_at`) or listed on it (shortlist, contacts). */
  contactsOf(event: ConferenceNote | RotationNote): ContactNote[] {
    const found = new Map<string, ContactNote>();
    for (const key of noteKeys(event)) {
      for (const p of pathsOf(this.referrers, key)) {
        const n = this.byPath.get(p);
        if (n?.kind === 'contact' && n.metAt && this.resolve(n.metAt) === event) found.set(n.path, n);
      }
    }
    const listed = event.kind === 'conference' ? event.shortlist : event.contacts;
    for (const name of listed) {
      const n = this.resolve(name);
      if (n?.kind === 'contact') found.set(n.path, n);
    }
    return [...found.values()].sort((a, b) => COLLATOR.compare(a.name, b.name));
  }

  /**
   * A contact's place in the Network view. Sponsors come first (sponsorship is the
   * stage after mentorship), then mentors by kind, then by role; a contact met at a
   * conference who is none of these is a conference lead.
   */
  groupOf(contact: ContactNote): Group {
    if (contact.sponsor) return 'sponsors';
    if (contact.mentor) return `mentor-${contact.mentor}`;
    if (contact.role === 'resident') return 'residents';
    if (contact.role === 'program-director' || contact.role === 'associate-program-director' || contact.role === 'chair' || contact.role === 'coordinator') {
      return 'program-leadership';
    }
    if (contact.metAt) {
      const event = this.resolve(contact.metAt);
      if (!event || event.kind === 'conference') return 'conference-leads';
    }
    // Faculty who are neither mentors, sponsors nor leadership (say, met on a rotation).
    if (contact.role === 'faculty') return 'faculty';
    return 'others';
  }

  groups(): Map<Group, ContactNote[]> {
    const groups = new Map<Group, ContactNote[]>(GROUPS.map((g) => [g, []]));
    for (const c of this.contacts()) groups.get(this.groupOf(c))!.push(c);
    return groups;
  }

  /** A note's own problems plus those that depend on the rest of the vault (unresolved links). */
  problemsFor(path: string): Problem[] {
    const note = this.byPath.get(path);
    if (!note) return [];
    const unresolved = note.links
      .filter((l) => !this.names(l.target) && !(l.alt !== undefined && this.names(l.alt)))
      .map((l) => problem(ProblemCode.unresolvedLink, 'warning', `No note named '${l.target}' in the vault. Create it or fix the link.`, l.range));
    return unresolved.length === 0 ? note.problems : [...note.problems, ...unresolved].sort(compareProblems);
  }

  /** True when `target` names a note or another file of the vault. */
  private names(target: string): boolean {
    const key = linkKey(target);
    return this.byKey.has(key) || this.attachments.has(key);
  }

  private noteFromRead(path: string, read: ReadResult): Note | null {
    if (read.kind === 'text' && read.stamp) this.stamps.set(path, read.stamp);
    else this.stamps.delete(path);
    switch (read.kind) {
      case 'text':
        return parseNote(path, read.text, this.parseOptions);
      case 'missing':
        return null;
      case 'too-large':
        return stubNote(path, ProblemCode.fileTooLarge, 'error',
          `File is too large to be a note (${formatBytes(read.size)}; the limit is ${formatBytes(this.maxFileBytes)}). It was not read.`);
      case 'binary':
        return stubNote(path, ProblemCode.binaryFile, 'error', 'File is binary, not markdown text. It was not read.');
      case 'skipped':
        return skippedNote({ path, reason: read.reason, detail: read.detail });
      case 'error':
        return stubNote(path, ProblemCode.readError, 'error', `File could not be read: ${read.message}`);
    }
  }

  private replace(path: string, note: Note): ChangeSet {
    const old = this.byPath.get(path);
    const affected = old ? this.neighbours(old) : new Set<string>([path]);
    if (old) this.detach(old);
    this.insert(note);
    for (const p of this.neighbours(note)) affected.add(p);
    const change = { changed: [...affected].filter((p) => this.byPath.has(p)), removed: [] };
    this.emit(change);
    return change;
  }

  /** The note, the notes that refer to it, and the notes it refers to. */
  private neighbours(note: Note): Set<string> {
    const out = new Set<string>([note.path]);
    for (const key of noteKeys(note)) for (const p of pathsOf(this.referrers, key)) out.add(p);
    for (const name of referencedNames(note)) for (const p of pathsOf(this.byKey, linkKey(name))) out.add(p);
    // A rotation also concerns everyone at its program (the ERAS update goes to faculty where
    // you rotated), who name the program, not the rotation.
    if (note.kind === 'rotation' && note.program) {
      const program = this.resolve(note.program);
      const keys = program ? noteKeys(program) : [linkKey(note.program)];
      for (const key of keys) for (const p of pathsOf(this.referrers, key)) out.add(p);
    }
    return out;
  }

  private insert(note: Note): void {
    this.byPath.set(note.path, note);
    addTo(this.byKind, note.kind, note.path);
    for (const key of noteKeys(note)) addPath(this.byKey, key, note.path);
    for (const name of referencedNames(note)) addPath(this.referrers, linkKey(name), note.path);
  }

  private detach(note: Note): void {
    this.byPath.delete(note.path);
    removeFrom(this.byKind, note.kind, note.path);
    for (const key of noteKeys(note)) removePath(this.byKey, key, note.path);
    for (const name of referencedNames(note)) removePath(this.referrers, linkKey(name), note.path);
  }

  private emit(change: ChangeSet): void {
    for (const l of this.listeners) l(change);
  }
}

function addTo<K>(map: Map<K, Set<string>>, key: K, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom<K>(map: Map<K, Set<string>>, key: K, value: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

/**
 * The paths filed under a link key: one path as a plain string, a Set only once a
 * second note shares the key. Nearly every key (a file name, a name) belongs to one
 * note, and a Set for each would cost ~130 bytes of the vault's memory per key.
 */
type Paths = string | Set<string>;

function addPath(map: Map<string, Paths>, key: string, path: string): void {
  const paths = map.get(key);
  if (paths === undefined) map.set(key, path);
  else if (typeof paths !== 'string') paths.add(path);
  else if (paths !== path) map.set(key, new Set([paths, path]));
}

function removePath(map: Map<string, Paths>, key: string, path: string): void {
  const paths = map.get(key);
  if (paths === undefined) return;
  if (typeof paths === 'string') {
    if (paths === path) map.delete(key);
    return;
  }
  paths.delete(path);
  if (paths.size === 0) map.delete(key);
}

const NO_PATHS: readonly string[] = [];

function pathsOf(map: Map<string, Paths>, key: string): Iterable<string> {
  const paths = map.get(key);
  return paths === undefined ? NO_PATHS : typeof paths === 'string' ? [paths] : paths;
}

/** A note that could not be read still appears, as a file with one problem and no data. */
function stubNote(path: string, code: string, severity: 'error' | 'warning', message: string): Note {
  const note = parseNote(path, '');
  return { ...note, kind: 'other', frontmatterBroken: true, problems: [problem(code, severity, message, lineRange(0))] };
}

function skippedNote(entry: SkippedEntry): Note {
  const code = entry.reason === 'outside-vault' ? ProblemCode.outsideVault : ProblemCode.notAFile;
  return stubNote(entry.path, code, 'warning', `Not read: ${entry.detail}.`);
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
