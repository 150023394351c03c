/**
 * Splitting a person's name for a salutation. Names are not regular, so this only
 * does what is safe: drop honorifics and degrees, keep surname particles
 * ("de la Cruz", "van der Berg") with the surname.
 */
import { splitCredentials } from '../import/credentials';

const HONORIFICS = /^(?:dr|prof|professor|mr|mrs|ms|mx|miss|sir|dame)\.?$/i;
const SUFFIXES = /^(?:md|do|phd|mba|mph|ms|msc|facs|frcsc|jr|sr|ii|iii|iv|m\.d|ph\.d)\.?$/i;
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'la', 'le', 'du', 'dos', 'das', 'ter', 'ten', 'bin', 'al', 'el', 'st.', 'st']);

export interface NameParts {
  first: string | null;
  last: string | null;
}

export function splitName(full: string): NameParts {
  // "Smith, Jane" is the one comma form with a clear meaning; "Jane Smith, MD" is a suffix.
  const beforeComma = full.split(',')[0];
  const commaForm = /^\s*([^,\s]+(?:\s+[^,\s]+)?)\s*,\s*([^,]+)$/.exec(full);
  let words: string[];
  if (commaForm && !SUFFIXES.test(commaForm[2].trim().split(/\s+/)[0])) {
    words = [...commaForm[2].trim().split(/\s+/), ...commaForm[1].trim().split(/\s+/)];
  } else {
    words = beforeComma.trim().split(/\s+/).filter((w) => w !== '');
  }
  while (words.length > 1 && HONORIFICS.test(words[0])) words.shift();
  while (words.length > 1 && SUFFIXES.test(words[words.length - 1])) words.pop();
  if (words.length === 0) return { first: null, last: null };
  if (words.length === 1) return { first: words[0], last: null };
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1].toLowerCase())) start--;
  return { first: words[0], last: words.slice(start).join(' ') };
}

/**
 * `Dr. Smith` when the title is known; otherwise the full name, which is never wrong —
 * without credentials: "Dear Jane Smith," not "Dear Jane Smith, MD, FACS,".
 */
export function greetingName(name: string, title: string | null): string {
  const clean = splitCredentials(name.trim().replace(/\s+/g, ' ')).name;
  if (title) {
    const { last } = splitName(clean);
    if (last) return `${title.trim()} ${last}`;
  }
  return clean;
}

/** A name taken from a file name (`jane-smith`) reads better as words: `Jane Smith`. */
export function nameFromSlug(stem: string): string {
  if (/\s/.test(stem) || !/[-_]/.test(stem)) return stem;
  return stem.split(/[-_]+/).filter((w) => w !== '')
    .map((w) => w.charAt(0).toLocaleUpperCase() + w.slice(1)).join(' ');
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * "a" or "an" before a filled value, by its first sound: an M3, a third-year, an MS4,
 * a PGY-2, an 11th. Good enough for how students describe their year and school.
 */
export function articleFor(value: string): 'a' | 'an' {
  const v = value.trim();
  const first = v.split(/[\s-]/)[0] ?? '';
  if (/^[A-Z][A-Z0-9]{1,5}$/.test(first)) {
    // Read letter by letter: the letters whose names start with a vowel sound.
    return /^[AEFHILMNORSX]/.test(first) ? 'an' : 'a';
  }
  if (/^\d/.test(v)) return /^(?:8|11(?!\d)|18(?!\d)|8\d)/.test(v) ? 'an' : 'a';
  if (/^(?:uni|use|usu|uti|eu|one|once|ewe|ur[aeiou])/i.test(v)) return 'a';
  if (/^(?:hour|honest|honor|honour|heir)/i.test(v)) return 'an';
  return /^[aeiou]/i.test(v) ? 'an' : 'a';
}
