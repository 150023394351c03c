import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * Larger input is returned as it is. A long email is 3 KB; the markdown parser has
 * inputs whose cost grows with the square of their length (runs of `*` and `_`), so
 * the bound is far below the template size limit.
 */
export const MAX_PLAIN_TEXT_CHARS = 16 * 1024;
/** At most this many of each kind of markdown punctuation, and no run longer than MAX_RUN: see `tooIntricate`. */
const MAX_PUNCTUATION = 512;
/** Setext headings and long runs of paragraphs cost the parser more than linear time per line. */
const MAX_LINES = 200;
/** Indentation deeper than this is list nesting no email has, and slow to resolve. */
const MAX_INDENT = 24;
const MAX_RUN = 32;
/** Containers nested deeper than this are flattened: their text is kept, their indentation is not. */
export const MAX_PLAIN_TEXT_DEPTH = 32;

const parser = unified().use(remarkParse).freeze();

/**
 * Turns a template body's light markdown into text an email client shows as intended:
 * emphasis markers dropped, lists kept as `-` / `1.` lines, links as `text (url)`,
 * HTML comments (notes to the student) removed. Line breaks are kept as written —
 * "Sincerely,\nName" must not become one line.
 */
export function renderPlainText(markdown: string): string {
  if (markdown.length > MAX_PLAIN_TEXT_CHARS || tooIntricate(markdown)) return markdown;
  let tree: Root;
  try {
    tree = parser.parse(markdown);
  } catch {
    return markdown;
  }
  return new PlainTextWriter().write(tree);
}

const PUNCTUATION_CLASSES = ['*_', '[]', '`', '<', '>', '\\', '!', '~'];

/**
 * True for text no email is made of but the parser is slow on: hundreds of emphasis
 * marks, brackets or backticks, a run of dozens of one of them, hundreds of lines, or
 * deep indentation. Measured on micromark 4: 16 K of `*` takes minutes and 4,000 setext
 * headings seconds, while anything this lets through renders in well under 150 ms.
 * Such text is returned unrendered rather than stall the editor's thread.
 */
export function tooIntricate(text: string): boolean {
  const counts = new Array<number>(PUNCTUATION_CLASSES.length).fill(0);
  let lines = 1;
  let run = 0;
  let prev = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      if (++lines > MAX_LINES) return true;
      let indent = 0;
      while (i + 1 + indent < text.length && (text[i + 1 + indent] === ' ' || text[i + 1 + indent] === '\t')) indent++;
      if (indent > MAX_INDENT) return true;
    }
    const k = PUNCTUATION_CLASSES.findIndex((cls) => cls.includes(c));
    if (k === -1) {
      run = 0;
      prev = '';
      continue;
    }
    if (++counts[k] > MAX_PUNCTUATION) return true;
    run = c === prev || (k === 0 && PUNCTUATION_CLASSES[0].includes(prev)) ? run + 1 : 1;
    prev = c;
    if (run > MAX_RUN) return true;
  }
  return false;
}

interface Prefix {
  first: string;
  rest: string;
  used: boolean;
}

interface Frame {
  node: Nodes;
  parent: Nodes | null;
  index: number;
  depth: number;
  exit: boolean;
}

const BLOCKS = new Set(['paragraph', 'heading', 'code', 'thematicBreak', 'list', 'listItem', 'blockquote', 'table', 'html']);
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem']);

class PlainTextWriter {
  private readonly lines: string[] = [];
  private line: string | null = null;
  private readonly prefixes: Prefix[] = [];
  /** The blank line owed before the next text, with the prefixes in force when it was owed. */
  private pendingBlank: string | null = null;

  write(tree: Root): string {
    // An explicit stack instead of recursion: a hostile template nested 10,000 deep cannot overflow it.
    const stack: Frame[] = [{ node: tree, parent: null, index: 0, depth: 0, exit: false }];
    while (stack.length > 0) {
      const frame = stack.pop()!;
      if (frame.exit) this.leave(frame.node);
      else this.enter(frame, stack);
    }
    this.endLine();
    return this.lines.map((l) => l.trimEnd()).join('\n').replace(/^\n+|\n+$/g, '');
  }

