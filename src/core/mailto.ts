import { singleLine } from './text';

/**
 * mailto: links whose only headers are `subject` and `body`, whatever a contact's fields
 * or a vault's template hold (RFC 6068).
 *
 * Two forms. `mailtoLink` is the plain RFC 6068 link (every reserved character
 * percent-encoded), for scripts (`rapport template ID --contact F --mailto`).
 * `mailtoComponents` is for VS Code's `env.openExternal`, which does not pass a link on
 * as given: it formats the Uri with `toString(true)` (vscode-uri `_asFormatted` with
 * `encodeURIComponentMinimal`, which escapes only `#` and `?`), then applies `encodeURI`
 * (VS Code's OpenerService). `encodeURI` leaves `&` and `=` alone and turns every `%` into
 * `%25`, so no percent-escape written into the Uri survives as such. The components are
 * therefore written so that this round trip yields a link with `subject` and `body` only:
 * `&` and `=` in a value are written `%26` and `%3D` (the mail app then shows those three
 * characters instead: inert, never a header); `#` and `?` are escaped by VS Code itself;
 * a `%` is left for `encodeURI`, which makes it `%25` (shown as `%`).
 */
export interface MailtoComponents {
  scheme: 'mailto';
  /** The address, or '' when it is not a plain address (the mail app then asks). */
  path: string;
  /** The query as the Uri holds it (not encoded again by Uri.from). */
  query: string;
}

/** A plain `local@domain` address; anything else (`?`, `&`, `,`, spaces, angle brackets…) is not used. */
export function plainAddress(address: string | null | undefined): string {
  const a = (address ?? '').trim();
  return a.length <= 254 && /^[A-Za-z0-9.!$'*+/^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(a) ? a : '';
}

/** The subject on one line: a CR or LF there would start a header of its own. */
export function mailSubject(subject: string | null): string {
  return singleLine(subject ?? '');
}

/** Bodies of a few kilobytes are emails; a mail app may refuse a much longer link. */
const MAX_BODY_CHARS = 8000;

function fullyEncoded(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** RFC 6068: `mailto:addr?subject=…&body=…`, every reserved character percent-encoded. */
export function mailtoLink(address: string | null | undefined, subject: string | null, body: string): string {
  const to = plainAddress(address);
  const query = `subject=${fullyEncoded(mailSubject(subject))}&body=${fullyEncoded(toCrlf(body.slice(0, MAX_BODY_CHARS)))}`;
  return `mailto:${to === '' ? '' : fullyEncoded(to).replace(/%40/g, '@')}?${query}`;
}

/** The components to give `Uri.from` for `env.openExternal` (see above). */
export function mailtoComponents(address: string | null | undefined, subject: string | null, body: string): MailtoComponents {
  const inert = (v: string) => v.replace(/[&=]/g, (c) => (c === '&' ? '%26' : '%3D'));
  return {
    scheme: 'mailto',
    path: plainAddress(address),
    query: `subject=${inert(mailSubject(subject))}&body=${inert(toCrlf(body.slice(0, MAX_BODY_CHARS)))}`,
  };
}

/** RFC 6068 asks for CRLF line breaks in a body. */
function toCrlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}
