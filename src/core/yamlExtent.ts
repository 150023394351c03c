/**
 * Where each top-level entry of a frontmatter block starts and ends, line by line, so an
 * edit can replace exactly one node. One pass, one character at a time (linear on any
 * input), following the YAML that notes use: plain, quoted and block scalars over several
 * lines, flow collections over several lines, nested block collections, comments. What it
 * cannot place for certain (tags, anchors, complex keys, a key it cannot read) makes the
 * whole block `unsure`, and the edit is refused: a guess here could cut a value in half.
 */
export interface YamlEntry {
  /** The key as written (quotes removed from a simply quoted key). */
  key: string;
  /** 0-based line of the key. */
  keyLine: number;
  /** Column just after the key's colon. */
  valueColumn: number;
  /** Last line holding the value's content (not a trailing comment or a blank line). */
  lastLine: number;
  /** Column of a `#` comment after a value that fits on the key line; -1 when none. */
  commentColumn: number;
}

export type YamlLayout = { ok: true; entries: YamlEntry[] } | { ok: false; reason: string; line: number };

interface State {
  quote: 0 | 34 | 39;
  /** Open flow brackets. */
  flow: number;
  /** Indent of the line that opened a block scalar, or -1. */
  blockIndent: number;
}

const SPACE = 32, HASH = 35, DQ = 34, SQ = 39, COLON = 58, DASH = 45, COMMA = 44, BACKSLASH = 92;
const LBRACKET = 91, RBRACKET = 93, LBRACE = 123, RBRACE = 125, PIPE = 124, GT = 62, TAB = 9;

interface LineScan {
  /** The line holds some of a value (not only blanks and a comment). */
  content: boolean;
  /** Column of a comment, or -1. */
  comment: number;
  /** Why the line cannot be placed; undefined when it can. */
  unsure?: string;
}

/** The layout of lines `from`..`to - 1` (the lines between the frontmatter delimiters). */
export function yamlLayout(lines: readonly string[], from: number, to: number): YamlLayout {
  const entries: YamlEntry[] = [];
  const state: State = { quote: 0, flow: 0, blockIndent: -1 };
  let current: YamlEntry | null = null;
  for (let i = from; i < to; i++) {
    const line = lines[i];
    let indent = 0;
    while (line.charCodeAt(indent) === SPACE) indent++;
    const blank = indent === line.length || (line.charCodeAt(indent) === TAB && line.trim() === '');
    if (state.blockIndent !== -1) {
      if (blank) continue;
      if (indent > state.blockIndent) {
        current!.lastLine = i;
        continue;
      }
      state.blockIndent = -1;
    }
    const open = state.quote !== 0 || state.flow > 0;
    if (!open && blank) continue;
    if (!open && indent === 0 && line.charCodeAt(0) !== HASH && !isItemStart(line, 0)) {
      // A new top-level key.
      const key = readKey(line);
      if (key === null) return { ok: false, reason: `line ${i + 1} is not a 'key: value' line Rapport can place`, line: i };
      current = { key: key.key, keyLine: i, valueColumn: key.valueStart, lastLine: i, commentColumn: -1 };
      entries.push(current);
      const scan = scanValue(line, key.valueStart, state, indent);
      if (scan.unsure) return { ok: false, reason: `line ${i + 1}: ${scan.unsure}`, line: i };
      current.commentColumn = scan.comment;
      continue;
    }
    if (current === null) {
      if (!open && line.charCodeAt(indent) === HASH) continue; // a comment before the first key
      return { ok: false, reason: `line ${i + 1} comes before any key`, line: i };
    }
    const scan = scanValue(line, open ? 0 : indent, state, indent);
    if (scan.unsure) return { ok: false, reason: `line ${i + 1}: ${scan.unsure}`, line: i };
    if (scan.content) {
      current.lastLine = i;
      current.commentColumn = -1;
    }
  }
  if (state.quote !== 0 || state.flow > 0) return { ok: false, reason: 'a quoted value or a [list] is not closed', line: to - 1 };
  return { ok: true, entries };
}

function isItemStart(line: string, at: number): boolean {
  return line.charCodeAt(at) === DASH && (at + 1 === line.length || line.charCodeAt(at + 1) === SPACE);
}

