import { normalizeKey, topLevelKey } from '../frontmatter';

/**
 * Frontmatter fields that hold the note's own contact details (a faculty member's
 * office phone, a program's address) are legitimate and are never scanned.
 */

const SELF_KEYS: ReadonlySet<string> = new Set([
  'phone', 'tel', 'telephone', 'mobile', 'cell', 'cell_phone', 'mobile_phone', 'work_phone',
  'office_phone', 'fax', 'pager', 'email', 'e_mail', 'address', 'office', 'office_address',
  'mailing_address', 'location', 'zip', 'zip_code', 'postal_code', 'website', 'url',
  'birthday', 'birth_date', 'birthdate',
]);

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const CONTINUATION = /^[ \t-]/;

function isDelimiterStart(c: number): boolean {
  return c === 45 || c === 46;
}

/** 0-based lines of the frontmatter that belong to the note's own contact fields (values and their continuation lines). */
export function ownContactLines(lines: readonly string[]): Set<number> {
  const skip = new Set<number>();
  if (lines.length === 0 || !OPEN.test(lines[0])) return skip;
  let close = 1;
  // Only '-' (45) and '.' (46) can start a closing delimiter: test the regex on those lines alone.
  while (close < lines.length && !(isDelimiterStart(lines[close].charCodeAt(0)) && CLOSE.test(lines[close]))) close++;
  // An unclosed block is not frontmatter (the reader reports it); scan all of it.
  if (close === lines.length) return skip;
  let inSelfKey = false;
  for (let i = 1; i < close; i++) {
    const line = lines[i];
    // The reader's own key scan (linear; the bounded lazy regex it replaces was 100x the line).
    const key = topLevelKey(line);
    if (key !== null) {
      inSelfKey = SELF_KEYS.has(normalizeKey(key));
    } else if (!CONTINUATION.test(line) && line.trim() !== '') {
      // Not a key and not a continuation: whatever it is, it is not the contact's field.
      inSelfKey = false;
    }
    if (inSelfKey) skip.add(i);
  }
  return skip;
}
