import { HTML_BLOCK_CLOSE, htmlBlockStart } from './htmlBlocks';

/**
 * CommonMark's block structure, as much of it as Rapport needs: for every line, which
 * kind of block it belongs to (fenced or indented code, an HTML block, a paragraph, a
 * heading...) and whether a list item starts on it, inside whatever blockquotes and
 * list items contain it. It follows the spec's two-phase line algorithm (continue the
 * open containers, then look for new block starts, then lazy continuation), keeping
 * only a stack of open containers and the current leaf: no tree, no inline parsing.
 *
 * Linear in the text: each line costs its length plus the open containers it walks,
 * and containers nest at most MAX_DEPTH deep (deeper markers are read as text: a
 * deliberate difference from the spec, which sets no limit, so that a line of 100,000
 * `- ` cannot make every later blank line walk 100,000 containers).
 *
 * Verified against remark (micromark) on every example of the CommonMark spec and on a
 * generated corpus: see test/unit/blocks-oracle.test.ts.
 */

export const LineKind = {
  Blank: 0,
  /** A paragraph line (also a lazy continuation line). */
  Paragraph: 1,
  /** An ATX heading (`## Log`). */
  Heading: 2,
  /** A setext heading's underline (`===` or `---` under a paragraph). */
  SetextUnderline: 3,
  ThematicBreak: 4,
  /** Inside a fenced code block, its fences included. */
  FencedCode: 5,
  IndentedCode: 6,
  /** Inside an HTML block of kind 1 or 3–7. */
  Html: 7,
  /** Inside an HTML block that is a comment (`<!-- ... -->`, kind 2). */
  HtmlComment: 8,
  /** Inside an Obsidian comment (`%% ... %%`); only when asked for. */
  ObsidianComment: 9,
  /** A line holding only container markers (`>`), or a list item with nothing after its marker. */
  Empty: 10,
  /** A text line of a setext heading (the line(s) above `===` or `---`). */
  SetextHeading: 11,
} as const;
export type LineKind = (typeof LineKind)[keyof typeof LineKind];

export interface BlockMap {
  /** One `LineKind` per line. */
  kind: Uint8Array;
  /** Where the line's leaf content starts (after `>` markers, list markers and their padding). */
  offset: Int32Array;
  /** For a line that starts a list item: how many list items contain it, itself included (1 = not nested). 0 otherwise. */
  itemDepth: Uint8Array;
  /** 1 for a line that starts an ordered list item (`1.`, `1)`). */
  ordered: Uint8Array;
  /** For a paragraph line: 1 when it is inside a list item (a lazy line counts as its paragraph's). */
  inItem: Uint8Array;
  /** For heading lines: the level (setext: 1 for `=`, 2 for `-`); 0 otherwise. */
  headingLevel: Uint8Array;
}

export interface BlockOptions {
  /** Read Obsidian's `%% ... %%` comments (not CommonMark; off for the oracle comparison). */
  obsidianComments?: boolean;
}

/** Containers deeper than this are read as text (see above). */
export const MAX_DEPTH = 100;

const C = {
  Tab: 9, Space: 32, Bang: 33, Hash: 35, Percent: 37, Rparen: 41, Star: 42, Plus: 43, Dash: 45, Dot: 46,
  Zero: 48, Nine: 57, Lt: 60, Eq: 61, Gt: 62, Underscore: 95, Backtick: 96, Tilde: 126,
} as const;
type C = (typeof C)[keyof typeof C];

interface Quote { quote: true }
interface Item {
  quote: false;
  /** Columns of indentation a line needs to continue this item. */
  width: number;
  /** True once the item holds a block: an item that starts blank ends at its next blank line. */
  hasChild: boolean;
  /** The list it belongs to, for "same list" checks: bullet char or ordered delimiter. */
  marker: number;
  ordered: boolean;
}
type Container = Quote | Item;

const Leaf = { None: 0, Paragraph: 1, Fenced: 2, Indented: 3, Html: 4, Heading: 5 } as const;
type Leaf = (typeof Leaf)[keyof typeof Leaf];

interface LineState {
  line: string;
  offset: number;
  column: number;
  nextNonspace: number;
  nextNonspaceColumn: number;
  indent: number;
  blank: boolean;
  partiallyConsumedTab: boolean;
  /** Where the whitespace run ending at `nextNonspace` was measured from (-1: not yet on this line). */
  runStart: number;
}

function isBlankLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!isSpaceOrTab(line.charCodeAt(i))) return false;
  return true;
}

function isSpaceOrTab(c: number): boolean {
  return c === C.Space || c === C.Tab;
}

function findNextNonspace(s: LineState): void {
  // Still inside the whitespace run measured before (a container consumed part of it):
  // the next non-space is where it was, so nested items do not rescan their indentation.
  if (s.offset <= s.nextNonspace && s.offset >= s.runStart) {
    s.indent = s.nextNonspaceColumn - s.column;
    return;
  }
  const line = s.line;
  let i = s.offset;
  let cols = s.column;
  let c = line.charCodeAt(i);
  while (c === C.Space || c === C.Tab) {
    cols += c === C.Space ? 1 : 4 - (cols % 4);
    c = line.charCodeAt(++i);
  }
  s.runStart = s.offset;
  s.blank = i >= line.length;
  s.nextNonspace = i;
  s.nextNonspaceColumn = cols;
  s.indent = cols - s.column;
}

function advanceNextNonspace(s: LineState): void {
  s.offset = s.nextNonspace;
  s.column = s.nextNonspaceColumn;
  s.partiallyConsumedTab = false;
}

/** Moves `count` characters, or `count` columns when `columns` (a tab may be consumed in part). */
function advanceOffset(s: LineState, count: number, columns: boolean): void {
  const line = s.line;
  while (count > 0 && s.offset < line.length) {
    if (line.charCodeAt(s.offset) === C.Tab) {
      const toTab = 4 - (s.column % 4);
      if (columns) {
        s.partiallyConsumedTab = toTab > count;
        const step = toTab > count ? count : toTab;
        s.column += step;
        if (!s.partiallyConsumedTab) s.offset++;
        count -= step;
      } else {
        s.partiallyConsumedTab = false;
        s.column += toTab;
        s.offset++;
        count--;
      }
    } else {
      s.partiallyConsumedTab = false;
      s.offset++;
      s.column++;
      count--;
    }
  }
}

/** `^(?:`{3,}|~{3,})[ \t]*$` at `from`: the fence's length, or 0. */
function closingFence(line: string, from: number, char: number): number {
  let i = from;
  while (line.charCodeAt(i) === char) i++;
  const n = i - from;
  if (n < 3) return 0;
  while (isSpaceOrTab(line.charCodeAt(i))) i++;
  return i === line.length ? n : 0;
}

/** An opening fence at `from`: its length, or 0. A backtick fence's info string may not contain a backtick. */
function openingFence(line: string, from: number): number {
  const char = line.charCodeAt(from);
  if (char !== C.Backtick && char !== C.Tilde) return 0;
  let i = from;
  while (line.charCodeAt(i) === char) i++;
  const n = i - from;
  if (n < 3) return 0;
  if (char === C.Backtick && line.indexOf('`', i) !== -1) return 0;
  return n;
}

/** Where the last thematic-break test found a character that spoils it, and which marker it tested. */
const spoiled = { line: '', char: 0, at: -1 };

/**
 * `^(?:\*[ \t]*){3,}$` and the same with `_` or `-`, at `from`. `- - - - x` is tested
 * at each of its items: the spoiling `x` found once answers every later test of the line.
 */
function isThematicBreak(line: string, from: number): boolean {
  const char = line.charCodeAt(from);
  if (char !== C.Star && char !== C.Underscore && char !== C.Dash) return false;
  if (spoiled.line === line && spoiled.char === char && from < spoiled.at) return false;
  let n = 0;
  for (let i = from; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === char) n++;
    else if (!isSpaceOrTab(c)) {
      spoiled.line = line;
      spoiled.char = char;
      spoiled.at = i;
      return false;
    }
  }
  return n >= 3;
}

/** `^(?:=+|-+)[ \t]*$` at `from`: 1 for `=`, 2 for `-`, 0 otherwise. */
function setextLevel(line: string, from: number): number {
  const char = line.charCodeAt(from);
  if (char !== C.Eq && char !== C.Dash) return 0;
  let i = from;
  while (line.charCodeAt(i) === char) i++;
  while (isSpaceOrTab(line.charCodeAt(i))) i++;
  return i === line.length ? (char === C.Eq ? 1 : 2) : 0;
}

