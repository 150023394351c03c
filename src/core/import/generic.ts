import { checkRowWidths, parseCsv, sniffDelimiter } from './csv';
import { metDate } from './looseDate';
import { joinCredentials, splitCredentials, splitPersonName } from './credentials';
import { normaliseEmail } from './names';
import { emptyPerson, isLinkedInUrl, multiLine, oneLine, shown, type ImportedPerson, type ParsedImport } from './types';

/** What a column of a generic CSV can be. */
export const MAPPING_FIELDS = [
  'name', 'firstName', 'lastName', 'email', 'institution', 'position', 'phone', 'met', 'notes', 'url',
  'prefix', 'middleName', 'suffix', 'department',
] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];

/**
 * The column mapping the last generic CSV import remembered, from the parsed settings file
 * (`import.mapping`): only known fields with a header name, anything else ignored; null when none.
 */
export function rememberedMapping(config: Record<string, unknown>): ColumnMapping | null {
  const plain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const section = config.import;
  const stored = plain(section) ? section.mapping : undefined;
  if (!plain(stored)) return null;
  const mapping: ColumnMapping = {};
  for (const field of MAPPING_FIELDS) {
    const header = stored[field];
    if (typeof header === 'string' && header !== '') mapping[field] = header;
  }
  return mapping;
}

/** Field → the header of the column that holds it, as written in the file. */
export type ColumnMapping = Partial<Record<MappingField, string>>;

