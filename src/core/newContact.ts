import type { CalendarDate } from './dates';
import { readFrontmatter } from './frontmatter';
import { splitLines } from './parseNote';
import { fieldKey, placeholderPattern } from './templates/placeholders';
import { singleLine } from './templates/fields';

/** What the student typed (or an import found) for a new contact. */
export interface NewContactInput {
  name: string;
  role?: string | null;
  institution?: string | null;
  /** The conference or rotation, as a name. */
  metAt?: string | null;
  met?: CalendarDate | null;
  /** Write `met_at` as a `[[link]]`: set it when `metAt` names a note in the vault, so no unresolved link is created. */
  linkMetAt?: boolean;
  /** For `{{date}}`/`{{today}}` in a vault template when `met` is unknown. */
  today?: CalendarDate | null;
}

export interface NewContactResult {
  text: string;
  /** True when the vault's `templates/contact.md` was used. */
  fromTemplate: boolean;
  /** Why the vault template was not used, when it was given but could not be. */
  problems: string[];
}

/**
 * A YAML double-quoted scalar, safe for any text: quotes, backslashes, line breaks and
 * every character YAML will not take raw (C0/C1 controls, DEL, line/paragraph separators,
 * BOM, lone surrogates) are escaped, so the value reads back exactly as given. `[[` is
 * written `[\x5b` unless `link` is set: Rapport finds wiki links in frontmatter lines too,
 * and a name that happens to contain `[[` must not become one.
 */
export function yamlQuote(value: string, link = false): string {
  let out = '"';
  let previous = '';
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    const after = previous;
    previous = ch;
    if (ch === '[' && after === '[' && !link) out += '\\x5b';
    else if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff || c === 0xfffe || c === 0xffff
      || (c >= 0xd800 && c <= 0xdfff)) {
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}

/** The text of a new contact note. */
export function newContactText(input: NewContactInput, template?: string | null): string {
  return newContactNote(input, template).text;
}

/**
 * Builds a new contact note: from the vault's `templates/contact.md` when given (its
 * `{{name}}`, `{{role}}`, `{{institution}}`, `{{met_at}}`, `{{met}}`, `{{date}}` filled,
 * YAML-quoted in the frontmatter), else from the built-in skeleton. A template whose
 * result would not read back as valid frontmatter is not used.
 */
export function newContactNote(input: NewContactInput, template?: string | null): NewContactResult {
  const clean = cleanInput(input);
  if (template == null) return { text: skeleton(clean), fromTemplate: false, problems: [] };
  const problems: string[] = [];
  const filled = fromTemplate(clean, template, problems);
  if (filled === null) return { text: skeleton(clean), fromTemplate: false, problems };
  return { text: filled, fromTemplate: true, problems };
}

interface CleanInput {
  name: string;
  role: string | null;
  institution: string | null;
  metAt: string | null;
  met: CalendarDate | null;
  linkMetAt: boolean;
  today: CalendarDate | null;
}

