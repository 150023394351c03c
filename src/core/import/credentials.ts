/**
 * Credentials and generational suffixes after a name: "Jane Smith, MD, FACS",
 * "Raj Patel MD PhD", "John Roe Jr.". They are kept in their own field, so a greeting
 * says "Dear Jane Smith," and a file name is `jane-smith.md`.
 *
 * The degrees are the ones medical directories and ERAS letters print after names
 * (AAMC's degree list, the US and Commonwealth college fellowships), plus the common
 * academic and nursing ones. A word is only taken for a credential when it is one of
 * these: "Anh Do" keeps its surname.
 */
const CREDENTIALS = [
  'MD', 'DO', 'MBBS', 'MBChB', 'MBBCh', 'BMBS', 'PhD', 'DPhil', 'MPhil', 'ScD', 'DSc', 'DrPH', 'EdD', 'PsyD', 'DMSc',
  'MPH', 'MBA', 'MS', 'MSc', 'MA', 'MEd', 'MHA', 'MPP', 'MHS', 'MSCI', 'MSCE', 'MMSc', 'MSPH', 'BS', 'BA', 'BSc',
  'FACS', 'FACP', 'FACC', 'FACOG', 'FAAP', 'FACEP', 'FAAFP', 'FAAOS', 'FAANS', 'FASA', 'FACR', 'FCCP', 'FAHA', 'FASCO',
  'FRCS', 'FRCSC', 'FRCSEd', 'FRCP', 'FRCPC', 'FRACS', 'FRACP',
  'PA', 'PA-C', 'NP', 'RN', 'BSN', 'MSN', 'DNP', 'APRN', 'CRNA', 'FNP', 'FNP-BC', 'PharmD', 'DDS', 'DMD', 'DPM', 'DVM', 'OD',
  'DPT', 'OTD', 'JD', 'LCSW', 'CPA', 'Esq',
];
const GENERATIONAL = ['Jr', 'Sr', 'II', 'III', 'IV'];

/** Case-insensitive keys (dots dropped) for credentials after a comma, where the comma says "what follows is not the name". */
const LOOSE = new Set([...CREDENTIALS, ...GENERATIONAL].map((c) => c.toLowerCase()));
/** Exact spellings for credentials after a space only: "Jane Smith MD" but not "Anh Do". */
const STRICT = new Set([...CREDENTIALS, ...GENERATIONAL]);

/** "BCPS", "FAANS", "C.P.H.": capitals only, as post-nominals are written. */
const ALL_CAPS = /^(?:[A-Z]\.?){2,8}(?:-[A-Z]{1,3})?$/;

function key(word: string): string {
  return word.replace(/\./g, '');
}

function isCredentialWord(word: string, strict: boolean): boolean {
  const k = key(word);
  if (k === '') return false;
  return strict ? STRICT.has(k) : LOOSE.has(k.toLowerCase());
}

export interface NameAndCredentials {
  name: string;
  /** As written, comma-separated ("MD, FACS"); null when there were none. */
  credentials: string | null;
}

/**
 * Splits trailing credentials off a one-line name. After a comma any spelling counts
 * ("Smith, m.d."); without a comma only the usual spelling ("MD", "PhD", "Jr."), and at
 * least two words of name stay. "Smith, Jane" is not split (Jane is not a credential).
 */
export function splitCredentials(full: string): NameAndCredentials {
  const text = full.trim();
  const found: string[] = [];
  let rest = text;
  // Comma segments from the end, each made only of credential words; an unlisted
  // all-capitals one ("BCPS") counts when a listed one is among them.
  let known = false;
  let cut = rest;
  const segments: string[] = [];
  for (;;) {
    const comma = cut.lastIndexOf(',');
    if (comma === -1) break;
    const segment = cut.slice(comma + 1).trim();
    const words = segment.split(/\s+/).filter((w) => w !== '');
    if (words.length === 0 || !words.every((w) => isCredentialWord(w, false) || ALL_CAPS.test(w))) break;
    if (words.some((w) => isCredentialWord(w, false))) known = true;
    segments.unshift(segment);
    cut = cut.slice(0, comma).trimEnd();
  }
  if (known) {
    found.push(...segments);
    rest = cut;
  }
  // Then credential words after the last name word, without a comma.
  const words = rest.split(/\s+/).filter((w) => w !== '');
  const tail: string[] = [];
  while (words.length > 2 && isCredentialWord(words[words.length - 1], true)) tail.unshift(words.pop()!);
  if (tail.length > 0) {
    found.unshift(tail.join(' '));
    rest = words.join(' ');
  }
  if (found.length === 0 || rest.replace(/[\s,]/g, '') === '') return { name: text, credentials: null };
  return { name: rest.replace(/[\s,]+$/, ''), credentials: found.join(', ') };
}

/** Joins credential lists, dropping repeats ("MD" from N and "MD" from FN). */
export function joinCredentials(...lists: (string | null | undefined)[]): string | null {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const list of lists) {
    if (!list) continue;
    for (const part of list.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
      const k = key(part).toLowerCase();
      if (!seen.has(k)) {
        seen.add(k);
        out.push(part);
      }
    }
  }
  return out.length === 0 ? null : out.join(', ');
}

/** Titles that may open a name and go to `title:` instead ("Dr. Jane Smith"). */
const HONORIFICS = /^(?:dr|doctor|prof|professor|mr|mrs|ms|miss|mx|sir|dame|rev)\.?$/i;

export interface PersonName {
  name: string;
  honorific: string | null;
  credentials: string | null;
}

/**
 * A display name split into honorific, name and credentials: "Dr. Jane Smith, MD" →
 * `Dr.`, `Jane Smith`, `MD`. `prefix` is the source's own prefix field, which wins
 * (and is taken off the name when the name repeats it). At least one word of name stays.
 */
export function splitPersonName(full: string, prefix: string | null = null): PersonName {
  const { name, credentials } = splitCredentials(full);
  let rest = name;
  let honorific = prefix;
  if (prefix && rest.startsWith(`${prefix} `)) rest = rest.slice(prefix.length + 1).trimStart();
  else {
    const space = rest.indexOf(' ');
    const firstWord = space === -1 ? '' : rest.slice(0, space);
    if (firstWord !== '' && HONORIFICS.test(firstWord) && rest.slice(space + 1).trim() !== '') {
      honorific ??= firstWord;
      rest = rest.slice(space + 1).trimStart();
    }
  }
  return { name: rest, honorific, credentials };
}
