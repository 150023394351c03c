/** Honorifics that may open a name. */
const PREFIX_TITLES = new Set(['dr', 'doctor', 'prof', 'professor', 'mr', 'mrs', 'ms', 'miss', 'mx', 'sir', 'dame']);
/** Degrees and post-nominals that may close one. */
const SUFFIX_TITLES = new Set([
  'md', 'do', 'phd', 'mbbs', 'mbchb', 'mba', 'mph', 'ms', 'msc', 'ma', 'mha', 'mpp', 'facs', 'frcs', 'frcsc', 'frcpc', 'facp',
  'pa', 'pac', 'np', 'rn', 'bsn', 'msn', 'dnp', 'pharmd', 'dds', 'dmd', 'jd', 'bs', 'ba', 'jr', 'sr', 'ii', 'iii', 'iv',
]);

/**
 * The form two names are compared in: no accents (NFD, marks stripped), no case, no
 * punctuation, no leading honorific or trailing degrees. A name is never cut below two
 * words, so "Anh Do" stays "anh do" while "Jane Smith, MD" becomes "jane smith".
 */
export function normaliseName(name: string): string {
  const words = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    // Apostrophes join ("O'Neil" = "ONeil"); other punctuation separates.
    .replace(/['’`.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim().split(' ').filter((w) => w !== '');
  while (words.length > 2 && PREFIX_TITLES.has(words[0])) words.shift();
  while (words.length > 2 && SUFFIX_TITLES.has(words[words.length - 1])) words.pop();
  return words.join(' ');
}

/** Lower-cased, trimmed, `mailto:` removed; '' when it does not look like an address. */
export function normaliseEmail(email: string): string {
  const e = email.trim().replace(/^mailto:/i, '').toLowerCase();
  return /^[^@\s]+@[^@\s]+$/.test(e) ? e : '';
}
