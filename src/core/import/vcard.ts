import { byteStringToBytes, bytesToByteString, decodeCharset, decodeUtf8, decodeWindows1252, isAscii, isAsciiByteString, isUtf8, utf8ByteString } from './bytes';
import { joinCredentials, splitCredentials, splitPersonName } from './credentials';
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

export interface LogicalLine {
  text: string;
  line: number;
}

const CARD_EDGE = /^(?:BEGIN|END)[ \t]*:[ \t]*VCARD[ \t]*$/i;

/** The part before the first colon names quoted-printable: soft line breaks (`=` at the end) only mean something then. */
function isQuotedPrintable(first: string): boolean {
  const colon = first.indexOf(':');
  return colon !== -1 && /QUOTED-PRINTABLE/i.test(first.slice(0, colon));
}

/**
 * Joins folded lines (a line starting with a space or tab continues the previous one,
 * that one character removed) and quoted-printable soft breaks (`=` at the end of a
 * line: the next line continues as it is, leading spaces included). Works on a byte
 * string, so a fold or soft break inside a multi-byte sequence joins the bytes back
 * before anything is decoded. Linear: pieces are collected and joined once.
 */
export function unfold(text: string): LogicalLine[] {
  let body = text;
  if (body.charCodeAt(0) === 0xfeff) body = body.slice(1);
  else if (body.startsWith('\xef\xbb\xbf')) body = body.slice(3);
  const physical = body.split(/\r\n|\r|\n/);
  const out: LogicalLine[] = [];
  let parts: string[] | null = null;
  let line = 0;
  let qp = false;
  const flush = (): void => {
    if (parts !== null) out.push({ text: parts.join(''), line });
    parts = null;
  };
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i];
    if (parts !== null) {
      const current: string[] = parts;
      const last = current[current.length - 1];
      if (qp && last.endsWith('=') && !CARD_EDGE.test(raw)) {
        current[current.length - 1] = last.slice(0, -1);
        current.push(raw);
        continue;
      }
      if (raw.startsWith(' ') || raw.startsWith('\t')) {
        current.push(raw.slice(1));
        if (current.length === 2) qp = isQuotedPrintable(current.join(''));
        continue;
      }
    }
    flush();
    if (raw.trim() === '') continue;
    parts = [raw];
    line = i + 1;
    qp = isQuotedPrintable(raw);
  }
  flush();
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

/**
 * `=C3=A9` → bytes. The input is a byte string; a character above U+00FF (text given
 * as text, by a lazy producer or a test) becomes its UTF-8 bytes.
 */
export function decodeQuotedPrintable(text: string): Uint8Array {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d) {
      const h1 = hexValue(text.charCodeAt(i + 1));
      const h2 = hexValue(text.charCodeAt(i + 2));
      if (h1 !== -1 && h2 !== -1) {
        bytes.push(h1 * 16 + h2);
        i += 2;
        continue;
      }
      const next = text.charCodeAt(i + 1);
      if (next === 13 || next === 10) {
        i += next === 13 && text.charCodeAt(i + 2) === 10 ? 2 : 1;
        continue;
      }
      bytes.push(c);
    } else if (c <= 0xff) {
      bytes.push(c);
    } else {
      const cp = text.codePointAt(i) ?? c;
      if (cp > 0xffff) i++;
      for (const b of encoder.encode(String.fromCodePoint(cp))) bytes.push(b);
    }
  }
  return Uint8Array.from(bytes);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
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

/** Properties whose text Rapport reads; the others (PHOTO, KEY …) are never decoded. */
const TEXT_PROPS = new Set(['FN', 'N', 'EMAIL', 'TEL', 'ORG', 'TITLE', 'ROLE', 'NOTE', 'URL', 'X-SOCIALPROFILE', 'NICKNAME', 'VERSION']);

/** A card's property with its value turned into text (escapes still in place). */
interface DecodedProp extends ContentLine {
  text: string;
}

type CardDecode = { ok: true; props: DecodedProp[]; warnings: string[] } | { ok: false; reason: string };

