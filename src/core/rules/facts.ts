import { daysBetween, type CalendarDate } from '../dates';
import type { ContactNote, Interaction, Note } from '../types';

/**
 * Small facts the rules share. Interactions are read in time order: by date, and
 * within one day by their place in the file, because Rapport appends new entries at
 * the end of the log (so a later line is a later message).
 */
const orderedCache = new WeakMap<Note, Interaction[]>();

export function ordered(note: Note): Interaction[] {
  let out = orderedCache.get(note);
  if (!out) {
    out = [...note.interactions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line));
    orderedCache.set(note, out);
  }
  return out;
}

/** Messages that ask for an answer. A thank-you does not, so it never starts a wait for a reply. */
function expectsReply(i: Interaction): boolean {
  return i.kind === 'emailed' || i.kind === 'followed-up';
}

/** The first interaction on or after `date` that passes `test`, in time order. */
export function firstOnOrAfter(note: Note, date: CalendarDate, test: (i: Interaction) => boolean): Interaction | undefined {
  return ordered(note).find((i) => i.date >= date && test(i));
}

/** The 0-based line of the first of these frontmatter keys present (keys as normalised: `follow_up`). */
export function keyLine(note: Note, ...keys: string[]): number | undefined {
  for (const k of keys) if (k in note.keyLines) return note.keyLines[k];
  return undefined;
}

/** Where a note-level follow-up points when no field is more specific: the `name` key, else the top. */
export function noteLine(note: Note): number {
  return keyLine(note, 'name', 'type') ?? 0;
}

/**
 * A contact's reminders are silenced while its status is paused, dormant or archived,
 * and while today is before `snooze_until` (they come back on that day).
 */
export function isSilenced(contact: ContactNote, today: CalendarDate): boolean {
  if (contact.status === 'paused' || contact.status === 'dormant' || contact.status === 'archived') return true;
  return contact.snoozeUntil !== null && today < contact.snoozeUntil;
}

/** "today", "yesterday", "3 days ago", "in 2 days". */
export function relativeDays(from: CalendarDate, today: CalendarDate): string {
  const n = daysBetween(from, today);
  if (n === 0) return 'today';
  if (n === 1) return 'yesterday';
  if (n === -1) return 'tomorrow';
  return n > 0 ? `${n} days ago` : `in ${-n} days`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "Dr. Jane Smith" when a title is given. */
export function displayName(contact: ContactNote): string {
  return contact.title ? `${contact.title} ${contact.name}` : contact.name;
}

/**
 * The messages sent since the contact last answered (or spoke with the student),
 * oldest first: the open "thread" that awaiting-reply and attempts-exhausted judge.
 */
export function unansweredAsks(note: Note): Interaction[] {
  const list = ordered(note);
  const asks: Interaction[] = [];
  for (const i of list) {
    if (i.direction === 'in' || i.direction === 'both') asks.length = 0;
    else if (expectsReply(i)) asks.push(i);
  }
  return asks;
}

/** The contact's last message when nothing (message, call, meeting) answered it yet. */
export function unansweredInbound(note: Note): Interaction | undefined {
  const list = ordered(note);
  let last: Interaction | undefined;
  for (const i of list) {
    if (i.direction === 'in') last = i;
    // `no-reply-needed` closes their message without an answer ("good luck!").
    else if (i.direction === 'out' || i.direction === 'both' || i.kind === 'no-reply-needed') last = undefined;
  }
  return last;
}

/** An explicit `follow_up` date that no outbound message, call or meeting on or after it has answered. */
export function openFollowUp(contact: ContactNote): CalendarDate | null {
  const date = contact.followUp;
  if (date === null) return null;
  return firstOnOrAfter(contact, date, (i) => i.direction === 'out' || i.direction === 'both') ? null : date;
}

/** "the guide suggests" when the user kept the guide's numbers, else "your settings say". */
export function basis(isDefault: boolean): string {
  return isDefault ? 'the guide suggests' : 'your settings say';
}
