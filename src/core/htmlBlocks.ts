/**
 * The seven kinds of CommonMark HTML block (spec 0.31.2, section 4.6): how each starts
 * and, for kinds 1–5, the text that ends it. Kinds 6 and 7 end at a blank line.
 * Every pattern is anchored at the `<` and linear: no quantified group can match the
 * same text two ways.
 */

const RAW = /^<(?:script|pre|textarea|style)(?:[ \t]|>|$)/i;
const BLOCK_NAMES = 'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt'
  + '|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem'
  + '|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const BLOCK_TAG = new RegExp(`^</?(?:${BLOCK_NAMES})(?:[ \\t]|/?>|$)`, 'i');
const ATTRIBUTE = '(?:[ \\t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \\t]*=[ \\t]*(?:[^"\'=<>`\\x00-\\x20]+|\'[^\']*\'|"[^"]*"))?)';
/** A complete open or closing tag alone on its line (kind 7). */
const LONE_TAG = new RegExp(`^(?:<[A-Za-z][A-Za-z0-9-]*${ATTRIBUTE}*[ \\t]*/?>|</[A-Za-z][A-Za-z0-9-]*[ \\t]*>)[ \\t]*$`);

/** Indexed by kind: what ends a block of kinds 1–5 (searched anywhere in a line). */
export const HTML_BLOCK_CLOSE: readonly RegExp[] = [
  /(?!)/,
  /<\/(?:script|pre|textarea|style)>/i,
  /-->/,
  /\?>/,
  />/,
  /\]\]>/,
];

/**
 * The kind (1–7) of HTML block starting at `from` (a `<`), or 0. Kind 7 cannot
 * interrupt a paragraph (`afterParagraph`).
 */
export function htmlBlockStart(line: string, from: number, afterParagraph: boolean): number {
  const rest = from === 0 ? line : line.slice(from);
  const c = rest.charCodeAt(1);
  if (c === 33 /* ! */) {
    if (rest.startsWith('<!--')) return 2;
    if (rest.startsWith('<![CDATA[')) return 5;
    const d = rest.charCodeAt(2);
    if ((d >= 65 && d <= 90) || (d >= 97 && d <= 122)) return 4;
    return 0;
  }
  if (c === 63 /* ? */) return 3;
  if (RAW.test(rest)) return 1;
  if (BLOCK_TAG.test(rest)) return 6;
  // A lone tag ends its line with `>`: checked first, so a long line that is no tag costs no regex.
  if (!afterParagraph && endsWithGt(rest) && LONE_TAG.test(rest)) return 7;
  return 0;
}

function endsWithGt(text: string): boolean {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return text.charCodeAt(end - 1) === 62;
}
