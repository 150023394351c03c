import { singleLine } from '../text';
import type { CalendarDate } from '../dates';
import { readFrontmatter } from '../frontmatter';
import { newContactText, yamlQuote } from '../newContact';
import type { RoleGuess } from './roleGuess';
import type { ImportedPerson } from './types';

/** Longer notes are cut: the vault refuses files over 1 MB, and a note is a few kilobytes. */
export const MAX_NOTES_CHARS = 20_000;

/** Lone surrogates become U+FFFD: they are not text, and YAML refuses them. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Text safe in a markdown body: `[[` cannot become a link, `<` cannot open HTML. */
function bodyText(text: string): string {
  return wellFormed(text).replace(/\[\[/g, '[\\[').replace(/</g, '\\<');
}

/** A YAML comment: one line, nothing YAML refuses, no `[[` (links are read from frontmatter lines too). */
function comment(text: string): string {
  return singleLine(wellFormed(text)).replace(/\[\[/g, '[ [');
}

const SOURCE_LABEL: Record<ImportedPerson['source'], string> = { linkedin: 'LinkedIn', vcard: 'a vCard file', csv: 'a CSV file' };

/**
 * The contact note for an imported person: the project's new-contact note
 * (`newContactText`), with the imported fields filled in and added. Every value is
 * double-quoted and escaped. The role is marked as a guess, in a YAML comment and a
 * `role_guessed` key, so the student confirms it. `met` goes in the frontmatter only,
 * never as a `met` log entry: a year-old LinkedIn connection is not a meeting that
 * owes a follow-up email this week. Free-text notes go in a block quote, so nothing
 * in them can be read as a task, a log entry, a heading or a conflict marker.
 */
/**
 * A line that starts no block inside the quote: a quote shows list items and headings
 * like anywhere else, so their markers are backslash-escaped (`\- [ ] x` is text).
 */
function inertLine(line: string): string {
  return line.replace(/^([ \t]*)([-*+#>]|\d{1,9}(?=[.)]))/, (_, blanks: string, marker: string) => (/\d/.test(marker) ? `${blanks}${marker}\\` : `${blanks}\\${marker}`));
}

export function importedContactText(p: ImportedPerson, role: RoleGuess, today: CalendarDate): string {
  const base = newContactText({ name: wellFormed(p.name), role: role.role, institution: p.institution === null ? null : wellFormed(p.institution) });
  const lines = base.split('\n');
  const fm = readFrontmatter(lines);
  const end = fm.end === -1 ? 0 : fm.end;

  // The base's own quoted values (name, institution) get the `[[` guard too.
  for (let i = 1; i < end; i++) lines[i] = lines[i].replace(/^([\w-]+: ")(.*)"$/, (_, head: string, inner: string) => `${head}${inner.replace(/\[\[/g, '[\\x5B')}"`);

  const set = new Map<string, string>();
  const put = (key: string, value: string | null | undefined, raw = false): void => {
    if (value != null && value !== '') set.set(key, raw ? value : yamlQuote(wellFormed(value)));
  };
  put('title', p.honorific);
  put('credentials', p.credentials);
  put('role_guessed', 'true', true);
  put('position', p.position);
  put('department', p.department);
  put('email', p.emails[0]);
  put('phone', p.phones[0]);
  put('linkedin', p.linkedin);
  put('website', p.urls[0]);
  if (p.met) put('met', p.met, true);
  put('source', p.source, true);
  put('imported', today, true);

  const added: string[] = [];
  for (const [key, value] of set) {
    const line = fm.keyLines[key];
    if (line !== undefined && line < end) lines[line] = `${key}: ${value}`;
    else added.push(`${key}: ${value}`);
  }
  const roleLine = fm.keyLines.role;
  const why = role.from === null ? 'no position given' : `guessed from "${comment(role.from)}"`;
  if (roleLine !== undefined && roleLine < end) lines[roleLine] = `role: ${yamlQuote(role.role)}  # ${why} — please confirm`;
  else added.unshift(`role: ${yamlQuote(role.role)}  # ${why} — please confirm`);
  lines.splice(end, 0, ...added);

  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (!lines.some((l) => /^##\s+Notes\s*$/i.test(l))) lines.push('', '## Notes');
  lines.push('');
  const connected = p.met ? (p.source === 'linkedin' ? ` Connected on ${p.met}.` : ` Met ${p.met}.`) : '';
  lines.push(`Imported from ${SOURCE_LABEL[p.source]} on ${today}.${connected}`, '');
  const extras: string[] = [];
  if (p.emails.length > 1) extras.push(`- Other email: ${p.emails.slice(1).map(bodyText).join(', ')}`);
  if (p.phones.length > 1) extras.push(`- Other phone: ${p.phones.slice(1).map(bodyText).join(', ')}`);
  if (p.urls.length > 1) extras.push(`- Other web: ${p.urls.slice(1).map(bodyText).join(', ')}`);
  if (extras.length > 0) lines.push(...extras, '');
  let notes = p.notes;
  if (notes !== null && notes.length > MAX_NOTES_CHARS) notes = `${Array.from(notes).slice(0, MAX_NOTES_CHARS).join('')}\n…(cut at ${MAX_NOTES_CHARS} characters)`;
  if (notes !== null) lines.push(...notes.split('\n').map((l) => (l === '' ? '>' : `> ${inertLine(bodyText(l))}`)), '');
  return lines.join('\n');
}