  private enter(frame: Frame, stack: Frame[]): void {
    const { node, depth } = frame;
    const flat = depth > MAX_PLAIN_TEXT_DEPTH;
    const block = !flat && BLOCKS.has(node.type) && (node.type !== 'html' || FLOW_PARENTS.has(frame.parent?.type ?? 'root'));
    if (block) {
      this.endLine();
      if (frame.index > 0 && !isTight(frame.parent)) this.pendingBlank = this.prefixes.map((p) => p.rest).join('').trimEnd();
    }
    const pushChildren = () => {
      if (!('children' in node)) return;
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) {
        stack.push({ node: children[i], parent: node, index: i, depth: depth + 1, exit: false });
      }
    };
    const pushExit = () => stack.push({ ...frame, exit: true });

    switch (node.type) {
      case 'text':
      case 'inlineCode':
        this.text(node.value);
        return;
      case 'code':
        this.text(node.value);
        this.endLine();
        return;
      case 'html':
        if (!/^<!--/.test(node.value.trim())) this.text(node.value);
        if (block) this.endLine();
        return;
      case 'break':
        this.newline();
        return;
      case 'thematicBreak':
        this.text('----');
        this.endLine();
        return;
      case 'image':
        this.text(node.alt ?? '');
        return;
      case 'imageReference':
        this.text(node.alt ?? '');
        return;
      case 'definition':
        return;
      default:
    }
    if (flat) {
      pushChildren();
      return;
    }
    if (node.type === 'listItem') {
      const list = frame.parent?.type === 'list' ? frame.parent : null;
      const marker = list?.ordered ? `${(list.start ?? 1) + frame.index}. ` : '- ';
      this.prefixes.push({ first: marker, rest: ' '.repeat(marker.length), used: false });
    } else if (node.type === 'blockquote') {
      this.prefixes.push({ first: '> ', rest: '> ', used: false });
    }
    pushExit();
    pushChildren();
  }

  private leave(node: Nodes): void {
    if (node.type === 'listItem' || node.type === 'blockquote') {
      this.endLine();
      this.prefixes.pop();
    } else if (node.type === 'link') {
      const url = node.url.trim();
      const label = textOf(node).trim();
      if (url !== '' && url !== label && url.replace(/^mailto:/i, '') !== label) this.text(` (${url})`);
    } else if (BLOCKS.has(node.type)) {
      this.endLine();
    }
  }

  private text(value: string): void {
    const parts = value.split('\n');
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) this.newline();
      if (parts[i] !== '') this.append(parts[i]);
    }
  }

  private append(text: string): void {
    if (this.line === null) this.open();
    this.line += text;
  }

  private open(): void {
    if (this.pendingBlank !== null && this.lines.length > 0) this.lines.push(this.pendingBlank);
    this.pendingBlank = null;
    let prefix = '';
    for (const p of this.prefixes) {
      prefix += p.used ? p.rest : p.first;
      p.used = true;
    }
    this.line = prefix;
  }

  private newline(): void {
    if (this.line === null) this.open();
    this.lines.push(this.line!);
    this.line = null;
  }

  private endLine(): void {
    if (this.line !== null) {
      this.lines.push(this.line);
      this.line = null;
    }
  }
}

function isTight(parent: Nodes | null): boolean {
  if (parent?.type === 'list' || parent?.type === 'listItem') return parent.spread !== true;
  return false;
}

/** The visible text of an inline node, walked without recursion and bounded in size. */
function textOf(node: Nodes): string {
  let out = '';
  const stack: Nodes[] = [node];
  while (stack.length > 0 && out.length < 4096) {
    const n = stack.pop()!;
    if (n.type === 'text' || n.type === 'inlineCode') out += n.value;
    else if (n.type === 'image' || n.type === 'imageReference') out += n.alt ?? '';
    else if ('children' in n) {
      const children = n.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return out;
}