/** `Job Title`, `job_title`, `JOB-TITLE`, `Jöb title` → `jobtitle`. */
export function headerKey(header: string): string {
  return header.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

interface FieldRule {
  field: MappingField;
  /** Exact header keys, best first: `jobtitle` before `title`, which Outlook uses for `Dr.`. */
  exact: string[];
  /** Looser shapes, tried when no exact name is present. */
  pattern?: RegExp;
}

// Order matters: distinctive fields claim their column first.
const RULES: FieldRule[] = [
  { field: 'email', exact: ['email', 'emailaddress', 'mail', 'email1', 'primaryemail', 'emailaddress1', 'workemail', 'email1value'], pattern: /email|^mail(?!ing)/ },
  { field: 'phone', exact: ['phone', 'phonenumber', 'mobile', 'mobilephone', 'cell', 'cellphone', 'telephone', 'tel', 'primaryphone', 'businessphone', 'phone1value'], pattern: /phone|mobile|^cell|^tel/ },
  { field: 'firstName', exact: ['firstname', 'givenname', 'first', 'forename', 'fname'] },
  { field: 'middleName', exact: ['middlename', 'additionalname', 'middle', 'middleinitial'] },
  { field: 'lastName', exact: ['lastname', 'surname', 'familyname', 'last', 'lname'] },
  // Google `Name Prefix`/`Name Suffix`; Outlook `Title` (Dr.) is taken below, once `Job Title` has its column.
  { field: 'prefix', exact: ['nameprefix', 'prefix', 'honorific', 'salutation'] },
  { field: 'suffix', exact: ['namesuffix', 'suffix', 'credentials', 'degrees', 'degree'] },
  // Not Outlook's `E-mail Display Name`, which is how an address is shown, not who it is.
  { field: 'name', exact: ['name', 'fullname', 'displayname', 'contactname', 'contact', 'person'], pattern: /^(?!e?mail).*(?:fullname|displayname)/ },
  { field: 'institution', exact: ['institution', 'company', 'organization', 'organisation', 'org', 'hospital', 'employer', 'affiliation', 'institute', 'university', 'school', 'companyname', 'organizationname', 'organization1name'], pattern: /^(?!.*(?:title|department|dept|phone|email|address))(?:.*(?:company|organi[sz]ation|institution|hospital|employer|affiliation))/ },
  // Google's `Organization Title` before `Occupation`, a column its old export has but leaves empty.
  { field: 'position', exact: ['jobtitle', 'position', 'organizationtitle', 'organization1title', 'title', 'role', 'positiontitle', 'designation', 'occupation'], pattern: /jobtitle|position|occupation|title$/ },
  { field: 'department', exact: ['department', 'organizationdepartment', 'organization1department', 'dept', 'division'] },
  // Outlook's `Title` is the honorific: only when a job title column exists beside it.
  { field: 'prefix', exact: ['title'] },
  { field: 'met', exact: ['met', 'datemet', 'metdate', 'firstmet', 'connectedon', 'dateconnected', 'connected', 'date', 'dateadded'] },
  { field: 'notes', exact: ['notes', 'note', 'comments', 'comment', 'description', 'remarks', 'about'] },
  { field: 'url', exact: ['linkedin', 'linkedinurl', 'linkedinprofile', 'url', 'website', 'webpage', 'profileurl', 'profile', 'web', 'website1value'], pattern: /linkedin/ },
];

/** Proposes a mapping from header names, ignoring case, spacing and punctuation. Each column is used once. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const keys = headers.map(headerKey);
  const used = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const rule of RULES) {
    if (rule.field in mapping) continue;
    let index = -1;
    for (const name of rule.exact) {
      index = keys.findIndex((k, i) => k === name && !used.has(i));
      if (index !== -1) break;
    }
    if (index === -1 && rule.pattern) {
      const pattern = rule.pattern;
      index = keys.findIndex((k, i) => pattern.test(k) && !used.has(i));
    }
    if (index !== -1) {
      used.add(index);
      mapping[rule.field] = headers[index];
    }
  }
  return mapping;
}

const FIELD_ALIASES: Record<string, MappingField> = {
  ...Object.fromEntries(MAPPING_FIELDS.map((f) => [f.toLowerCase(), f])),
  first: 'firstName', last: 'lastName', fullname: 'name', company: 'institution', organization: 'institution',
  title: 'position', jobtitle: 'position', mobile: 'phone', tel: 'phone', note: 'notes', linkedin: 'url', date: 'met',
  middle: 'middleName', honorific: 'prefix', credentials: 'suffix', dept: 'department',
};

/**
 * Reads `--map "name=Full Name,email=E-mail"`. An empty value (`phone=`) removes a
 * guessed column. A piece without `=` continues the previous header, so a header
 * that contains a comma still works: `notes=Comments, misc`.
 */
export function parseMappingSpec(spec: string): { mapping: Partial<Record<MappingField, string | null>>; errors: string[] } {
  const mapping: Partial<Record<MappingField, string | null>> = {};
  const errors: string[] = [];
  let last: MappingField | null = null;
  for (const piece of spec.split(',')) {
    const eq = piece.indexOf('=');
    if (eq === -1) {
      if (last !== null && piece.trim() !== '') mapping[last] = `${mapping[last] ?? ''},${piece}`.trim();
      else if (piece.trim() !== '') errors.push(`'${shown(piece)}' is not FIELD=Column`);
      continue;
    }
    const fieldText = piece.slice(0, eq).trim();
    const field = FIELD_ALIASES[headerKey(fieldText)];
    if (!field) {
      errors.push(`unknown field '${shown(fieldText)}' (fields: ${MAPPING_FIELDS.join(', ')})`);
      last = null;
      continue;
    }
    const header = piece.slice(eq + 1).trim();
    mapping[field] = header === '' ? null : header;
    last = header === '' ? null : field;
  }
  return { mapping, errors };
}

function findHeader(headers: readonly string[], wanted: string): string | undefined {
  return headers.find((h) => h === wanted) ?? headers.find((h) => h.trim().toLowerCase() === wanted.trim().toLowerCase());
}

/**
 * The mapping to use: the guess, then what the vault remembered (for columns this
 * file has), then the user's `--map`, which must name columns that exist.
 */
export function resolveMapping(
  headers: readonly string[],
  remembered: ColumnMapping | null,
  override: Partial<Record<MappingField, string | null>> | null,
): { mapping: ColumnMapping; errors: string[] } {
  const mapping = guessMapping(headers);
  const errors: string[] = [];
  for (const field of MAPPING_FIELDS) {
    const header = remembered?.[field];
    if (typeof header !== 'string') continue;
    const found = findHeader(headers, header);
    if (found !== undefined) mapping[field] = found;
  }
  for (const field of MAPPING_FIELDS) {
    if (!override || !(field in override)) continue;
    const header = override[field];
    if (header == null) {
      delete mapping[field];
      continue;
    }
    const found = findHeader(headers, header);
    if (found === undefined) errors.push(`no column named '${shown(header)}' for ${field} (columns: ${headers.map((h) => shown(h, 30)).join(', ')})`);
    else mapping[field] = found;
  }
  return { mapping, errors };
}

/** True when the mapping can give a row a name. */
export function mappingHasName(mapping: ColumnMapping): boolean {
  return mapping.name !== undefined || mapping.firstName !== undefined || mapping.lastName !== undefined;
}

/** The header row of a CSV (first non-blank record), with the delimiter the file seems to use. */
export function readCsvHeaders(text: string): { headers: string[]; line: number; delimiter: string } | null {
  const delimiter = sniffDelimiter(text);
  // Only the first few lines are needed; a huge file is not parsed twice.
  const head = text.slice(0, 64 * 1024);
  const first = parseCsv(head, { delimiter }).rows[0];
  if (!first) return null;
  return { headers: first.fields.map((h) => h.trim()), line: first.line, delimiter };
}

const EXTRA_EMAIL = /^e?mail\d*(?:value|address)?$|^email\d+(?:value|address)$|^(?:home|work|other|business|personal)email(?:address)?$/;
const EXTRA_PHONE = /^phone\d+value$|^(?:home|business|mobile|primary|other|work|cell|car)phone\d*$/;
const EXTRA_URL = /^website\d+value$|^webpage\d*$|^personalwebpage$/;

/** Google joins several values in one cell with ` ::: `. */
function multiValues(cell: string | undefined): string[] {
  if (cell === undefined || cell.trim() === '') return [];
  return cell.split(':::').map((v) => v.trim()).filter((v) => v !== '');
}

function firstValue(cell: string | null): string | null {
  if (cell === null || !cell.includes(':::')) return cell;
  return multiValues(cell)[0] ?? null;
}

/** Reads a generic CSV with the given mapping; rows that cannot be read are issues with their line. */
export function parseGenericCsv(text: string, mapping: ColumnMapping): ParsedImport {
  const csv = parseCsv(text, { delimiter: sniffDelimiter(text) });
  const [headRow, ...dataRows] = csv.rows;
  if (!headRow) return { people: [], issues: [...csv.issues, { line: 1, reason: 'the file is empty' }] };
  const headers = headRow.fields.map((h) => h.trim());
  const indexOf: Partial<Record<MappingField, number>> = {};
  for (const field of MAPPING_FIELDS) {
    const header = mapping[field];
    if (header === undefined) continue;
    const found = findHeader(headers, header);
    if (found !== undefined) indexOf[field] = headers.indexOf(found);
  }
  const raw = (fields: string[], field: MappingField): string | null => {
    const index = indexOf[field];
    return index === undefined ? null : (fields[index] ?? null);
  };
  // A one-value field takes the first of Google's `a ::: b` values.
  const cell = (fields: string[], field: MappingField): string | null => oneLine(firstValue(raw(fields, field)));
  const mapped = new Set(Object.values(indexOf));
  const extra = (pattern: RegExp): number[] => headers.map((h, i) => (pattern.test(headerKey(h)) && !mapped.has(i) ? i : -1)).filter((i) => i !== -1);
  // The other address, phone and web columns of Google and Outlook exports (`E-mail 2 - Value`, `Mobile Phone` …).
  const emailColumns = [indexOf.email, ...extra(EXTRA_EMAIL)].filter((i): i is number => i !== undefined);
  const phoneColumns = [indexOf.phone, ...extra(EXTRA_PHONE)].filter((i): i is number => i !== undefined);
  const urlColumns = [indexOf.url, ...extra(EXTRA_URL)].filter((i): i is number => i !== undefined);

  const checked = checkRowWidths(dataRows, headRow.fields.length);
  const people: ImportedPerson[] = [];
  for (const row of checked.rows) {
    const p = emptyPerson('csv', row.line);
    const f = row.fields;
    const first = cell(f, 'firstName');
    const middle = cell(f, 'middleName');
    const last = cell(f, 'lastName');
    const prefix = cell(f, 'prefix');
    const fromParts = oneLine([first, middle, last].filter(Boolean).join(' '));
    let full = cell(f, 'name') ?? fromParts ?? '';
    // Google's old `Name` can be filed as "Chen, Wei": the parts say which way round it goes.
    if (first && last && fromParts && full === `${last}, ${first}`) full = fromParts;
    const named = splitPersonName(full, prefix);
    const lastSplit = last === null ? null : splitCredentials(last);
    p.name = named.name;
    p.honorific = named.honorific;
    p.credentials = joinCredentials(cell(f, 'suffix'), named.credentials, lastSplit?.credentials);
    p.nameParts = { given: first, additional: middle, family: lastSplit === null ? null : oneLine(lastSplit.name) };
    for (const index of emailColumns) {
      for (const value of multiValues(f[index])) {
        for (const piece of value.split(/[;,\s]+/)) {
          const e = oneLine(piece.replace(/^mailto:/i, ''));
          if (e === null) continue;
          if (normaliseEmail(e) === '') p.warnings.push(`'${shown(e)}' in ${shown(headers[index], 30)} is not an email address; left out`);
          else if (!p.emails.some((x) => x.toLowerCase() === e.toLowerCase())) p.emails.push(e);
        }
      }
    }
    for (const index of phoneColumns) {
      for (const value of multiValues(f[index])) {
        const phone = oneLine(value);
        if (phone && !p.phones.includes(phone)) p.phones.push(phone);
      }
    }
    p.institution = cell(f, 'institution');
    p.department = cell(f, 'department');
    p.position = cell(f, 'position');
    p.met = metDate(cell(f, 'met'), p.warnings, mapping.met ?? 'met');
    p.notes = multiLine(raw(f, 'notes'));
    for (const index of urlColumns) {
      for (const value of multiValues(f[index])) {
        const url = oneLine(value);
        if (!url) continue;
        if (isLinkedInUrl(url) && p.linkedin === null) p.linkedin = url;
        else if (url !== p.linkedin && !p.urls.includes(url)) p.urls.push(url);
      }
    }
    people.push(p);
  }
  return { people, issues: [...csv.issues, ...checked.issues].sort((a, b) => a.line - b.line) };
}
