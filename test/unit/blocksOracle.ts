import { LineKind, scanBlocks } from '../../src/core/blocks';

/**
 * The differential oracle for the block scanner: remark (micromark, CommonMark
 * 0.31.2) on one side, `scanBlocks` on the other, compared on three questions per
 * non-blank line — is it in a code block, is it in an HTML block, does a list item
 * start on it. Blank lines are left out: a renderer shows nothing on them, and the
 * spec leaves whether trailing blank lines belong to a block to each tool.
 */
export interface LineClasses {
  code: Set<number>;
  html: Set<number>;
  items: Set<number>;
}

type Processor = { parse(text: string): MdNode };
interface MdNode {
  type: string;
  children?: MdNode[];
  position?: { start: { line: number }; end: { line: number; column: number } };
}

let processor: Processor | null = null;

/** remark-parse is ESM only: loaded once, on first use. */
export async function loadRemark(): Promise<void> {
  if (processor) return;
  const { unified } = await import('unified');
  const { default: remarkParse } = await import('remark-parse');
  processor = unified().use(remarkParse);
}

const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem']);

export function remarkClasses(text: string): LineClasses {
  if (!processor) throw new Error('call loadRemark() first');
  const out: LineClasses = { code: new Set(), html: new Set(), items: new Set() };
  const walk = (node: MdNode, parent: string) => {
    const pos = node.position;
    // A block left open by its container ends at column 1 of the next line: that line is not in it.
    const last = pos ? (pos.end.column === 1 && pos.end.line > pos.start.line ? pos.end.line - 1 : pos.end.line) : 0;
    if (pos && node.type === 'code') for (let l = pos.start.line; l <= last; l++) out.code.add(l - 1);
    if (pos && node.type === 'html' && BLOCK_PARENTS.has(parent)) for (let l = pos.start.line; l <= last; l++) out.html.add(l - 1);
    if (pos && node.type === 'listItem') out.items.add(pos.start.line - 1);
    for (const child of node.children ?? []) walk(child, node.type);
  };
  walk(processor.parse(text), '');
  return out;
}

export function scannerClasses(text: string): LineClasses {
  const lines = text.split('\n');
  const map = scanBlocks(lines);
  const out: LineClasses = { code: new Set(), html: new Set(), items: new Set() };
  for (let i = 0; i < lines.length; i++) {
    const k = map.kind[i];
    if (k === LineKind.FencedCode || k === LineKind.IndentedCode) out.code.add(i);
    if (k === LineKind.Html || k === LineKind.HtmlComment) out.html.add(i);
    if (map.itemDepth[i] > 0) out.items.add(i);
  }
  return out;
}

/** Blank, or only blockquote markers: nothing a renderer shows on the line. */
export const NO_CONTENT = /^[ \t>]*$/;

export interface Disagreement {
  line: number;
  category: keyof LineClasses;
  remark: boolean;
  scanner: boolean;
}

/** The lines (non-blank) on which the two disagree, per category. */
export function compareClasses(text: string): { lines: number; disagreements: Disagreement[] } {
  const lines = text.split('\n');
  const a = remarkClasses(text);
  const b = scannerClasses(text);
  const disagreements: Disagreement[] = [];
  let counted = 0;
  for (let i = 0; i < lines.length; i++) {
    if (NO_CONTENT.test(lines[i])) continue;
    counted++;
    for (const category of ['code', 'html', 'items'] as const) {
      const r = a[category].has(i);
      const s = b[category].has(i);
      if (r !== s) disagreements.push({ line: i, category, remark: r, scanner: s });
    }
  }
  return { lines: counted, disagreements };
}

interface MdItToken { type: string; map: [number, number] | null }
// eslint-disable-next-line @typescript-eslint/no-require-imports -- markdown-it is CommonJS
const MarkdownIt = require('markdown-it') as new (preset: string) => { parse(src: string, env: object): MdItToken[] };
const markdownIt = new MarkdownIt('commonmark');

/** The same classes from markdown-it (CommonMark preset): a second opinion where remark is alone. */
export function markdownItClasses(text: string): LineClasses {
  const out: LineClasses = { code: new Set(), html: new Set(), items: new Set() };
  for (const token of markdownIt.parse(text, {})) {
    if (!token.map) continue;
    const [start, end] = token.map;
    if (token.type === 'code_block' || token.type === 'fence') for (let l = start; l < end; l++) out.code.add(l);
    if (token.type === 'html_block') for (let l = start; l < end; l++) out.html.add(l);
    if (token.type === 'list_item_open') out.items.add(start);
  }
  return out;
}
