import { emptyPerson, isLinkedInUrl, multiLine, oneLine, type ImportIssue, type ImportedPerson, type ParsedImport } from './types';

/** One property of a card after unfolding: `[group.]NAME;PARAM=V:value`. */
export interface ContentLine {
  name: string;
  /** Upper-case parameter names to their values (quotes removed, comma lists split). */
  params: Map<string, string[]>;
  /** The raw value, still escaped and encoded. */
  value: string;
  /** 1-based line where the property starts. */
  line: number;
}

interface LogicalLine {
  text: string;
  line: number;
  /** Set once the property name is known: soft line breaks (`=` at the end) only mean something in QP. */
  qp?: boolean;
}

const CARD_EDGE = /^(?:BEGIN|END)[ \t]*:[ \t]*VCARD[ \t]*$/i;

function isQuotedPrintable(logical: LogicalLine): boolean {
  if (logical.qp === undefined) {
    const colon = logical.text.indexOf(':');
    if (colon === -1) return false;
    logical.qp = /QUOTED-PRINTABLE/i.test(logical.text.slice(0, colon));
  }
  return logical.qp;
}

/**
 * Joins folded lines (a line starting with a space or tab continues the previous
 * one) and quoted-printable soft breaks (`=` at the end of a line). Bytes are not
 * decoded here, so a fold or soft break inside a multi-byte UTF-8 sequence is harmless.
 */
export function unfold(text: string): LogicalLine[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const physical = body.split(/\r\n|\r|\n/);
  const out: LogicalLine[] = [];
  let current: LogicalLine | null = null;
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i];
    const softBreak = current !== null && current.text.endsWith('=') && isQuotedPrintable(current);
    if (current !== null && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      current.text = (softBreak ? current.text.slice(0, -1) : current.text) + raw.slice(1);
      continue;
    }
    if (current !== null && softBreak && !CARD_EDGE.test(raw)) {
      current.text = current.text.slice(0, -1) + raw;
      continue;
    }
    if (raw.trim() === '') {
      current = null;
      continue;
    }
    current = { text: raw, line: i + 1 };
    out.push(current);
  }
  return out;
}

/** Splits `NAME;P=V;P2="a:b":value` at the first colon outside double quotes. */
export function parseContentLine(logical: LogicalLine): ContentLine | null {
  const text = logical.text;
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon === -1) return null;
  const parts = splitOutsideQuotes(text.slice(0, colon), ';');
  const fullName = parts[0].trim();
  const name = fullName.slice(fullName.lastIndexOf('.') + 1).toUpperCase();
  if (name === '') return null;
  const params = new Map<string, string[]>();
  for (const part of parts.slice(1)) {
    const eq = part.indexOf('=');
    let key: string;
    let values: string[];
    if (eq === -1) {
      // vCard 2.1 bare parameters: `TEL;WORK;PREF:` or `NOTE;QUOTED-PRINTABLE:`.
      const bare = part.trim().toUpperCase();
      key = ['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT'].includes(bare) ? 'ENCODING' : 'TYPE';
      values = [bare];
    } else {
      key = part.slice(0, eq).trim().toUpperCase();
      // `TYPE="work,pref"` and `TYPE=work,pref` mean the same list.
      values = part.slice(eq + 1).split(',').map((v) => v.trim().replace(/^"|"$/g, '').trim());
    }
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return { name, params, value: text.slice(colon + 1), line: logical.line };
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === separator && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** `=C3=A9` → bytes; a raw non-ASCII character (a lazy producer) is kept as its UTF-8 bytes. */
export function decodeQuotedPrintable(text: string): Uint8Array {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d) {
      const hex = text.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
        continue;
      }
      const soft = /^(?:\r\n|\r|\n)/.exec(text.slice(i + 1, i + 3));
      if (soft) {
        i += soft[0].length;
        continue;
      }
      bytes.push(c);
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      const cp = text.codePointAt(i) ?? c;
      if (cp > 0xffff) i++;
      for (const b of encoder.encode(String.fromCodePoint(cp))) bytes.push(b);
    }
  }
  return Uint8Array.from(bytes);
}

