import * as assert from 'assert';
import { mailtoComponents, mailtoLink } from '../../src/core/mailto';

/**
 * What a mail app receives from `vscode.env.openExternal(uri)`, reproduced step by step:
 *
 * - VS Code's MainThreadWindow.$openUri keeps the Uri (no original string is sent for a
 *   Uri argument), and OpenerService then opens `encodeURI(uri.toString(true))`
 *   (code-server 4.100.3 / VS Code 1.100.3, out/vs/code/browser/workbench/workbench.js:
 *   `r=encodeURI(n.toString(!0))`).
 * - `toString(true)` is vscode-uri `_asFormatted(uri, skipEncoding = true)`
 *   (microsoft/vscode-uri src/uri.ts): `scheme:` + path + `?` + query + `#` + fragment,
 *   path and query through `encodeURIComponentMinimal`, which escapes only `#` and `?`.
 * - `Uri.parse(text)` percent-decodes each component (`percentDecode`), which is how the
 *   old code lost its encoding.
 */
interface Components { scheme: string; path: string; query: string; fragment?: string }

function encodeMinimal(text: string): string {
  return text.replace(/[#?]/g, (c) => (c === '#' ? '%23' : '%3F'));
}

function toStringSkipEncoding(u: Components): string {
  let out = `${u.scheme}:`;
  if (u.path) out += encodeMinimal(u.path);
  if (u.query) out += `?${encodeMinimal(u.query)}`;
  if (u.fragment) out += `#${u.fragment}`;
  return out;
}

/** vscode-uri's parse for a mailto (no authority): components split, then each percent-decoded. */
function uriParse(text: string): Components {
  const m = /^([^:/?#]+):([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(text)!;
  const decode = (s: string | undefined) => (s ?? '').replace(/(%[0-9A-Za-z][0-9A-Za-z])+/g, (x) => {
    try {
      return decodeURIComponent(x);
    } catch {
      return x;
    }
  });
  return { scheme: m[1], path: decode(m[2]), query: decode(m[3]), fragment: decode(m[4]) };
}

function openExternal(u: Components): string {
  return encodeURI(toStringSkipEncoding(u));
}

/** A mail app's reading of a mailto (RFC 6068): fragment dropped, `&`-separated `name=value`, decoded once. */
function mailApp(link: string): { to: string; headers: [string, string][] } {
  const noFragment = link.split('#')[0];
  const q = noFragment.indexOf('?');
  const to = decodeURIComponent(noFragment.slice('mailto:'.length, q === -1 ? undefined : q));
  const headers = q === -1 ? [] : noFragment.slice(q + 1).split('&').map((pair): [string, string] => {
    const eq = pair.indexOf('=');
    return [decodeURIComponent(pair.slice(0, eq === -1 ? undefined : eq)).toLowerCase(), eq === -1 ? '' : decodeURIComponent(pair.slice(eq + 1))];
  });
  return { to, headers };
}

const HOSTILE = [
  'Thanks &bcc=someone@example.org',
  'a=b&cc=x@example.org',
  '?cc=x@example.org',
  '#bcc=x@example.org',
  '%26bcc%3Dx@example.org',
  '%0D%0ABcc: x@example.org',
  'line\r\nBcc: x@example.org',
  '50% of &amp; ?? ## == %% &&',
];

describe('mailto links reach the mail app with subject and body only', () => {
  it('the old link (Uri.parse of an encodeURIComponent query) let a field add a Bcc: the reproduction is faithful', () => {
    const old = `mailto:a@example.org?subject=${encodeURIComponent('Hi &bcc=evil@example.org')}&body=x`;
    const got = mailApp(openExternal(uriParse(old)));
    assert.ok(got.headers.some(([k]) => k === 'bcc'), JSON.stringify(got));
  });

  it('through openExternal, for hostile subjects, bodies and addresses', () => {
    for (const subject of HOSTILE) {
      for (const body of HOSTILE) {
        for (const address of ['jane@example.org', 'jane@example.org?bcc=evil@example.org', 'a@b.org&cc=c@d.org', 'x\r\n@y.org']) {
          const got = mailApp(openExternal(mailtoComponents(address, subject, body)));
          assert.deepStrictEqual(got.headers.map(([k]) => k), ['subject', 'body'], `${JSON.stringify([subject, body, address])} → ${openExternal(mailtoComponents(address, subject, body))}`);
          assert.ok(!/[\r\n]/.test(got.headers[0][1]), 'no line break in the subject');
          assert.ok(got.to === 'jane@example.org' || got.to === '', got.to);
        }
      }
    }
  });

  it('keeps ordinary text as written through openExternal', () => {
    const got = mailApp(openExternal(mailtoComponents('jane@example.org', 'Grüße, Dr. Smith (50%)', 'Dear Dr. Smith,\n\nThank you!\nBest')));
    assert.deepStrictEqual(got, { to: 'jane@example.org', headers: [['subject', 'Grüße, Dr. Smith (50%)'], ['body', 'Dear Dr. Smith,\r\n\r\nThank you!\r\nBest']] });
  });

  it('the plain RFC 6068 link for scripts reads back exactly', () => {
    for (const subject of HOSTILE) {
      const got = mailApp(mailtoLink('jane@example.org', subject, `${subject}\nend`));
      assert.deepStrictEqual(got.headers.map(([k]) => k), ['subject', 'body']);
      assert.strictEqual(got.headers[1][1], `${subject}\nend`.replace(/\r\n|\r|\n/g, '\r\n'));
      assert.ok(!/[\r\n]/.test(got.headers[0][1]));
    }
  });
});
