import type { CalendarDate } from '../dates';
import { scalarText } from '../fields';
import type { Vault } from '../vault';
import { normaliseEmail, normaliseName } from './names';
import { safeNoteFileName } from '../fileNames';
import { importedContactText } from './noteText';
import { guessRole, type RoleGuess } from './roleGuess';
import { oneLine, shown, type ImportIssue, type ImportedPerson } from './types';

export interface PlannedNote {
  person: ImportedPerson;
  /** Vault-relative, forward slashes; unique in the vault and in the plan, ignoring case. */
  path: string;
  text: string;
  role: RoleGuess;
  /**
   * Notes (in the vault, or planned for earlier rows) of someone with the same name but
   * a different email, profile URL or institution: a different person, imported under
   * its own file name and flagged so the student can merge by hand if it is not.
   */
  sameNameAs: string[];
}

export type MatchReason = 'same email' | 'same profile URL' | 'same name';

export interface ExistingMatch {
  person: ImportedPerson;
  /** The note already in the vault, or the note planned for an earlier row of the same file. */
  matchedPath: string;
  reason: MatchReason;
}

export interface SkippedRow {
  line: number;
  reason: string;
  kind?: ImportIssue['kind'] | 'no-name';
}

export interface ImportPlan {
  create: PlannedNote[];
  existing: ExistingMatch[];
  skipped: SkippedRow[];
}

export interface PlanOptions {
  /** Folder for new notes; `contacts` by default. */
  folder?: string;
  /** Rows or cards the reader could not read, merged into `skipped` by line. */
  issues?: readonly ImportIssue[];
}

/** What tells two people apart when their names are the same. */
interface Identity {
  path: string;
  emails: Set<string>;
  profile: string | null;
  institution: string | null;
}

/**
 * `https://www.linkedin.com/in/Jane-Doe-12/?trk=x` → `linkedin.com/in/jane-doe-12`: the
 * same profile however it was copied (scheme, `www.` or a country subdomain, query,
 * trailing slash, case).
 */