/** `^#{1,6}(?:[ \t]+|$)` at `from`: the level, or 0. */
function atxLevel(line: string, from: number): number {
  let i = from;
  while (line.charCodeAt(i) === C.Hash) i++;
  const n = i - from;
  if (n === 0 || n > 6) return 0;
  return i === line.length || isSpaceOrTab(line.charCodeAt(i)) ? n : 0;
}

interface Marker { ordered: boolean; marker: number; length: number; start: number }

/** A list marker at the line's next non-space: `-`, `+`, `*`, or 1–9 digits then `.` or `)`, followed by a space, a tab or the end. */
function listMarker(s: LineState, interruptsParagraph: boolean): Marker | null {
  const line = s.line;
  const at = s.nextNonspace;
  const c = line.charCodeAt(at);
  let m: Marker;
  if (c === C.Dash || c === C.Plus || c === C.Star) {
    m = { ordered: false, marker: c, length: 1, start: 0 };
  } else if (c >= C.Zero && c <= C.Nine) {
    let i = at;
    let value = 0;
    while (i - at < 10 && line.charCodeAt(i) >= C.Zero && line.charCodeAt(i) <= C.Nine) value = value * 10 + line.charCodeAt(i++) - C.Zero;
    const d = line.charCodeAt(i);
    if (i - at > 9 || (d !== C.Dot && d !== C.Rparen)) return null;
    // Only an ordered list starting at 1 may interrupt a paragraph.
    if (interruptsParagraph && value !== 1) return null;
    m = { ordered: true, marker: d, length: i - at + 1, start: value };
  } else {
    return null;
  }
  const next = at + m.length;
  if (next < line.length && !isSpaceOrTab(line.charCodeAt(next))) return null;
  if (interruptsParagraph) {
    // An item that interrupts a paragraph must not start blank.
    let i = next;
    while (isSpaceOrTab(line.charCodeAt(i))) i++;
    if (i === line.length) return null;
  }
  return m;
}

/**
 * The line-by-line block scan, from line `from` (the first body line) on.
 */
