/**
 * File names for new notes. The name comes from whatever the student typed (or an
 * imported card), so it is reduced to a slug that is safe on Windows, macOS and Linux
 * and cannot leave its folder: no separators, no `..`, no control characters, no
 * reserved device names, no trailing dots or spaces.
 */
export const MAX_SLUG_LENGTH = 80;
const FALLBACK = 'contact';
const MAX_SUFFIX = 100_000;
const HONORIFIC = /^\s*(?:dr|prof|professor|mr|mrs|ms|mx)\.?\s+(?=\S)/i;
/** CON, PRN, AUX, NUL, COM1–9, LPT1–9: Windows refuses these as file names, with any extension. */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)$/i;

export interface SafeNameOptions {
  /** Folder the note goes in (default `contacts`). */
  folder?: string;
  fallback?: string;
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
  slug = truncate(slug, MAX_SLUG_LENGTH);
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
  if (!existing(pathFor(base).toLowerCase())) return pathFor(base);
  for (let n = 2; n <= MAX_SUFFIX; n++) {
    const suffix = `-${n}`;
    const candidate = `${truncate(base, MAX_SLUG_LENGTH - suffix.length)}${suffix}`;
    if (!existing(pathFor(candidate).toLowerCase())) return pathFor(candidate);
  }
  // A predicate that says "taken" to everything would otherwise spin forever.
  throw new Error(`No free file name for '${base}' after ${MAX_SUFFIX} tries.`);
}

/** Cuts at a code point boundary (never half a surrogate pair) and drops a trailing `-`. */
function truncate(slug: string, max: number): string {
  const points = [...slug];
  if (points.length <= max) return slug;
  return points.slice(0, max).join('').replace(/-+$/, '');
}
