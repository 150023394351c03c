import type { AgendaItem } from './agenda';
import { addDays, type CalendarDate } from './dates';
import { daysLate, isOverdue } from './timing';
import { singleLine } from './text';

/**
 * Follow-ups as an iCalendar feed (RFC 5545): one all-day event per follow-up on
 * its due date, with a reminder at 9:00 that day. An overdue follow-up is put on
 * today (its original due date in its title and description): on its past date a
 * calendar would never show it where the student looks. UIDs are hashes of the note's
 * path, the rule and the follow-up's key, so re-exporting updates events in place
 * instead of adding copies.
 */
export interface IcsOptions {
  /** The instant written as DTSTAMP; pass a fixed one for reproducible output. Defaults to now. */
  now?: Date;
  /** The calendar's display name. */
  name?: string;
  /** Today: anything due before it is written on it. Without it, every item stays on its due date. */
  today?: CalendarDate;
}

const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** FNV-1a, 64 bits: small, stable across runs and platforms, and plenty for a few thousand events. */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of encoder.encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

export function eventUid(item: Pick<AgendaItem, 'path' | 'code' | 'key'>): string {
  return `${fnv1a64(`${item.path}\u0000${item.code}\u0000${item.key}`)}@rapport`;
}

/**
 * TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and every line break —
 * CRLF, CR, LF and the Unicode ones (U+0085, U+2028, U+2029, which some parsers split
 * lines on) — as `\n`. Other control characters, which TEXT cannot hold, become a
 * space (never dropped: "a\u0007b" must not read back as "ab"). Bidi marks, emoji and
 * every other character are kept as they are.
 */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, '\\n')
    // eslint-disable-next-line no-control-regex -- replacing control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ');
}

/** A name or a title on one line: line breaks and control characters as one space (as `rapport list` shows it). */
export function oneLineText(text: string): string {
  return singleLine(text);
}

/**
 * Folds a content line so no physical line exceeds 75 octets (continuations start
 * with a space, which counts). Splits only between code points, so a multi-byte
 * character is never cut in half.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0)!);
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

function basicDate(date: CalendarDate): string {
  return date.replace(/-/g, '');
}

function utcStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** A code point's length in UTF-8, without encoding it. */
function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

export function toICalendar(items: readonly AgendaItem[], options: IcsOptions = {}): string {
  const today = options.today;
  const stamp = utcStamp(options.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Rapport//Follow-ups//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name ?? 'Rapport follow-ups')}`,
  ];
  const seen = new Set<string>();
  for (const item of items) {
    const uid = eventUid(item);
    // The same follow-up listed twice would be two events with one UID: calendars reject that.
    if (seen.has(uid)) continue;
    seen.add(uid);
    // Past its day, it sits on today (timing.ts: a hint is never overdue, but it moves too).
    const past = today !== undefined && item.due < today;
    const overdue = today !== undefined && isOverdue(item, today);
    const day = past ? today : item.due;
    const late = overdue ? daysLate(item, today) : 0;
    const tag = overdue ? ` (overdue, was due ${item.due})` : past ? ` (from ${item.due})` : '';
    const summary = `${oneLineText(item.name)}: ${oneLineText(item.action)}${tag}`;
    const description = [
      overdue ? `Overdue: due ${item.due}, ${late} day${late === 1 ? '' : 's'} ago.` : past ? `Due ${item.due}.` : null,
      item.message,
      item.template ? `Template: ${item.template}` : null,
      `Note: ${item.path}:${item.line}`,
      `Rule: ${item.code}`,
    ].filter((l): l is string => l !== null).join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(day)}`,
      `DTEND;VALUE=DATE:${basicDate(addDays(day, 1))}`,
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `CATEGORIES:${escapeText('Rapport')},${escapeText(item.code)}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(summary)}`,
      // Relative to the all-day event's start (local midnight): 9:00 on the due day.
      'TRIGGER;RELATED=START:PT9H',
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
