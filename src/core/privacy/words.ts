/**
 * Context look-ups for the detectors: a line is cut into words once, and each
 * candidate asks for the nearest cue word within a fixed distance. Binary search
 * plus a distance-bounded walk keeps every look-up O(log n + window), so a huge
 * line full of candidates still costs linear-ish time, never quadratic.
 */

export interface Word {
  start: number;
  end: number;
  /** Lower-cased. */
  text: string;
}

/** Clinical shorthand that stays one word; any other `a/b` is split into its parts. */
const SHORTHAND: ReadonlySet<string> = new Set(['s/p', 'w/', 'w/o', 'y/o', 'h/o', 'c/o', 'f/u', 'd/c', 'r/o', 'b/l']);
const WORD = /[A-Za-z]+(?:\/[A-Za-z]*)?/g;

export function wordsOf(line: string): Word[] {
  const out: Word[] = [];
  for (const m of line.matchAll(WORD)) {
    const start = m.index;
    const text = m[0].toLowerCase();
    const slash = text.indexOf('/');
    if (slash < 0 || SHORTHAND.has(text)) {
      out.push({ start, end: start + text.length, text });
      continue;
    }
    out.push({ start, end: start + slash, text: text.slice(0, slash) });
    if (slash + 1 < text.length) out.push({ start: start + slash + 1, end: start + text.length, text: text.slice(slash + 1) });
  }
  return out;
}

/** Cue words and phrases (space-separated), each filed under a category. */
export interface Vocabulary<C extends string> {
  entries: ReadonlyMap<string, C>;
  /** Longest phrase, in words. */
  longest: number;
}

export function vocabulary<C extends string>(groups: Readonly<Record<C, readonly string[]>>): Vocabulary<C> {
  const entries = new Map<string, C>();
  let longest = 1;
  for (const category of Object.keys(groups) as C[]) {
    for (const entry of groups[category]) {
      entries.set(entry, category);
      longest = Math.max(longest, entry.split(' ').length);
    }
  }
  return { entries, longest };
}

export interface Cue<C extends string> {
  category: C;
  /** The vocabulary entry (never the note's own text beyond that known word). */
  entry: string;
  start: number;
  end: number;
}

/** Words joined by a short run of spaces, hyphens or apostrophes read as one phrase ("post-op", "next of kin"). */
function joined(line: string, a: Word, b: Word): boolean {
  const gap = b.start - a.end;
  return gap >= 1 && gap <= 3 && /^[\s'’-]+$/.test(line.slice(a.end, b.start));
}

function phrase(line: string, words: readonly Word[], from: number, to: number): string | null {
  let text = words[from].text;
  for (let i = from + 1; i <= to; i++) {
    if (!joined(line, words[i - 1], words[i])) return null;
    text += ' ' + words[i].text;
  }
  return text;
}

/** Index of the first word starting at or after `pos`. */
function firstAtOrAfter(words: readonly Word[], pos: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The cue ending nearest before `pos`, starting no more than `maxDistance` characters before it. */
export function cueBefore<C extends string>(
  line: string, words: readonly Word[], vocab: Vocabulary<C>, pos: number, maxDistance: number,
): Cue<C> | null {
  for (let i = firstAtOrAfter(words, pos) - 1; i >= 0 && pos - words[i].start <= maxDistance; i--) {
    if (words[i].end > pos) continue;
    // Longest phrase ending at this word first: "new patient" must win over "patient".
    for (let n = Math.min(vocab.longest, i + 1); n >= 1; n--) {
      const text = phrase(line, words, i - n + 1, i);
      const category = text === null ? undefined : vocab.entries.get(text);
      if (text !== null && category !== undefined) {
        return { category, entry: text, start: words[i - n + 1].start, end: words[i].end };
      }
    }
  }
  return null;
}

/** The cue starting nearest after `pos`, no more than `maxDistance` characters after it. */
export function cueAfter<C extends string>(
  line: string, words: readonly Word[], vocab: Vocabulary<C>, pos: number, maxDistance: number,
): Cue<C> | null {
  for (let i = firstAtOrAfter(words, pos); i < words.length && words[i].start - pos <= maxDistance; i++) {
    for (let n = Math.min(vocab.longest, words.length - i); n >= 1; n--) {
      const text = phrase(line, words, i, i + n - 1);
      const category = text === null ? undefined : vocab.entries.get(text);
      if (text !== null && category !== undefined) {
        return { category, entry: text, start: words[i].start, end: words[i + n - 1].end };
      }
    }
  }
  return null;
}

/** The nearer of the cues before and after a span (ties go to the one before). */
export function nearestCue<C extends string>(
  line: string, words: readonly Word[], vocab: Vocabulary<C>, start: number, end: number, before: number, after: number,
): Cue<C> | null {
  const b = cueBefore(line, words, vocab, start, before);
  const a = cueAfter(line, words, vocab, end, after);
  if (!a) return b;
  if (!b) return a;
  return start - b.end <= a.start - end ? b : a;
}

/** The first word starting at or after `pos` if it starts within `maxGap` characters, else null. */
export function nextWord(words: readonly Word[], pos: number, maxGap: number): Word | null {
  const i = firstAtOrAfter(words, pos);
  return i < words.length && words[i].start - pos <= maxGap ? words[i] : null;
}