export function scanBlocks(lines: readonly string[], from = 0, options: BlockOptions = {}): BlockMap {
  const n = lines.length;
  const map: BlockMap = {
    kind: new Uint8Array(n), offset: new Int32Array(n), itemDepth: new Uint8Array(n), ordered: new Uint8Array(n),
    inItem: new Uint8Array(n), headingLevel: new Uint8Array(n),
  };
  const stack: Container[] = [];
  /** The open leaf block: always the last child of the innermost open container (`stack`). */
  let leaf: Leaf = Leaf.None;
  let fenceChar = 0;
  let fenceLength = 0;
  let fenceOffset = 0;
  let htmlKind = 0;
  /** First line of the open paragraph, for setext headings. */
  let paragraphStart = -1;
  let paragraphInItem = 0;
  const s: LineState = { line: '', offset: 0, column: 0, nextNonspace: 0, nextNonspaceColumn: 0, indent: 0, blank: false, partiallyConsumedTab: false, runStart: -1 };

  for (let ln = from; ln < n; ln++) {
    const line = lines[ln];
    s.line = line;
    s.offset = 0;
    s.column = 0;
    s.partiallyConsumedTab = false;
    s.runStart = -1;
    s.nextNonspace = -1;

    // 1. Which open containers does this line continue?
    let matched = 0;
    for (; matched < stack.length; matched++) {
      const c = stack[matched];
      findNextNonspace(s);
      if (c.quote) {
        if (s.indent <= 3 && line.charCodeAt(s.nextNonspace) === C.Gt) {
          advanceNextNonspace(s);
          advanceOffset(s, 1, false);
          if (isSpaceOrTab(line.charCodeAt(s.offset))) advanceOffset(s, 1, true);
          continue;
        }
        break;
      }
      if (s.blank) {
        if (!c.hasChild) break;
        advanceNextNonspace(s);
        continue;
      }
      if (s.indent >= c.width) {
        advanceOffset(s, c.width, true);
        continue;
      }
      break;
    }
    const allMatched = matched === stack.length;
    // The leaf continues only when every container holding it did.
    if (allMatched && leaf !== Leaf.None) {
      findNextNonspace(s);
      if (leaf === Leaf.Fenced) {
        if (s.indent <= 3 && line.charCodeAt(s.nextNonspace) === fenceChar && closingFence(line, s.nextNonspace, fenceChar) >= fenceLength) {
          map.kind[ln] = LineKind.FencedCode;
          map.offset[ln] = s.nextNonspace;
          leaf = Leaf.None;
          continue;
        }
        for (let k = fenceOffset; k > 0 && isSpaceOrTab(line.charCodeAt(s.offset)); k--) advanceOffset(s, 1, true);
        addToLeaf(ln);
        continue;
      }
      if (leaf === Leaf.Indented) {
        if (s.indent >= 4 || s.blank) {
          if (s.indent >= 4) advanceOffset(s, 4, true);
          else advanceNextNonspace(s);
          addToLeaf(ln);
          continue;
        }
        leaf = Leaf.None;
      } else if (leaf === Leaf.Html) {
        if (!(s.blank && (htmlKind === 6 || htmlKind === 7))) {
          addToLeaf(ln);
          continue;
        }
        leaf = Leaf.None;
      } else if (leaf === Leaf.Heading || (leaf === Leaf.Paragraph && s.blank)) {
        leaf = Leaf.None;
      }
    }

    // 2. New block starts, after the matched containers.
    let depth = matched;
    let itemLineDepth = 0;
    let isOrdered = false;
    let leafStarted = false;
    let containerStarted = false;
    for (;;) {
      findNextNonspace(s);
      if (s.blank) break;
      const c = line.charCodeAt(s.nextNonspace);
      const indented = s.indent >= 4;
      /** The open paragraph is this line's container's last child: a new block may interrupt it. */
      const paragraphTip = leaf === Leaf.Paragraph && allMatched && depth === stack.length;
      if (!indented) {
        if (c === C.Gt && depth < MAX_DEPTH) {
          startBlock(depth);
          advanceNextNonspace(s);
          advanceOffset(s, 1, false);
          if (isSpaceOrTab(line.charCodeAt(s.offset))) advanceOffset(s, 1, true);
          stack.push({ quote: true });
          depth++;
          containerStarted = true;
          continue;
        }
        const level = c === C.Hash ? atxLevel(line, s.nextNonspace) : 0;
        if (level > 0) {
          startBlock(depth);
          map.kind[ln] = LineKind.Heading;
          map.headingLevel[ln] = level;
          map.offset[ln] = s.nextNonspace;
          leaf = Leaf.Heading;
          leafStarted = true;
          break;
        }
        const fence = openingFence(line, s.nextNonspace);
        if (fence > 0) {
          startBlock(depth);
          map.kind[ln] = LineKind.FencedCode;
          map.offset[ln] = s.nextNonspace;
          leaf = Leaf.Fenced;
          fenceChar = c;
          fenceLength = fence;
          fenceOffset = s.indent;
          leafStarted = true;
          break;
        }
        if (c === C.Lt) {
          const kind = htmlBlockStart(line, s.nextNonspace, leaf === Leaf.Paragraph);
          if (kind > 0) {
            startBlock(depth);
            leaf = Leaf.Html;
            htmlKind = kind;
            addToLeaf(ln);
            leafStarted = true;
            break;
          }
        }
        const setext = paragraphTip ? setextLevel(line, s.nextNonspace) : 0;
        if (setext > 0) {
          map.kind[ln] = LineKind.SetextUnderline;
          map.offset[ln] = s.nextNonspace;
          for (let k = paragraphStart; k < ln; k++) {
            if (map.kind[k] === LineKind.Paragraph) {
              map.kind[k] = LineKind.SetextHeading;
              map.headingLevel[k] = setext;
            }
          }
          leaf = Leaf.None;
          leafStarted = true;
          break;
        }
        if (isThematicBreak(line, s.nextNonspace)) {
          startBlock(depth);
          map.kind[ln] = LineKind.ThematicBreak;
          map.offset[ln] = s.nextNonspace;
          leafStarted = true;
          break;
        }
        const m = depth < MAX_DEPTH ? listMarker(s, paragraphTip) : null;
        if (m) {
          startBlock(depth);
          advanceNextNonspace(s);
          advanceOffset(s, m.length, true);
          const startCol = s.column;
          const startOffset = s.offset;
          do {
            advanceOffset(s, 1, true);
          } while (s.column - startCol < 5 && isSpaceOrTab(line.charCodeAt(s.offset)));
          const spaces = s.column - startCol;
          let width: number;
          if (spaces >= 5 || spaces < 1 || s.offset >= line.length) {
            width = s.indent + m.length + 1;
            s.column = startCol;
            s.offset = startOffset;
            if (isSpaceOrTab(line.charCodeAt(s.offset))) advanceOffset(s, 1, true);
          } else {
            width = s.indent + m.length + spaces;
          }
          stack.push({ quote: false, width, hasChild: false, marker: m.marker, ordered: m.ordered });
          depth++;
          itemLineDepth = itemCount(depth);
          isOrdered = m.ordered;
          containerStarted = true;
          continue;
        }
      } else if (leaf !== Leaf.Paragraph) {
        // Indented code, which cannot interrupt a paragraph (nor a lazy one).
        startBlock(depth);
        advanceOffset(s, 4, true);
        map.kind[ln] = LineKind.IndentedCode;
        map.offset[ln] = s.offset;
        leaf = Leaf.Indented;
        leafStarted = true;
      }
      break;
    }
    if (itemLineDepth > 0) {
      map.itemDepth[ln] = itemLineDepth;
      map.ordered[ln] = isOrdered ? 1 : 0;
    }
    if (leafStarted) continue;

    // 3. What remains is text: a lazy continuation, a paragraph line, or nothing.
    findNextNonspace(s);
    if (!containerStarted && !allMatched && !s.blank && leaf === Leaf.Paragraph) {
      map.kind[ln] = LineKind.Paragraph;
      map.offset[ln] = s.nextNonspace;
      map.inItem[ln] = paragraphInItem;
      continue;
    }
    closeUnmatched(depth);
    map.offset[ln] = s.nextNonspace;
    if (s.blank) {
      map.kind[ln] = isBlankLine(line) ? LineKind.Blank : LineKind.Empty;
      if (leaf === Leaf.Paragraph) leaf = Leaf.None;
      continue;
    }
    if (leaf !== Leaf.Paragraph) {
      startBlock(depth);
      leaf = Leaf.Paragraph;
      paragraphStart = ln;
      paragraphInItem = itemCount(depth) > 0 ? 1 : 0;
    }
    map.kind[ln] = LineKind.Paragraph;
    map.inItem[ln] = paragraphInItem;
  }
  if (options.obsidianComments) markObsidianComments(lines, from, map);
  return map;

  /** Closes the containers from `depth` on (this line did not continue them), and the leaf if it was in one. */
  function closeUnmatched(depth: number): void {
    if (stack.length > depth) {
      stack.length = depth;
      leaf = Leaf.None;
    }
  }

  /** A new block as the last child of the container at `depth`: the unmatched close, and so does the open leaf. */
  function startBlock(depth: number): void {
    closeUnmatched(depth);
    leaf = Leaf.None;
    const c = stack[depth - 1];
    if (c && !c.quote) c.hasChild = true;
  }

  function itemCount(depth: number): number {
    let k = 0;
    for (let i = 0; i < depth; i++) if (!stack[i].quote) k++;
    return k;
  }

  function addToLeaf(ln: number): void {
    map.offset[ln] = s.offset;
    if (leaf === Leaf.Fenced) map.kind[ln] = LineKind.FencedCode;
    else if (leaf === Leaf.Indented) map.kind[ln] = LineKind.IndentedCode;
    else {
      map.kind[ln] = htmlKind === 2 ? LineKind.HtmlComment : LineKind.Html;
      if (htmlKind <= 5 && HTML_BLOCK_CLOSE[htmlKind].test(s.line.slice(s.offset))) leaf = Leaf.None;
    }
  }
}

/**
 * Obsidian's `%% ... %%` comments, over the lines that are not code or HTML: a line
 * that starts inside a comment, or whose content starts with `%%`, is a comment line.
 */
function markObsidianComments(lines: readonly string[], from: number, map: BlockMap): void {
  let open = false;
  for (let ln = from; ln < lines.length; ln++) {
    const kind = map.kind[ln];
    if (kind === LineKind.FencedCode || kind === LineKind.IndentedCode || kind === LineKind.Html || kind === LineKind.HtmlComment) continue;
    const line = lines[ln];
    let at = line.indexOf('%%', map.offset[ln]);
    const startsComment = open || (at !== -1 && at === map.offset[ln]);
    while (at !== -1) {
      open = !open;
      at = line.indexOf('%%', at + 2);
    }
    if (startsComment) {
      map.kind[ln] = LineKind.ObsidianComment;
      map.itemDepth[ln] = 0;
    }
  }
}

/** True for lines whose text a renderer does not show as markdown: code, HTML blocks, comments. */
export function isOpaque(kind: number): boolean {
  return kind >= LineKind.FencedCode && kind <= LineKind.ObsidianComment;
}
