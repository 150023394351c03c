import type { Range } from '../types';
import type { PatientIdentifier } from './types';

export const REDACTED = '[redacted]';

/**
 * The line with `range` replaced by `[redacted]`. The range's characters are
 * clamped to the line; a range running onto later lines redacts to the end of
 * this one (identifiers never span lines, but a stale range must not throw).
 */
export function redact(lineText: string, range: Range): string {
  const start = Math.max(0, Math.min(range.start.character, lineText.length));
  const endChar = range.end.line > range.start.line ? lineText.length : range.end.character;
  const end = Math.max(start, Math.min(endChar, lineText.length));
  return lineText.slice(0, start) + REDACTED + lineText.slice(end);
}

/** All `identifiers` redacted in a copy of `lines` (right to left within a line, so earlier ranges stay valid). */
export function redactAll(lines: readonly string[], identifiers: readonly PatientIdentifier[]): string[] {
  const out = [...lines];
  const ordered = [...identifiers].sort((a, b) =>
    b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  for (const id of ordered) {
    const line = id.range.start.line;
    if (line >= 0 && line < out.length) out[line] = redact(out[line], id.range);
  }
  return out;
}
