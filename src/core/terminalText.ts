/**
 * Text for a terminal. A vault's names, paths and messages may hold control characters:
 * an ESC could clear the screen, set the window title or plant a link (OSC 8), a CR
 * overwrite what a line said, a bidi override reverse it. Each becomes a visible escape
 * (`\u001b`, `\u202e`) that stays valid inside JSON strings, so the same filter serves
 * text and `--format json`. Line feeds (and a CR in a CRLF, as an .ics uses) are kept.
 */
// C0 but LF, DEL, C1, the line/paragraph separators, and the bidi controls (ALM, LRM, RLM, LRE..RLO, LRI..PDI).
// eslint-disable-next-line no-control-regex
const UNSAFE = /\r(?!\n)|[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function visibleText(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `visibleText` on one line (a name, a path): a line break in it is shown, not printed. */
export function visibleLine(text: string): string {
  return visibleText(text).replace(/\r?\n/g, (nl) => (nl === '\n' ? '\\n' : '\\r\\n'));
}