/** The key starting a top-level line and where its value starts; null when it is not a simple key. */
function readKey(line: string): { key: string; valueStart: number } | null {
  const first = line.charCodeAt(0);
  let end: number;
  let key: string;
  if (first === DQ || first === SQ) {
    const close = line.indexOf(String.fromCharCode(first), 1);
    if (close === -1) return null;
    key = line.slice(1, close);
    if (first === DQ && key.includes('\\')) return null;
    end = close + 1;
    while (line.charCodeAt(end) === SPACE) end++;
    if (line.charCodeAt(end) !== COLON) return null;
  } else {
    // Indicators that cannot start a simple key: flow, anchors, tags, complex keys, directives.
    if ('[]{}&*!|>%@`?,'.includes(line[0])) return null;
    end = -1;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === HASH && i > 0 && line.charCodeAt(i - 1) === SPACE) return null;
      if (c === COLON && (i + 1 === line.length || line.charCodeAt(i + 1) === SPACE)) {
        end = i;
        break;
      }
    }
    if (end <= 0) return null;
    key = line.slice(0, end).trimEnd();
  }
  if (line.charCodeAt(end + 1) !== SPACE && end + 1 !== line.length) return null;
  return { key, valueStart: end + 1 };
}

/**
 * Scans a line (or its part from `start`) of a value, updating the open quote, flow depth
 * and block scalar in `state`. `lineIndent` is the line's indentation (a block scalar's
 * content is the lines indented more than the line that opens it).
 */
function scanValue(line: string, start: number, state: State, lineIndent: number): LineScan {
  const out: LineScan = { content: false, comment: -1 };
  let tokenStart = true;
  let i = start;
  const n = line.length;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (state.quote !== 0) {
      out.content = true;
      if (state.quote === DQ && c === BACKSLASH) {
        i += 2;
        continue;
      }
      if (c === state.quote) {
        if (state.quote === SQ && line.charCodeAt(i + 1) === SQ) {
          i += 2;
          continue;
        }
        state.quote = 0;
        tokenStart = false;
      }
      i++;
      continue;
    }
    if (c === SPACE || c === TAB) {
      i++;
      continue;
    }
    if (c === HASH && (i === 0 || line.charCodeAt(i - 1) === SPACE || line.charCodeAt(i - 1) === TAB)) {
      out.comment = i;
      return out;
    }
    out.content = true;
    if (tokenStart) {
      if (c === DQ || c === SQ) {
        state.quote = c;
        i++;
        continue;
      }
      if (c === LBRACKET || c === LBRACE) {
        state.flow++;
        i++;
        continue;
      }
      if (c === 38 || c === 42 || c === 33) return { ...out, unsure: 'anchors, aliases and tags are not edited' };
      if (c === 63 && (i + 1 === n || line.charCodeAt(i + 1) === SPACE)) return { ...out, unsure: 'complex keys (?) are not edited' };
      if ((c === PIPE || c === GT) && state.flow === 0) {
        // A block scalar header: indicators, then nothing but a comment.
        let j = i + 1;
        while (j < n && /[0-9+-]/.test(line[j])) j++;
        while (line.charCodeAt(j) === SPACE) j++;
        if (j < n && line.charCodeAt(j) !== HASH) return { ...out, unsure: 'a block scalar header Rapport cannot read' };
        if (j < n) out.comment = j;
        state.blockIndent = lineIndent;
        return out;
      }
      if (isItemStart(line, i) && state.flow === 0) {
        i += 2;
        continue; // `- ` opens a sequence item; what follows starts a new token
      }
    }
    if (state.flow > 0) {
      if (c === RBRACKET || c === RBRACE) {
        state.flow--;
        tokenStart = false;
        i++;
        continue;
      }
      if (c === LBRACKET || c === LBRACE) {
        state.flow++;
        tokenStart = true;
        i++;
        continue;
      }
      if (c === COMMA || (c === COLON && (i + 1 === n || line.charCodeAt(i + 1) === SPACE || line.charCodeAt(i + 1) === COMMA))) {
        tokenStart = true;
        i++;
        continue;
      }
      tokenStart = false;
      i++;
      continue;
    }
    if (c === COLON && (i + 1 === n || line.charCodeAt(i + 1) === SPACE)) {
      tokenStart = true;
      i++;
      continue;
    }
    tokenStart = false;
    i++;
  }
  return out;
}
