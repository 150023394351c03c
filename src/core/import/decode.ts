import { looksBinary } from '../vaultFs';
import { decodeWindows1252 } from './bytes';

/** An export of a few thousand contacts is a few megabytes; more than this is not a contact list. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ImportFileRead =
  | {
    kind: 'text'; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
    /** The file's bytes when they are an ASCII-compatible encoding: a vCard decides its character set card by card from them. */
    bytes?: Uint8Array;
  }
  | { kind: 'missing' }
  | { kind: 'not-a-file' }
  | { kind: 'too-large'; size: number; limit: number }
  | { kind: 'binary' }
  | { kind: 'error'; message: string };

/**
 * Decodes an export's bytes, wherever they were read (the disk, or `workspace.fs` in a
 * browser). UTF-8 (with or without BOM) and UTF-16 with a BOM (Windows tools write vCards
 * that way) are decoded as such; bytes that are not valid UTF-8 are read as Windows-1252,
 * which old Outlook and Excel CSVs are.
 */
export function decodeImportBytes(bytes: Uint8Array): ImportFileRead {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'text', text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { kind: 'text', text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  if (looksBinary(bytes)) return { kind: 'binary' };
  try {
    // The decoder drops a UTF-8 BOM; the parsers accept one anyway.
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bytes };
  } catch {
    // Rapport's own Windows-1252: Node 20's TextDecoder drops the bytes 0x80–0x9F (curly quotes, dashes).
    return { kind: 'text', text: decodeWindows1252(bytes), encoding: 'windows-1252', bytes };
  }
}
