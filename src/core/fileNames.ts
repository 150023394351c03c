/**
 * File names for new notes. The name comes from whatever the student typed (or an
 * imported card), so it is reduced to a slug that is safe on Windows, macOS and Linux
 * and cannot leave its folder: no separators, no `..`, no control characters, no
 * reserved device names, no trailing dots or spaces.
 */
export const MAX_SLUG_LENGTH = 80;
/**
 * File systems limit a name in bytes (255 on ext4 and APFS, 143 under eCryptfs), so the
 * cap is in UTF-8 bytes too: 80 four-byte letters would be 320. 120 leaves room for
 * `-100000.md` under the tightest of them.
 */
export const MAX_SLUG_BYTES = 120;
const FALLBACK = 'contact';
const MAX_SUFFIX = 100_000;
const HONORIFIC = /^\s*(?:dr|prof|professor|mr|mrs|ms|mx)\.?\s+(?=\S)/i;
/** CON, PRN, AUX, NUL, COM1–9, LPT1–9: Windows refuses these as file names, with any extension. */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)$/i;

export interface SafeNameOptions {
  /** Folder the note goes in (default `contacts`). */
  folder?: string;
  fallback?: string;
  /**
   * Where the search for a free `-N` resumes, per base slug: a caller naming many
   * notes (an import) passes one map, so a thousand "Jane Smith"s take linear time.
   */
  counters?: Map<string, number>;
}

/** `Dr. José Núñez-O'Brien` → `jose-nunez-o-brien`. Letters of every script are kept; the rest becomes `-`. */
export function slugify(name: string, fallback = FALLBACK): string {
  let slug = name
    .replace(HONORIFIC, '')
    .normalize('NFKD')
    // Strip accents from Latin letters only: in other scripts (Devanagari, Thai …) the marks are part of the letter.
    .replace(/([A-Za-z])\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  slug = truncate(slug, MAX_SLUG_LENGTH, MAX_SLUG_BYTES);
  if (slug === '') slug = fallback;
  // `con-1` is fine, `con` alone is a device on Windows; so is `com1` (and `com¹`, which NFKD made `com1`).
  if (WINDOWS_RESERVED.test(slug.split('.')[0])) slug = `${slug}-${fallback}`;
  return slug;
}

/**
 * `contacts/<slug>.md`, unique among existing paths compared case-insensitively
 * (`existing` receives the lower-cased vault-relative path), by adding `-2`, `-3` …
 */
export function safeNoteFileName(name: string, existing: (lowercasePath: string) => boolean, options: SafeNameOptions = {}): string {
  const folder = (options.folder ?? 'contacts').replace(/^\/+|\/+$/g, '');
  const base = slugify(name, options.fallback ?? FALLBACK);
  const pathFor = (slug: string) => (folder === '' ? `${slug}.md` : `${folder}/${slug}.md`);
  const counters = options.counters;
  const key = pathFor(base).toLowerCase();
  const from = counters?.get(key);
  if (from === undefined && !existing(key)) return pathFor(base);
  for (let n = from ?? 2; n <= MAX_SUFFIX; n++) {
    const suffix = `-${n}`;
    const candidate = `${truncate(base, MAX_SLUG_LENGTH - suffix.length, MAX_SLUG_BYTES - suffix.length)}${suffix}`;
    if (!existing(pathFor(candidate).toLowerCase())) {
      counters?.set(key, n + 1);
      return pathFor(candidate);
    }
  }
  // A predicate that says "taken" to everything would otherwise spin forever.
  throw new Error(`No free file name for '${base}' after ${MAX_SUFFIX} tries.`);
}

const encoder = new TextEncoder();

/**
 * At most `maxChars` code points and `maxBytes` UTF-8 bytes, cut at a code point
 * boundary (never half a surrogate pair) with a trailing `-` dropped. A combining mark
 * left without its letter is dropped too.
 */
function truncate(slug: string, maxChars: number, maxBytes: number): string {
  if (slug.length <= maxChars && encoder.encode(slug).length <= maxBytes) return slug;
  let out = '';
  let chars = 0;
  let bytes = 0;
  for (const ch of slug) {
    const size = encoder.encode(ch).length;
    if (chars + 1 > maxChars || bytes + size > maxBytes) break;
    out += ch;
    chars++;
    bytes += size;
  }
  return out.replace(/-+$/, '');
}