function decodeBase64(text: string): Uint8Array | null {
  try {
    const binary = atob(text.replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

function decoderFor(charset: string | undefined, warnings: string[]): { decode(bytes: Uint8Array): string } {
  if (charset) {
    try {
      return new TextDecoder(charset);
    } catch {
      warnings.push(`unknown CHARSET '${charset}', read as UTF-8`);
    }
  }
  return new TextDecoder('utf-8');
}

/** The value as text: transfer encoding undone, escapes still in place. */
function decodedValue(prop: ContentLine, warnings: string[]): string {
  const encoding = (prop.params.get('ENCODING')?.[0] ?? '').toUpperCase();
  if (encoding === 'QUOTED-PRINTABLE') {
    return decoderFor(prop.params.get('CHARSET')?.[0], warnings).decode(decodeQuotedPrintable(prop.value));
  }
  if (encoding === 'B' || encoding === 'BASE64') {
    const bytes = decodeBase64(prop.value);
    if (bytes) return decoderFor(prop.params.get('CHARSET')?.[0], warnings).decode(bytes);
    warnings.push(`${prop.name} on line ${prop.line} is not valid base64 and was left out`);
    return '';
  }
  return prop.value;
}

/**
 * Splits a structured value (`N`, `ORG`) on unescaped `;`, then unescapes each part.
 * With `joinLists`, an unescaped `,` (a list inside a component, `N:;Mary,Ann;;;`)
 * becomes a space, while an escaped `\,` stays a comma.
 */
export function structuredParts(value: string, joinLists = false): string[] {
  const parts: string[] = [];
  let current = '';
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') i++;
    else if (c === ';' || (joinLists && c === ',')) {
      current += unescapeText(value.slice(start, i)) + (c === ',' ? ' ' : '');
      if (c === ';') {
        parts.push(current);
        current = '';
      }
      start = i + 1;
    }
  }
  parts.push(current + unescapeText(value.slice(start)));
  return parts;
}

/** `\n` `\N` → line break, `\,` `\;` `\:` `\\` → the character. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Lower is preferred: vCard 4 `PREF=1`, vCard 2.1/3 `TYPE=pref` or a bare `PREF`. */
function prefRank(prop: ContentLine): number {
  const pref = Number(prop.params.get('PREF')?.[0]);
  if (Number.isInteger(pref) && pref >= 1) return pref;
  const types = (prop.params.get('TYPE') ?? []).map((t) => t.toUpperCase());
  return types.includes('PREF') ? 1 : 101;
}

function byPreference(props: ContentLine[]): ContentLine[] {
  return props.map((p, i) => ({ p, i, rank: prefRank(p) })).sort((a, b) => a.rank - b.rank || a.i - b.i).map((x) => x.p);
}

/** `tel:+1-555-0100;ext=12` (vCard 4 `VALUE=uri`) → `+1-555-0100 ext. 12`. */
function phoneText(value: string): string {
  const m = /^tel:([^;]*)(?:;ext=([^;]*))?/i.exec(value.trim());
  if (!m) return value;
  return m[2] ? `${m[1]} ext. ${m[2]}` : m[1];
}

function personFromCard(props: ContentLine[], line: number): ImportedPerson | ImportIssue {
  const p = emptyPerson('vcard', line);
  const all = (name: string): ContentLine[] => props.filter((x) => x.name === name);
  const text = (prop: ContentLine): string => unescapeText(decodedValue(prop, p.warnings));

  if (all('X-ABSHOWAS').some((x) => x.value.trim().toUpperCase() === 'COMPANY')) {
    return { line, reason: 'a company card, not a person' };
  }
  const fn = all('FN').map((x) => oneLine(text(x))).find((x) => x !== null) ?? null;
  const n = all('N')[0];
  const nParts = n ? structuredParts(decodedValue(n, p.warnings), true).map((x) => oneLine(x)) : [];
  const [family, given, additional, prefix] = nParts;
  p.name = fn ?? oneLine([given, additional, family].filter(Boolean).join(' ')) ?? '';
  p.honorific = prefix ?? null;

  for (const prop of byPreference(all('EMAIL'))) {
    const email = oneLine(text(prop).replace(/^mailto:/i, ''));
    if (email && !p.emails.some((e) => e.toLowerCase() === email.toLowerCase())) p.emails.push(email);
  }
  for (const prop of byPreference(all('TEL'))) {
    const phone = oneLine(phoneText(text(prop)));
    if (phone && !p.phones.includes(phone)) p.phones.push(phone);
  }
  const org = all('ORG')[0];
  if (org) {
    const parts = structuredParts(decodedValue(org, p.warnings));
    p.institution = oneLine(parts[0]);
    p.department = oneLine(parts.slice(1).filter((x) => x.trim() !== '').join(', '));
  }
  p.position = all('TITLE').map((x) => oneLine(text(x))).find((x) => x !== null)
    ?? all('ROLE').map((x) => oneLine(text(x))).find((x) => x !== null) ?? null;
  const notes = all('NOTE').map((x) => multiLine(text(x))).filter((x): x is string => x !== null);
  p.notes = notes.length > 0 ? notes.join('\n\n') : null;
  const urls = [...all('URL'), ...all('X-SOCIALPROFILE')].map((x) => oneLine(text(x))).filter((x): x is string => x !== null);
  for (const url of urls) {
    if (isLinkedInUrl(url) && p.linkedin === null) p.linkedin = url;
    else if (!p.urls.includes(url) && url !== p.linkedin) p.urls.push(url);
  }
  return p;
}

/**
 * Reads a `.vcf` with any number of vCard 2.1, 3.0 or 4.0 cards. A card without
 * `END:VCARD` is reported with the line of its `BEGIN` and left out; the others import.
 */
export function parseVCards(text: string): ParsedImport {
  const people: ImportedPerson[] = [];
  const issues: ImportIssue[] = [];
  let card: { line: number; props: ContentLine[] } | null = null;
  let sawBegin = false;
  for (const logical of unfold(text)) {
    const prop = parseContentLine(logical);
    if (!prop) continue;
    if (prop.name === 'BEGIN' && prop.value.trim().toUpperCase() === 'VCARD') {
      sawBegin = true;
      if (card) issues.push({ line: card.line, reason: `card starting on line ${card.line} has no END:VCARD before the next card; it was not imported` });
      card = { line: prop.line, props: [] };
    } else if (prop.name === 'END' && prop.value.trim().toUpperCase() === 'VCARD') {
      if (!card) continue;
      const result = personFromCard(card.props, card.line);
      if ('reason' in result) issues.push(result);
      else people.push(result);
      card = null;
    } else if (card) {
      card.props.push(prop);
    }
  }
  if (card) issues.push({ line: card.line, reason: `card starting on line ${card.line} has no END:VCARD (the file ends inside it); it was not imported` });
  if (!sawBegin) issues.push({ line: 1, reason: 'no BEGIN:VCARD found: this is not a vCard file' });
  return { people, issues };
}
