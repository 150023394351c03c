import { checkRowWidths, parseCsv } from './csv';
import { metDate } from './looseDate';
import { joinCredentials, splitCredentials, splitPersonName } from './credentials';
import { normaliseEmail } from './names';
import { emptyPerson, isLinkedInUrl, oneLine, shown, type ImportedPerson, type ParsedImport } from './types';

/** LinkedIn's "Connections.csv" columns, as its export names them. */
export const LINKEDIN_COLUMNS = ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'] as const;

/** LinkedIn puts a few "Notes:" lines above the header; they are never this long. */
const HEADER_SEARCH_LINES = 50;

function headerCells(line: string): string[] {
  return line.split(',').map((c) => c.trim().replace(/^"|"$/g, '').trim().toLowerCase());
}

/** True when a CSV line names the columns of a LinkedIn connections export. */
export function isLinkedInHeader(line: string): boolean {
  const cells = new Set(headerCells(line));
  return cells.has('first name') && cells.has('last name') && (cells.has('connected on') || cells.has('url'));
}

/** Where the header row starts (character offset in the BOM-less text, 1-based line), or null. */
export function findLinkedInHeader(text: string): { offset: number; line: number } | null {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let line = 1; line <= HEADER_SEARCH_LINES && start <= body.length; line++) {
    breaks.lastIndex = start;
    const m = breaks.exec(body);
    const end = m ? m.index : body.length;
    if (isLinkedInHeader(body.slice(start, end))) return { offset: start, line };
    if (!m) break;
    start = m.index + m[0].length;
  }
  return null;
}

/** Reads a LinkedIn connections export; rows that cannot be read are issues with their line. */
export function parseLinkedIn(text: string): ParsedImport {
  const header = findLinkedInHeader(text);
  if (!header) {
    return {
      people: [],
      issues: [{ line: 1, reason: `no LinkedIn header row (${LINKEDIN_COLUMNS.join(', ')}) in the first ${HEADER_SEARCH_LINES} lines` }],
    };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const csv = parseCsv(body.slice(header.offset), { firstLine: header.line });
  const [headRow, ...dataRows] = csv.rows;
  if (!headRow) return { people: [], issues: csv.issues };
  const columns = new Map<string, number>();
  headRow.fields.forEach((name, index) => {
    const key = name.trim().toLowerCase();
    if (!columns.has(key)) columns.set(key, index);
  });
  const cell = (fields: string[], name: string): string | null => {
    const index = columns.get(name.toLowerCase());
    return index === undefined ? null : oneLine(fields[index]);
  };

  const checked = checkRowWidths(dataRows, headRow.fields.length);
  const people: ImportedPerson[] = [];
  for (const row of checked.rows) {
    const p = emptyPerson('linkedin', row.line);
    const first = cell(row.fields, 'First Name');
    const last = cell(row.fields, 'Last Name');
    // Members put credentials in the last name ("Smith, MD") and titles in the first ("Dr. Jane").
    const named = splitPersonName(oneLine(`${first ?? ''} ${last ?? ''}`) ?? '');
    const lastSplit = last === null ? null : splitCredentials(last);
    p.name = named.name;
    p.honorific = named.honorific;
    p.credentials = joinCredentials(named.credentials, lastSplit?.credentials);
    const given = first === null ? null : oneLine(named.honorific && first.startsWith(`${named.honorific} `) ? first.slice(named.honorific.length + 1) : first);
    p.nameParts = { given, additional: null, family: lastSplit === null ? null : oneLine(lastSplit.name) };
    const email = cell(row.fields, 'Email Address');
    // Exports of members who hide their address carry `urn:li:member:123` there: an id, never an email.
    if (email && normaliseEmail(email) !== '') p.emails.push(email);
    else if (email) p.warnings.push(`Email Address '${shown(email)}' is not an email address; left out`);
    const url = cell(row.fields, 'URL');
    if (url) {
      if (isLinkedInUrl(url)) p.linkedin = url;
      else p.urls.push(url);
    }
    p.institution = cell(row.fields, 'Company');
    p.position = cell(row.fields, 'Position');
    // LinkedIn has written `01 Jan 2020`, `1/8/18, 6:14 PM` (US order) and ISO dates here.
    p.met = metDate(cell(row.fields, 'Connected On'), p.warnings, 'Connected On', 'mdy');
    people.push(p);
  }
  return { people, issues: [...csv.issues, ...checked.issues].sort((a, b) => a.line - b.line) };
}
