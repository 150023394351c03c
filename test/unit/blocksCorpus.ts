/**
 * A generated corpus for the block scanner's differential test: documents of random
 * lines built from the pieces CommonMark's block rules turn on (container markers,
 * indentation with spaces and tabs, fences, HTML starts and ends, list markers,
 * setext underlines), from a seeded generator so every run tests the same documents.
 */
const PREFIXES = ['', '', '', ' ', '  ', '   ', '    ', '      ', '\t', ' \t', '> ', '>', '> > ', '- ', '* ', '+ ', '1. ', '2) ', '10. ', '-   ', '- > ', '> - ', '  - ', '    - ', '>     ', '-\t', '1.  ', '   > ', '> 1. '];
const BODIES = [
  '', '', 'text', 'more text', '[ ] task', '[x] done', '```', '```js', '``` `x`', '````', '~~~', '~~~ a`b', '```code```',
  '<!--', '<!-- note -->', '-->', 'end -->', '<div>', '</div>', '<a href="x">', '<span>', '<?php', '?>', '<!DOCTYPE html>',
  '<![CDATA[', ']]>', '<script>', '</script>', '<pre>', '# heading', '## Interactions', '===', '---', '- - -', '* * *',
  '- item', '1. one', '2. two', '1) paren', '    indented', '\tcode', '%%', '<https://x.y>', '> quote', '<Foo bar="1"/>',
];

/** Mulberry32: small, seeded, good enough to vary documents. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generatedDocuments(count: number, seed = 12): string[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const docs: string[] = [];
  for (let d = 0; d < count; d++) {
    const n = 3 + Math.floor(next() * 12);
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      const prefix = next() < 0.3 ? pick(PREFIXES) + pick(PREFIXES) : pick(PREFIXES);
      lines.push(prefix + pick(BODIES));
    }
    docs.push(lines.join('\n'));
  }
  return docs;
}
