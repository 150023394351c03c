import type { CalendarDate } from '../dates';
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
}

export type MatchReason = 'same email' | 'same name';

export interface ExistingMatch {
  person: ImportedPerson;
  /** The note already in the vault, or the note planned for an earlier row of the same file. */
  matchedPath: string;
  reason: MatchReason;
}

export interface SkippedRow {
  line: number;
  reason: string;
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

/** The identity keys of the people already known: emails and normalised names to a note path. */
class PeopleIndex {
  private readonly byEmail = new Map<string, string>();
  private readonly byName = new Map<string, string>();

  addEmails(emails: readonly string[], path: string): void {
    for (const e of emails) {
      const key = normaliseEmail(e);
      if (key !== '' && !this.byEmail.has(key)) this.byEmail.set(key, path);
    }
  }

  addName(name: string, path: string): void {
    const key = normaliseName(name);
    if (key !== '' && !this.byName.has(key)) this.byName.set(key, path);
  }

  match(person: ImportedPerson): { path: string; reason: MatchReason } | null {
    for (const e of person.emails) {
      const path = this.byEmail.get(normaliseEmail(e));
      if (path !== undefined) return { path, reason: 'same email' };
    }
    const path = this.byName.get(normaliseName(person.name));
    return path === undefined ? null : { path, reason: 'same name' };
  }
}

function fileStem(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

/**
 * Decides what an import would do, without doing it: which people become new notes
 * (with their text), which are already in the vault or earlier in the same file
 * (matched by email, then by name, and never overwritten), and which rows are
 * skipped and why. Pure: the same records, vault and day give the same plan.
 */
export function planImport(records: readonly ImportedPerson[], vault: Vault, today: CalendarDate, options: PlanOptions = {}): ImportPlan {
  const folder = (options.folder ?? 'contacts').replace(/^\/+|\/+$/g, '');
  const plan: ImportPlan = { create: [], existing: [], skipped: (options.issues ?? []).map((i) => ({ line: i.line, reason: i.reason })) };
  const known = new PeopleIndex();
  const people = [...vault.contacts(), ...(vault.profile() ? [vault.profile()!] : [])];
  for (const note of people) {
    if (note.email) known.addEmails(note.email.split(/[\s,;]+/), note.path);
    known.addName(note.name, note.path);
    known.addName(fileStem(note.path), note.path);
  }
  const taken = new Set(vault.paths().map(pathKey));

  for (const record of records) {
    // Readers give one-line names already; a caller building records itself may not.
    const person = { ...record, name: oneLine(record.name) ?? '' };
    if (person.name === '') {
      const hint = person.emails[0] ?? person.linkedin ?? person.phones[0] ?? person.institution;
      plan.skipped.push({ line: person.line, reason: hint ? `no name (only '${shown(hint)}')` : 'no name' });
      continue;
    }
    if (normaliseName(person.name) === '') {
      plan.skipped.push({ line: person.line, reason: `name '${shown(person.name)}' has no letters or digits` });
      continue;
    }
    const match = known.match(person);
    if (match) {
      plan.existing.push({ person, matchedPath: match.path, reason: match.reason });
      // A later row with this row's other address is the same person too.
      known.addEmails(person.emails, match.path);
      continue;
    }
    const path = safeNoteFileName(person.name, (lower) => taken.has(lower), { folder });
    taken.add(pathKey(path));
    const role = guessRole(person.position);
    plan.create.push({ person, path, text: importedContactText(person, role, today), role });
    known.addEmails(person.emails, path);
    known.addName(person.name, path);
  }
  plan.skipped.sort((a, b) => a.line - b.line);
  return plan;
}

/** How paths collide: case-insensitive file systems (macOS, Windows) and NFC/NFD spellings. */
function pathKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}
