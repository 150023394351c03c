import { addDays, parseCalendarDate, type CalendarDate } from '../dates';

/** One piece of a file to replace: `[start, end)` of the whole text becomes `text`. */
export interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** A line of a file without its terminator, and where it starts in the whole text. */
export interface SourceLine {
  text: string;
  start: number;
}

/**
 * The lines of `text`, split on LF, CRLF and lone CR exactly as the note parser splits them,
 * with their offsets, so that a replacement lands on the same bytes the parser read. A BOM
 * stays outside the first line (it is not part of the note's text).
 */
export function sourceLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push({ text: text.slice(start, i), start });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  lines.push({ text: text.slice(start), start });
  return lines;
}

/** Applies non-overlapping replacements, in any order, to `text`. */
export function applyReplacements(text: string, replacements: readonly Replacement[]): string {
  if (replacements.length === 0) return text;
  const sorted = [...replacements].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const r of sorted) {
    if (r.start < at) throw new Error(`overlapping date replacements at ${r.start}`);
    out += text.slice(at, r.start) + r.text;
    at = r.end;
  }
  return out + text.slice(at);
}

/**
 * `token` (a whole value: `2026-11-10`, `2026.11.10`, `2026-11-10T09:30-05:00`) moved by `days`,
 * written as it was: same separator, same time and zone. Null when the token is not a date the
 * note parser accepts (an impossible date such as 2024-02-30 stays as written, and keeps its problem).
 */
export function shiftDateToken(token: string, days: number): string | null {
  if (token.length < 10 || !parseCalendarDate(token).ok || token.trim() !== token) return null;
  const sep = token[4];
  const moved = addDays(`${token.slice(0, 4)}-${token.slice(5, 7)}-${token.slice(8, 10)}` as CalendarDate, days);
  if (moved.length !== 10) return null; // beyond year 9999 or before year 0: leave it
  return (sep === '-' ? moved : moved.replace(/-/g, sep)) + token.slice(10);
}

/** A replacement for the date token at `[start, start + token.length)`, or null when it is not a date. */
export function dateReplacement(token: string, start: number, days: number): Replacement | null {
  const moved = shiftDateToken(token, days);
  if (moved === null || moved === token) return null;
  return { start, end: start + token.length, text: moved };
}
