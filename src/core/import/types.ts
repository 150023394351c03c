import { singleLine } from '../text';
import type { CalendarDate } from '../dates';

/** Where a person came from; written to the note as `source:`. */
export type ImportSource = 'linkedin' | 'vcard' | 'csv';

/** One person read from an export, before anything is decided about the vault. */
export interface ImportedPerson {
  source: ImportSource;
  /** 1-based line in the imported file where the row or card starts. */
  line: number;
  /** Full name as written, on one line; '' when the row has none. */
  name: string;
  /** Honorific such as `Dr.` (vCard `N` prefix, Google `Name Prefix`, Outlook `Title`). */
  honorific: string | null;
  /** The name's parts as the source gave them (null when it gave none); `name` is what is shown. */
  nameParts: NameParts;
  /** Degrees and suffixes split from the name ("MD, FACS", "Jr."): kept, but never in a greeting or a file name. */
  credentials: string | null;
  /** Preferred first, then the rest; all are used to find duplicates. */
  emails: string[];
  phones: string[];
  institution: string | null;
  department: string | null;
  position: string | null;
  met: CalendarDate | null;
  linkedin: string | null;
  /** Other web addresses. */
  urls: string[];
  /** Free text, may span lines. */
  notes: string | null;
  /** Things the reader noticed but could still import (an unreadable date, say). */
  warnings: string[];
}

export interface NameParts {
  given: string | null;
  additional: string | null;
  family: string | null;
}

/** A row or card that could not be read: reported with its line, never a crash. */
export interface ImportIssue {
  line: number;
  reason: string;
  /** `undecodable`: a card whose bytes could not be turned into text; `unreadable`: anything else. */
  kind?: 'undecodable' | 'unreadable' | 'not-a-person' | 'limit';
}

export interface ParsedImport {
  people: ImportedPerson[];
  issues: ImportIssue[];
}

export function emptyPerson(source: ImportSource, line: number): ImportedPerson {
  return {
    source, line, name: '', honorific: null, nameParts: { given: null, additional: null, family: null }, credentials: null, emails: [], phones: [], institution: null, department: null,
    position: null, met: null, linkedin: null, urls: [], notes: null, warnings: [],
  };
}

/** A single-line value: NFC, control characters and line breaks as spaces, runs of spaces collapsed. */
export function oneLine(text: string | null | undefined): string | null {
  if (text == null) return null;
  const clean = singleLine(text.normalize('NFC'));
  return clean === '' ? null : clean;
}

/** Multi-line free text: NFC, line breaks unified to `\n`, other control characters removed, outer blank lines trimmed. */
export function multiLine(text: string | null | undefined): string | null {
  if (text == null) return null;
  const clean = text.normalize('NFC').replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff]/g, '')
    // Per line, not /[ \t]+$/gm: that regex is quadratic on a long run of spaces.
    .split('\n').map(trimEndSpaces).join('\n')
    .replace(/^\n+/, '');
  return clean.trim() === '' ? null : trimEndNewlines(clean);
}

function trimEndSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  return line.slice(0, end);
}

function trimEndNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return text.slice(0, end);
}

/** Splits a LinkedIn-style URL out of a list of web addresses. */
export function isLinkedInUrl(url: string): boolean {
  return /^(?:https?:\/\/)?(?:[\w-]+\.)*linkedin\.com(?:[/?#]|$)/i.test(url.trim());
}

/** Untrusted text shown inside a message: one line, at most `max` characters. */
export function shown(text: string, max = 60): string {
  const line = oneLine(text) ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
