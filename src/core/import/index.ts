/**
 * Importing an existing network: LinkedIn's Connections.csv, vCard files from a phone
 * or a mail client, and any CSV with a column mapping. Pure: the caller reads the
 * file and writes the planned notes (see src/node/importFile.ts).
 */
import { mappingHasName, parseGenericCsv, readCsvHeaders, resolveMapping, type ColumnMapping, type MappingField } from './generic';
import { findLinkedInHeader, parseLinkedIn } from './linkedin';
import { parseVCards } from './vcard';
import type { ParsedImport } from './types';

export * from './types';
export { parseMappingSpec, rememberedMapping, MAPPING_FIELDS, type ColumnMapping, type MappingField } from './generic';
export { planImport, type ImportPlan } from './plan';

export type ImportFormat = 'linkedin' | 'vcard' | 'csv';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  linkedin: 'LinkedIn connections',
  vcard: 'vCard contacts',
  csv: 'CSV with a column mapping',
};

function looksLikeVCard(text: string): boolean {
  return /^\uFEFF?\s*BEGIN[ \t]*:[ \t]*VCARD/i.test(text.slice(0, 4096));
}

/**
 * The format of an export, by extension and content: `.vcf`/`.vcard` or a
 * `BEGIN:VCARD` opening is vCard; a CSV whose header names LinkedIn's columns is
 * LinkedIn; any other `.csv` is generic. Null when it cannot tell.
 */
export function detectFormat(fileName: string, text: string): ImportFormat | null {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (looksLikeVCard(text)) return 'vcard';
  if (ext === 'vcf' || ext === 'vcard') return 'vcard';
  if (findLinkedInHeader(text)) return 'linkedin';
  if (ext === 'csv') return 'csv';
  return null;
}

export interface ReadImportOptions {
  /** The mapping the vault remembered from the last generic import. */
  remembered?: ColumnMapping | null;
  /** The user's choices (`--map`); null removes a guessed column. */
  override?: Partial<Record<MappingField, string | null>> | null;
  /** The file's bytes (when not UTF-16): a vCard is decoded card by card from them, not from `text`. */
  bytes?: Uint8Array | null;
}

export type ReadImportResult =
  | { ok: true; format: ImportFormat; parsed: ParsedImport; mapping: ColumnMapping | null; headers: string[] | null }
  | { ok: false; error: 'unknown-format' | 'bad-mapping' | 'no-name-column' | 'empty'; message: string; headers?: string[] };

/** Detects the format and reads every person, resolving a generic CSV's column mapping on the way. */
export function readImport(fileName: string, text: string, options: ReadImportOptions = {}): ReadImportResult {
  const format = detectFormat(fileName, text);
  if (format === null) {
    return { ok: false, error: 'unknown-format', message: 'not a format Rapport imports: use a LinkedIn Connections.csv, a .vcf, or a .csv with a header row' };
  }
  if (format === 'linkedin') return { ok: true, format, parsed: parseLinkedIn(text), mapping: null, headers: null };
  if (format === 'vcard') return { ok: true, format, parsed: parseVCards(options.bytes ?? text), mapping: null, headers: null };

  const head = readCsvHeaders(text);
  if (!head) return { ok: false, error: 'empty', message: 'the file has no header row (it is empty)' };
  const { mapping, errors } = resolveMapping(head.headers, options.remembered ?? null, options.override ?? null);
  if (errors.length > 0) return { ok: false, error: 'bad-mapping', message: errors.join('; '), headers: head.headers };
  if (!mappingHasName(mapping)) {
    return {
      ok: false, error: 'no-name-column', headers: head.headers,
      message: 'no column looks like a name (Name, Full Name, or First Name + Last Name); say which with --map "name=Your Column"',
    };
  }
  return { ok: true, format, parsed: parseGenericCsv(text, mapping), mapping, headers: head.headers };
}