/** The value's bytes with the transfer encoding (quoted-printable, base64) undone. */
function valueBytes(prop: ContentLine): Uint8Array | string {
  const encoding = (prop.params.get('ENCODING')?.[0] ?? '').toUpperCase();
  if (encoding === 'QUOTED-PRINTABLE') return decodeQuotedPrintable(prop.value);
  if (encoding === 'B' || encoding === 'BASE64') {
    return decodeBase64(prop.value) ?? `${prop.name} on line ${prop.line} is not valid base64`;
  }
  return byteStringToBytes(prop.value);
}

/**
 * Decides the character set per card, never per file: a property's own `CHARSET`
 * first; for the others, UTF-8 when all their bytes are valid UTF-8 (vCard 3.0/4.0's
 * rule, and what phones write), else Windows-1252 (vCard 2.1's practice, and old
 * Outlook's), except in a 4.0 card, which must be UTF-8. Bytes that are not valid in
 * the set they claim make the card undecodable, with the reason.
 */
function withText(prop: ContentLine, text: string): DecodedProp {
  return { name: prop.name, params: prop.params, value: prop.value, line: prop.line, text };
}

function decodeCard(props: readonly ContentLine[]): CardDecode {
  const warnings: string[] = [];
  const version = props.find((p) => p.name === 'VERSION')?.value.trim() ?? '';
  const pending: { prop: ContentLine; bytes: Uint8Array; index: number }[] = [];
  const out: DecodedProp[] = [];
  let allUtf8 = true;
  let firstBad: ContentLine | null = null;
  for (const prop of props) {
    if (!TEXT_PROPS.has(prop.name)) {
      out.push(withText(prop, ''));
      continue;
    }
    const encoding = prop.params.get('ENCODING');
    // The common case, plain ASCII with no transfer encoding, is its own text.
    if (encoding === undefined && isAsciiByteString(prop.value)) {
      out.push(withText(prop, prop.value));
      continue;
    }
    const bytes = valueBytes(prop);
    if (typeof bytes === 'string') {
      warnings.push(`${bytes}; it was left out`);
      out.push(withText(prop, ''));
      continue;
    }
    const charset = prop.params.get('CHARSET')?.[0];
    if (charset !== undefined && charset !== '') {
      const decoded = decodeCharset(bytes, charset);
      if (!decoded.ok) return { ok: false, reason: `${prop.name} on line ${prop.line}: ${decoded.reason}` };
      out.push(withText(prop, decoded.text));
      continue;
    }
    if (!isAscii(bytes) && !isUtf8(bytes)) {
      allUtf8 = false;
      firstBad ??= prop;
    }
    pending.push({ prop, bytes, index: out.length });
    out.push(withText(prop, ''));
  }
  let fallback = 'utf-8';
  if (!allUtf8) {
    if (version === '4.0') {
      return { ok: false, reason: `a vCard 4.0 card must be UTF-8, but ${firstBad!.name} on line ${firstBad!.line} is not (and names no CHARSET)` };
    }
    fallback = 'windows-1252';
    warnings.push(`this card is not UTF-8 and names no CHARSET; it was read as Windows-1252 (Latin-1)`);
  }
  const decode = fallback === 'utf-8' ? decodeUtf8 : decodeWindows1252;
  for (const { prop, bytes, index } of pending) out[index] = withText(prop, decode(bytes));
  return { ok: true, props: out, warnings };
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

function byPreference<T extends ContentLine>(props: T[]): T[] {
  return props.map((p, i) => ({ p, i, rank: prefRank(p) })).sort((a, b) => a.rank - b.rank || a.i - b.i).map((x) => x.p);
}

/** `tel:+1-555-0100;ext=12` (vCard 4 `VALUE=uri`) → `+1-555-0100 ext. 12`. */
function phoneText(value: string): string {
  const m = /^tel:([^;]*)(?:;ext=([^;]*))?/i.exec(value.trim());
  if (!m) return value;
  return m[2] ? `${m[1]} ext. ${m[2]}` : m[1];
}

function personFromCard(raw: ContentLine[], line: number): ImportedPerson | ImportIssue {
  if (raw.some((x) => x.name === 'X-ABSHOWAS' && x.value.trim().toUpperCase() === 'COMPANY')) {
    return { line, reason: 'a company card, not a person', kind: 'not-a-person' };
  }
  const decoded = decodeCard(raw);
  if (!decoded.ok) return { line, reason: `card starting on line ${line} could not be decoded: ${decoded.reason}; it was not imported`, kind: 'undecodable' };
  const props = decoded.props;
  const p = emptyPerson('vcard', line);
  p.warnings.push(...decoded.warnings);
  const all = (name: string): DecodedProp[] => props.filter((x) => x.name === name);
  const text = (prop: DecodedProp): string => unescapeText(prop.text);

  const fnText = all('FN').map((x) => oneLine(text(x))).find((x) => x !== null) ?? null;
  const n = all('N')[0];
  const nParts = n ? structuredParts(n.text, true).map((x) => oneLine(x)) : [];
  const [family, given, additional, prefix, suffix] = nParts;
  p.nameParts = { given: given ?? null, additional: additional ?? null, family: family ? oneLine(splitCredentials(family).name) : null };
  const full = fnText ?? oneLine([given, additional, family].filter(Boolean).join(' ') + (suffix ? `, ${suffix}` : '')) ?? '';
  const split = splitPersonName(full, prefix ?? null);
  p.name = split.name;
  p.honorific = split.honorific;
  p.credentials = joinCredentials(suffix, split.credentials);

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
    const parts = structuredParts(org.text);
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
 * Each card's text properties as Rapport reads them (character set and transfer
 * encoding undone, TEXT escapes undone, nothing else): what the differential tests
 * hold against ical.js. Structured values keep their `;` separators escaped.
 */
export function cardTexts(input: string | Uint8Array): { name: string; text: string }[][] {
  const bytes = typeof input === 'string' ? utf8ByteString(input) : bytesToByteString(input);
  const cards: { name: string; text: string }[][] = [];
  let props: ContentLine[] | null = null;
  for (const logical of unfold(bytes)) {
    const prop = parseContentLine(logical);
    if (!prop) continue;
    if (prop.name === 'BEGIN' && prop.value.trim().toUpperCase() === 'VCARD') props = [];
    else if (prop.name === 'END' && prop.value.trim().toUpperCase() === 'VCARD' && props) {
      const decoded = decodeCard(props);
      cards.push(decoded.ok ? decoded.props.filter((p) => TEXT_PROPS.has(p.name)).map((p) => ({
        name: p.name, text: p.name === 'N' || p.name === 'ORG' ? p.text : unescapeText(p.text),
      })) : []);
      props = null;
    } else props?.push(prop);
  }
  return cards;
}

/** The most cards one import reads: a contact list is thousands, never millions. */
export const MAX_CARDS = 100_000;

/**
 * Reads a `.vcf` with any number of vCard 2.1, 3.0 or 4.0 cards. A card without
 * `END:VCARD` is reported with the line of its `BEGIN` and left out; the others import.
 */
export function parseVCards(input: string | Uint8Array): ParsedImport {
  // Text given as text (a UTF-16 file, a test) is read as its UTF-8 bytes.
  const bytes = typeof input === 'string' ? utf8ByteString(input) : bytesToByteString(input);
  const people: ImportedPerson[] = [];
  const issues: ImportIssue[] = [];
  let card: { line: number; props: ContentLine[] } | null = null;
  let sawBegin = false;
  let cards = 0;
  for (const logical of unfold(bytes)) {
    const prop = parseContentLine(logical);
    if (!prop) continue;
    if (prop.name === 'BEGIN' && prop.value.trim().toUpperCase() === 'VCARD') {
      sawBegin = true;
      if (card) issues.push({ line: card.line, reason: `card starting on line ${card.line} has no END:VCARD before the next card; it was not imported`, kind: 'unreadable' });
      card = { line: prop.line, props: [] };
    } else if (prop.name === 'END' && prop.value.trim().toUpperCase() === 'VCARD') {
      if (!card) continue;
      if (++cards > MAX_CARDS) {
        issues.push({ line: card.line, reason: `more than ${MAX_CARDS} cards in one file; this card and the rest were not read (split the file)`, kind: 'limit' });
        card = null;
        break;
      }
      const result = personFromCard(card.props, card.line);
      if ('reason' in result) issues.push(result);
      else people.push(result);
      card = null;
    } else if (card) {
      card.props.push(prop);
    }
  }
  if (card) issues.push({ line: card.line, reason: `card starting on line ${card.line} has no END:VCARD (the file ends inside it); it was not imported`, kind: 'unreadable' });
  if (!sawBegin) issues.push({ line: 1, reason: 'no BEGIN:VCARD found: this is not a vCard file' });
  return { people, issues };
}