function cleanInput(input: NewContactInput): CleanInput {
  const opt = (v: string | null | undefined) => {
    const s = v == null ? '' : singleLine(v);
    return s === '' ? null : s;
  };
  const metAt = opt(input.metAt);
  return {
    name: opt(input.name) ?? 'New contact',
    role: opt(input.role),
    institution: opt(input.institution),
    metAt,
    met: opt(input.met),
    // A name with brackets, `|` or `#` cannot be a link target; it is written as plain text.
    linkMetAt: input.linkMetAt === true && metAt !== null && !/[[\]|#^]/.test(metAt),
    today: opt(input.today),
  };
}

function skeleton(c: CleanInput): string {
  const field = (key: string, value: string | null, link = false) => (value === null ? `${key}:` : `${key}: ${yamlQuote(value, link)}`);
  const metAtValue = c.metAt === null ? null : c.linkMetAt ? `[[${c.metAt}]]` : c.metAt;
  const lines = [
    '---',
    'type: contact',
    field('name', c.name),
    'title:',
    field('role', c.role),
    field('institution', c.institution),
    'email:',
    field('met', c.met),
    field('met_at', metAtValue, c.linkMetAt),
    'follow_up:',
    'status: active',
    '---',
    '',
    `# ${markdownText(c.name)}`,
    '',
    '## Interactions',
    '',
  ];
  if (c.met !== null) {
    const where = c.metAt === null ? '' : c.linkMetAt ? `: at [[${c.metAt}]]` : `: at ${markdownText(c.metAt)}`;
    lines.push(`- ${c.met} met${where}`, '');
  }
  lines.push('## Notes', '');
  return lines.join('\n');
}

/** Text placed in the markdown body: one line, with the characters that would start a link, tag or HTML escaped. */
function markdownText(value: string): string {
  return singleLine(value).replace(/[\\[\]<>*_`]/g, (ch) => `\\${ch}`);
}

function valueFor(c: CleanInput, key: string): string | null | undefined {
  switch (key.replace(/^contact\./, '').replace(/[\s_-]+/g, '')) {
    case 'name': case 'title': case 'fullname': return c.name;
    case 'role': return c.role;
    case 'institution': return c.institution;
    case 'metat': case 'event': return c.metAt;
    case 'met': return c.met;
    case 'date': case 'today': return c.met ?? c.today;
    default: return undefined; // not ours: left as written
  }
}

function fieldName(inner: string): string {
  // Obsidian writes `{{date:YYYY-MM-DD}}`; the format is ignored, dates are always YYYY-MM-DD.
  return fieldKey(inner.replace(/:.*$/, ''));
}

const WHOLE_VALUE = /^(["']?)(\[\[)?\{\{([^{}\r\n]{1,80})\}\}(\]\])?\1$/;
const KEY_LINE = /^(\s*(?:-[ \t]+)?(?:[A-Za-z_][\w .-]*?:(?:[ \t]+|$))?)(.*)$/s;

function fromTemplate(c: CleanInput, template: string, problems: string[]): string | null {
  const { lines, eol } = splitLines(template);
  const fm = readFrontmatter(lines);
  if (fm.broken) {
    problems.push(`templates/contact.md has unreadable frontmatter (${fm.problems[0]?.message ?? 'invalid'}); the built-in note layout was used.`);
    return null;
  }
  const out = lines.slice();
  for (let i = 1; i < fm.end; i++) {
    if (out[i].includes('{{')) out[i] = fillFrontmatterLine(c, out[i]);
  }
  for (let i = fm.end === -1 ? 0 : fm.bodyStart; i < out.length; i++) {
    out[i] = out[i].replace(placeholderPattern(), (whole: string, inner: string) => {
      const v = valueFor(c, fieldName(inner));
      return v === undefined ? whole : markdownText(v ?? '');
    });
  }
  let text = out.join(eol);
  if (fm.end === -1) {
    // A template with only a body still needs the contact's fields on top.
    const head = skeleton(c).split('\n');
    text = [...head.slice(0, head.indexOf('---', 1) + 1), '', text].join(eol);
  }
  const check = readFrontmatter(splitLines(text).lines);
  if (check.broken) {
    problems.push(`templates/contact.md did not give valid frontmatter once filled (${check.problems[0]?.message ?? 'invalid'}); the built-in note layout was used.`);
    return null;
  }
  if (!['name', 'full_name', 'title_name'].some((k) => check.data[k] != null)) {
    const lead = splitLines(text).lines;
    lead.splice(1, 0, `name: ${yamlQuote(c.name)}`);
    text = lead.join(eol);
  }
  return text;
}

function fillFrontmatterLine(c: CleanInput, line: string): string {
  const m = KEY_LINE.exec(line)!;
  const lead = m[1];
  const value = m[2].trimEnd();
  const whole = WHOLE_VALUE.exec(value);
  if (whole) {
    const v = valueFor(c, fieldName(whole[3]));
    if (v === undefined) return `${lead}${yamlQuote(value.replace(/^["']|["']$/g, ''))}`;
    if (v === null) return lead.trimEnd();
    const linked = whole[2] !== undefined && whole[4] !== undefined;
    if (linked && /[[\]|#^]/.test(v)) return `${lead}${yamlQuote(v)}`;
    return `${lead}${linked ? yamlQuote(`[[${v}]]`, true) : yamlQuote(v)}`;
  }
  const raw = (original: string, inner: string) => {
    const v = valueFor(c, fieldName(inner));
    return v === undefined ? original : v ?? '';
  };
  if (/^[[{]/.test(value) && !value.startsWith('[[')) {
    // A flow list or mapping: quote each filled value in place, keep the structure.
    return `${lead}${value.replace(placeholderPattern(), (original: string, inner: string) => {
      const v = valueFor(c, fieldName(inner));
      return v === undefined ? yamlQuote(original) : yamlQuote(v ?? '');
    })}`;
  }
  // A scalar with a field inside it: fill it as text, then quote the whole value.
  let text = value;
  if (/^".*"$/.test(value)) {
    try {
      text = JSON.parse(value) as string;
    } catch {
      text = value.slice(1, -1);
    }
  } else if (/^'.*'$/.test(value)) {
    text = value.slice(1, -1).replace(/''/g, "'");
  }
  return `${lead}${yamlQuote(text.replace(placeholderPattern(), raw))}`;
}
