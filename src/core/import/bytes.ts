/**
 * Byte strings: one JS character per byte (U+0000–U+00FF). vCard structure (names,
 * parameters, `:`, `;`, line breaks) is ASCII, so a card can be unfolded and split
 * as bytes and each value decoded afterwards with its own character set; a fold or
 * soft break inside a multi-byte sequence then rejoins the bytes before any decoding.
 */

const CHUNK = 0x8000;
/** `ignoreBOM`: a byte string starting FF FE is data, not a byte-order mark. */
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/** Bytes → byte string (never through a decoder: `latin1` in TextDecoder is Windows-1252). */
export function bytesToByteString(bytes: Uint8Array): string {
  // Widened to 16-bit units and read as UTF-16LE: one native pass, each unit the byte's value.
  const wide = new Uint16Array(bytes.length);
  wide.set(bytes);
  return UTF16.decode(wide);
}

/** Byte string → bytes; a character above U+00FF (text, not bytes) is written as its UTF-8 bytes. */
export function byteStringToBytes(text: string): Uint8Array {
  let wide = false;
  for (let i = 0; i < text.length && !wide; i++) if (text.charCodeAt(i) > 0xff) wide = true;
  if (wide) {
    const out: number[] = [];
    const encoder = new TextEncoder();
    for (const ch of text) {
      const c = ch.charCodeAt(0);
      if (ch.length === 1 && c <= 0xff) out.push(c);
      else for (const b of encoder.encode(ch)) out.push(b);
    }
    return Uint8Array.from(out);
  }
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Text → the byte string of its UTF-8 encoding. */
export function utf8ByteString(text: string): string {
  return bytesToByteString(new TextEncoder().encode(text));
}

export function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return false;
  return true;
}

/** One decoder of each kind for the whole import: creating one costs more than decoding a name. */
const UTF8_FATAL = new TextDecoder('utf-8', { fatal: true });
const UTF8 = new TextDecoder('utf-8');

export function decodeUtf8(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}

/** True when every character of a byte string is ASCII (so it is its own text in any ASCII-compatible set). */
export function isAsciiByteString(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

export function isUtf8(bytes: Uint8Array): boolean {
  try {
    UTF8_FATAL.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Windows-1252's 0x80–0x9F (WHATWG Encoding; the five unassigned bytes map to the C1 code point). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Windows-1252 (which the Encoding standard also uses for `latin1`, `iso-8859-1` and
 * `ascii`), decoded here rather than by TextDecoder: Node 20's decoder drops the bytes
 * 0x80–0x9F, losing the curly quotes and dashes Outlook and Word put in names.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const codes: number[] = [];
  for (const b of bytes) {
    codes.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b);
    if (codes.length === CHUNK) parts.push(String.fromCharCode(...codes.splice(0)));
  }
  parts.push(String.fromCharCode(...codes));
  return parts.join('');
}

export type CharsetDecode = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Decodes with any character set the platform's TextDecoder knows (Node with full ICU
 * knows Shift_JIS, EUC-KR, GB18030, KOI8-R, the ISO-8859 and Windows code pages …).
 * Fatal: bytes that are not valid in that set are a reason, never U+FFFD.
 */
export function decodeCharset(bytes: Uint8Array, charset: string): CharsetDecode {
  let decoder: { decode(bytes: Uint8Array): string };
  try {
    decoder = new TextDecoder(charset.trim(), { fatal: true });
  } catch {
    return { ok: false, reason: `CHARSET=${charset} is not a character set Rapport can decode` };
  }
  if ((decoder as { encoding?: string }).encoding === 'windows-1252') return { ok: true, text: decodeWindows1252(bytes) };
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, reason: `its bytes are not valid ${charset}` };
  }
}
