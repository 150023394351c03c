import { dateReplacement, type Replacement, type SourceLine } from './dateText';

/**
 * The dates among a YAML frontmatter block's values, at any depth: `met: 2026-10-12`,
 * `- due: "2026-11-30"`, `letter: {asked: 2026-09-01, agreed: 2026-09-03}`,
 * `dates: [2026-10-09, 2026-10-12]`. A date counts only when it is a whole scalar value
 * (plain or quoted); a date inside a longer text (`note: met on 2026-10-12`), in a block
 * scalar (`|`, `>`), a multi-line quoted string, a key, or behind a tag is never touched.
 * One pass over each line, no backtracking: linear in the block whatever its shape.
 */
export function frontmatterDateReplacements(lines: readonly SourceLine[], from: number, to: number, days: number): Replacement[] {
  const out: Replacement[] = [];
  const state: ScanState = { blockParentIndent: -1, flowDepth: 0, openQuote: '' };
  for (let i = from; i < to; i++) scanLine(lines[i], state, days, out);
  return out;
}

interface ScanState {
  /** Indentation of the line that opened a block scalar (`key: |`), or -1 outside one. */
  blockParentIndent: number;
  /** Depth of an unfinished flow collection (`[`, `{`) that continues on the next lines. */
  flowDepth: number;
  /** The quote of a quoted scalar that continues on the next lines, or ''. */
  openQuote: string;
}

function scanLine(line: SourceLine, state: ScanState, days: number, out: Replacement[]): void {
  const text = line.text;
  const indent = indentOf(text);
  if (state.blockParentIndent >= 0) {
    if (indent === text.length || indent > state.blockParentIndent) return; // block scalar content (or blank)
    state.blockParentIndent = -1;
  }
  if (state.openQuote !== '') {
    const close = closingQuote(text, 0, state.openQuote);
    if (close === -1) return;
    state.openQuote = '';
    if (state.flowDepth > 0) scanFlow(line, close + 1, state, days, out);
    return;
  }
  if (state.flowDepth > 0) {
    scanFlow(line, 0, state, days, out);
    return;
  }
  let pos = indent;
  // The column of the node that owns the value: a block scalar's content is indented deeper.
  let node = -1;
  // `- `, possibly repeated (`- - 2026-10-12`): a sequence entry.
  while (text[pos] === '-' && (pos + 1 === text.length || isBlank(text[pos + 1]))) {
    node = pos;
    pos = skipBlanks(text, pos + 1);
  }
  const afterKey = keyEnd(text, pos);
  if (afterKey !== -1) {
    node = pos;
    pos = skipBlanks(text, afterKey);
  }
  // A line without `- ` or `key:` continues a multi-line plain scalar: prose, never a date field.
  if (node === -1) return;
  if (text[pos] === '&') pos = skipBlanks(text, tokenEnd(text, pos)); // an anchor names the value, it is not the value
  scanValue(line, pos, node, state, days, out);
}

function scanValue(line: SourceLine, pos: number, node: number, state: ScanState, days: number, out: Replacement[]): void {
  const text = line.text;
  const c = text[pos];
  if (c === undefined || c === '#' || c === '*' || c === '!' || c === '?') return; // nothing, a comment, an alias, a tag
  if (c === '|' || c === '>') {
    state.blockParentIndent = node;
    return;
  }
  if (c === '[' || c === '{') {
    scanFlow(line, pos, state, days, out);
    return;
  }
  if (c === '"' || c === "'") {
    const close = closingQuote(text, pos + 1, c);
    if (close === -1) {
      state.openQuote = c;
      return;
    }
    if (!restIsComment(text, close + 1)) return;
    push(out, dateReplacement(text.slice(pos + 1, close), line.start + pos + 1, days));
    return;
  }
  const end = plainEnd(text, pos);
  push(out, dateReplacement(text.slice(pos, end), line.start + pos, days));
}

/**
 * Reads a flow collection from `pos` (or, with `state.flowDepth > 0`, its continuation from
 * the start of the line): each item, or each value of a `key: value` item, that is a date.
 */
