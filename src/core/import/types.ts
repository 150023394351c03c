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
  /** Honorific such as `Dr.` (vCard `N` prefix). */
  honorific: string | null;
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

/** A row or card that could not be read: reported with its line, never a crash. */
export interface ImportIssue {
  line: number;
  reason: string;
}

export interface ParsedImport {
  people: ImportedPerson[];
  issues: ImportIssue[];
}

export function emptyPerson(source: ImportSource, line: number): ImportedPerson {
  return {
    source, line, name: '', honorific: null, emails: [], phones: [], institution: null, department: null,
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
    .replace(/[ \t]+$/gm, '')
    .replace(/^\n+|\n+$/g, '');
  return clean.trim() === '' ? null : clean;
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
