import type { CalendarDate } from './dates';
import { singleLine } from './text';

/**
 * What the guide says to jot down right after a conversation at an event ("name,
 * institution, position; key topics you discussed; any promised follow-up"), turned
 * into the note lines Rapport already reads: `interests:` for the topics, a log entry
 * for the meeting, an open task with a due date for the promise.
 */

/** At most this many topics, each at most this long: a jotted list, not an essay. */
export const MAX_TOPICS = 12;
export const MAX_TOPIC_CHARS = 120;

/** "microsurgery; aways, Microsurgery" → ['microsurgery', 'aways']: split at commas and semicolons, one line each, no repeats. */
export function splitTopics(text: string | readonly string[] | null | undefined): string[] {
  if (text == null) return [];
  const parts = typeof text === 'string' ? text.split(/[,;]/) : text.flatMap((t) => t.split(/[,;]/));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of parts) {
    const topic = singleLine(part).slice(0, MAX_TOPIC_CHARS).trim();
    const key = topic.toLowerCase();
    if (topic === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(topic);
    if (out.length === MAX_TOPICS) break;
  }
  return out;
}

/** Text placed in the markdown body: one line, with the characters that would start a link, tag or HTML escaped. */
export function markdownText(value: string): string {
  return singleLine(value).replace(/[\\[\]<>*_`]/g, (ch) => `\\${ch}`);
}

/** The summary of the `met` log entry: where (a link when the event is a note) and what you talked about. */
export function meetingSummary(metAt: string | null, linkMetAt: boolean, topics: readonly string[]): string {
  const parts: string[] = [];
  if (metAt !== null) parts.push(linkMetAt ? `at [[${metAt}]]` : `at ${markdownText(metAt)}`);
  if (topics.length > 0) parts.push(`talked about ${markdownText(topics.join(', '))}`);
  return parts.join('; ');
}

/**
 * `- [ ] send her the abstract 📅 2026-11-24`: the task the `follow-up-due` rule reads.
 * A 📅 or `[due::` typed into the promise itself would be read as the due date: they are
 * taken out of the text, so the date given is the only one on the line. (Without a date,
 * a promise that starts with one is due that day: the task syntax reads it so.)
 */
export function promiseTask(promise: string, due: CalendarDate | null): string {
  const text = markdownText(promise.replace(/📅\uFE0F?/gu, ' ')).replace(/\[due::/gi, '[due:');
  return `- [ ] ${singleLine(text)}${due === null ? '' : ` 📅 ${due}`}`;
}