function scanFlow(line: SourceLine, pos: number, state: ScanState, days: number, out: Replacement[]): void {
  const text = line.text;
  let itemStart = -1; // where the current item's (or value's) text starts; -1 while only blanks were seen
  const finishItem = (end: number) => {
    if (itemStart === -1) return;
    let s = itemStart;
    let e = end;
    while (s < e && isBlank(text[s])) s++;
    while (e > s && isBlank(text[e - 1])) e--;
    if (s < e && text[s] !== '"' && text[s] !== "'") push(out, dateReplacement(text.slice(s, e), line.start + s, days));
    itemStart = -1;
  };
  let i = pos;
  while (i < text.length) {
    const c = text[i];
    if (c === '[' || c === '{') {
      state.flowDepth++;
      itemStart = i + 1;
      i++;
    } else if (c === ']' || c === '}') {
      finishItem(i);
      state.flowDepth--;
      i++;
      if (state.flowDepth <= 0) {
        state.flowDepth = 0;
        return; // what follows a closed collection is a comment or nothing
      }
    } else if (c === ',') {
      finishItem(i);
      itemStart = i + 1;
      i++;
    } else if (c === '"' || c === "'") {
      const close = closingQuote(text, i + 1, c);
      if (close === -1) {
        state.openQuote = c;
        return;
      }
      const inner = text.slice(i + 1, close);
      // A quoted item is a date when the quotes hold the whole item.
      if ((itemStart === -1 || text.slice(itemStart, i).trim() === '') && flowItemEnds(text, close + 1)) {
        push(out, dateReplacement(inner, line.start + i + 1, days));
      }
      itemStart = -1;
      i = close + 1;
    } else if (c === '#' && (i === 0 || isBlank(text[i - 1]))) {
      finishItem(i);
      return;
    } else if (c === ':' && (i + 1 === text.length || isBlank(text[i + 1]) || text[i + 1] === ',' || text[i + 1] === '}' || text[i + 1] === ']')) {
      itemStart = i + 1; // a flow mapping's value starts after `key:`
      i++;
    } else {
      if (itemStart === -1 && !isBlank(c)) itemStart = i; // an item continued from the line before
      i++;
    }
  }
  finishItem(text.length);
}

/** After a quoted flow item: blanks, then `,`, `]`, `}`, a comment or the end of the line. */
function flowItemEnds(text: string, from: number): boolean {
  const i = skipBlanks(text, from);
  return i === text.length || text[i] === ',' || text[i] === ']' || text[i] === '}' || text[i] === '#';
}

/** After a `key:` at `pos`, the position following the colon; -1 when the line has no key there. */
function keyEnd(text: string, pos: number): number {
  const c = text[pos];
  if (c === undefined) return -1;
  if (c === '"' || c === "'") {
    const close = closingQuote(text, pos + 1, c);
    if (close === -1) return -1;
    const colon = skipBlanks(text, close + 1);
    return text[colon] === ':' && (colon + 1 === text.length || isBlank(text[colon + 1])) ? colon + 1 : -1;
  }
  if ('[{&*!|>%@`#?'.includes(c)) return -1;
  // A plain key ends at the first `: ` (or a `:` ending the line), before any comment.
  for (let i = pos; i < text.length; i++) {
    const ch = text[i];
    if (ch === '#' && i > pos && isBlank(text[i - 1])) return -1;
    if (ch === ':' && (i + 1 === text.length || isBlank(text[i + 1]))) return i + 1;
  }
  return -1;
}

/** Index of the quote closing a scalar opened before `from`, or -1 when it continues on the next line. */
function closingQuote(text: string, from: number, quote: string): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (quote === '"' && ch === '\\') {
      i++;
    } else if (ch === quote) {
      if (quote === "'" && text[i + 1] === "'") i++; // '' is an escaped quote
      else return i;
    }
  }
  return -1;
}

/** End of a plain scalar that starts at `pos`: before a ` #` comment and trailing blanks. */
function plainEnd(text: string, pos: number): number {
  let end = text.length;
  for (let i = pos + 1; i < text.length; i++) {
    if (text[i] === '#' && isBlank(text[i - 1])) {
      end = i;
      break;
    }
  }
  while (end > pos && isBlank(text[end - 1])) end--;
  return end;
}

function restIsComment(text: string, from: number): boolean {
  const i = skipBlanks(text, from);
  return i === text.length || text[i] === '#';
}

function tokenEnd(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && !isBlank(text[i])) i++;
  return i;
}

function indentOf(text: string): number {
  let i = 0;
  while (i < text.length && text[i] === ' ') i++;
  return i;
}

function skipBlanks(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && isBlank(text[i])) i++;
  return i;
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

function push(out: Replacement[], r: Replacement | null): void {
  if (r) out.push(r);
}