export function profileKey(url: string | null | undefined): string | null {
  if (!url) return null;
  const m = /^(?:https?:\/\/)?([^/?#\s]+)([^?#\s]*)/i.exec(url.trim());
  if (!m) return null;
  let host = m[1].toLowerCase().replace(/^www\./, '');
  if (host.endsWith('.linkedin.com')) host = 'linkedin.com';
  let rest = m[2];
  try {
    rest = decodeURIComponent(rest);
  } catch {
    // Keep it as written: a bad escape is still a stable key.
  }
  const key = `${host}${rest.replace(/\/+$/, '')}`.toLowerCase();
  return key === host ? null : key;
}

/** Case and spacing do not make another institution; anything more does (cheap: one per row). */
function institutionKey(text: string | null | undefined): string | null {
  if (!text) return null;
  const key = text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  return key === '' ? null : key;
}

/** Two records of one name are different people when something that identifies them differs. */
function differs(a: Identity, b: Omit<Identity, 'path'>): boolean {
  if (a.emails.size > 0 && b.emails.size > 0 && ![...b.emails].some((e) => a.emails.has(e))) return true;
  if (a.profile !== null && b.profile !== null && a.profile !== b.profile) return true;
  return a.institution !== null && b.institution !== null && a.institution !== b.institution;
}

const MAX_NAMESAKES = 64;

/** The people already known (vault notes, then rows planned earlier), by email, profile URL and name. */
class PeopleIndex {
  private readonly byEmail = new Map<string, string>();
  private readonly byProfile = new Map<string, string>();
  private readonly byName = new Map<string, Identity[]>();

  /** `nameKeys` are normalised already (`normaliseName`). */
  add(nameKeys: readonly string[], identity: Identity): void {
    for (const e of identity.emails) if (!this.byEmail.has(e)) this.byEmail.set(e, identity.path);
    if (identity.profile !== null && !this.byProfile.has(identity.profile)) this.byProfile.set(identity.profile, identity.path);
    const keys = new Set(nameKeys.filter((k) => k !== ''));
    for (const key of keys) {
      const list = this.byName.get(key) ?? [];
      // Bounded: ten thousand rows of one name stay linear (emails and URLs still match them all).
      if (list.length < MAX_NAMESAKES && !list.some((i) => i.path === identity.path)) list.push(identity);
      this.byName.set(key, list);
    }
  }

  addEmails(emails: Iterable<string>, path: string): void {
    for (const e of emails) if (!this.byEmail.has(e)) this.byEmail.set(e, path);
  }

  match(nameKey: string, who: Omit<Identity, 'path'>): { path: string; reason: MatchReason } | { sameNameAs: string[] } | null {
    for (const e of who.emails) {
      const path = this.byEmail.get(e);
      if (path !== undefined) return { path, reason: 'same email' };
    }
    if (who.profile !== null) {
      const path = this.byProfile.get(who.profile);
      if (path !== undefined) return { path, reason: 'same profile URL' };
    }
    const namesakes = this.byName.get(nameKey) ?? [];
    const same = namesakes.find((i) => !differs(i, who));
    if (same) return { path: same.path, reason: 'same name' };
    return namesakes.length > 0 ? { sameNameAs: namesakes.map((i) => i.path) } : null;
  }
}

function fileStem(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

function emailKeys(emails: readonly string[]): Set<string> {
  return new Set(emails.map(normaliseEmail).filter((e) => e !== ''));
}

function frontmatterText(value: unknown): string | null {
  const text = scalarText(value);
  return text === null || text === '' ? null : text;
}

/**
 * Decides what an import would do, without doing it: which people become new notes
 * (with their text), which are already in the vault or earlier in the same file, and
 * which rows are skipped and why. Identity before names: the same email or profile URL
 * is the same person; the same name is only when nothing that identifies them (email,
 * profile URL, institution) differs — otherwise it is a namesake, imported under its
 * own file name and flagged. Nothing is ever overwritten. Pure: the same records,
 * vault and day give the same plan. Linear in the number of records (namesakes aside).
 */
export function planImport(records: readonly ImportedPerson[], vault: Vault, today: CalendarDate, options: PlanOptions = {}): ImportPlan {
  const folder = (options.folder ?? 'contacts').replace(/^\/+|\/+$/g, '');
  const plan: ImportPlan = {
    create: [], existing: [],
    skipped: (options.issues ?? []).map((i) => ({ line: i.line, reason: i.reason, ...(i.kind ? { kind: i.kind } : {}) })),
  };
  const known = new PeopleIndex();
  const people = [...vault.contacts(), ...(vault.profile() ? [vault.profile()!] : [])];
  for (const note of people) {
    const contact = note.kind === 'contact' ? note : null;
    known.add([normaliseName(note.name), normaliseName(fileStem(note.path))], {
      path: note.path,
      emails: emailKeys(frontmatterText(note.frontmatter.email)?.split(/[\s,;]+/) ?? []),
      profile: profileKey(frontmatterText(note.frontmatter.linkedin)),
      institution: institutionKey(contact?.institution),
    });
  }
  const taken = new Set(vault.paths().map(pathKey));
  const counters = new Map<string, number>();

  for (const record of records) {
    // Readers give one-line names already; a caller building records itself may not.
    const person = { ...record, name: oneLine(record.name) ?? '' };
    if (person.name === '') {
      const hint = person.emails[0] ?? person.linkedin ?? person.phones[0] ?? person.institution;
      plan.skipped.push({ line: person.line, reason: hint ? `no name (only '${shown(hint)}')` : 'no name', kind: 'no-name' });
      continue;
    }
    const nameKey = normaliseName(person.name);
    if (nameKey === '') {
      plan.skipped.push({ line: person.line, reason: `name '${shown(person.name)}' has no letters or digits`, kind: 'no-name' });
      continue;
    }
    const who = { emails: emailKeys(person.emails), profile: profileKey(person.linkedin), institution: institutionKey(person.institution) };
    const match = known.match(nameKey, who);
    if (match && 'path' in match) {
      plan.existing.push({ person, matchedPath: match.path, reason: match.reason });
      // A later row with this row's other address is the same person too.
      known.addEmails(who.emails, match.path);
      continue;
    }
    const path = safeNoteFileName(person.name, (lower) => taken.has(lower), { folder, counters });
    taken.add(pathKey(path));
    const role = guessRole(person.position);
    plan.create.push({ person, path, text: importedContactText(person, role, today), role, sameNameAs: match?.sameNameAs ?? [] });
    known.add([nameKey], { path, ...who });
  }
  plan.skipped.sort((a, b) => a.line - b.line);
  return plan;
}

/** How paths collide: case-insensitive file systems (macOS, Windows) and NFC/NFD spellings. */
function pathKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}
