import * as assert from 'assert';
import { MAX_PLAIN_TEXT_CHARS, MAX_PLAIN_TEXT_DEPTH, renderPlainText } from '../../src/core/templates/plainText';

describe('plain-text rendering of template markdown', () => {
  it('drops emphasis, keeps lists, numbers and line breaks as written', () => {
    const md = [
      'Dear **Dr. Smith**,',
      'It was a _pleasure_ and `fun`.',
      '',
      '- one',
      '- two',
      '  - nested',
      '',
      '3. three',
      '4. four',
      '',
      'Sincerely,',
      'Alex',
    ].join('\n');
    assert.strictEqual(renderPlainText(md), [
      'Dear Dr. Smith,',
      'It was a pleasure and fun.',
      '',
      '- one',
      '- two',
      '  - nested',
      '',
      '3. three',
      '4. four',
      '',
      'Sincerely,',
      'Alex',
    ].join('\n'));
  });

  it('writes links as text (url), once when text and url agree, and keeps image alt text', () => {
    assert.strictEqual(renderPlainText('See [the study](https://doi.org/x).'), 'See the study (https://doi.org/x).');
    assert.strictEqual(renderPlainText('<https://example.org>'), 'https://example.org');
    assert.strictEqual(renderPlainText('[a@b.org](mailto:a@b.org)'), 'a@b.org');
    // A reference link's URL lives in its definition; the text is what reads well.
    assert.strictEqual(renderPlainText('![logo](x.png) [ref][r]\n\n[r]: https://r.example'), 'logo ref');
  });

  it('removes HTML comments (notes to the student) and keeps headings, quotes, code and rules as text', () => {
    const md = '<!-- send within 3–5 days -->\n\n# Agenda\n\n> quoted\n> more\n\n```\ncode  here\n```\n\n---\n\nend';
    assert.strictEqual(renderPlainText(md), 'Agenda\n\n> quoted\n> more\n\ncode  here\n\n----\n\nend');
  });

  it('keeps a hard break and a spread list\'s blank lines', () => {
    assert.strictEqual(renderPlainText('a  \nb'), 'a\nb');
    assert.strictEqual(renderPlainText('- a\n\n- b\n\n  more b'), '- a\n\n- b\n\n  more b');
  });

  it('returns input over the size bound unchanged', () => {
    const big = `**x** ${'a'.repeat(MAX_PLAIN_TEXT_CHARS)}`;
    assert.strictEqual(renderPlainText(big), big);
  });

  it('returns slow-to-parse input unchanged, quickly', () => {
    // Runs of * and _ make the parser quadratic: 16 K of them took minutes before this guard.
    const hostile = [
      `${'*'.repeat(7000)}x${'*'.repeat(7000)}`,
      `${'*_'.repeat(4000)}`,
      'a\n=\n'.repeat(1500),
      '>'.repeat(10000),
      Array.from({ length: 100 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n'),
    ];
    for (const md of hostile) {
      const started = Date.now();
      assert.strictEqual(renderPlainText(md), md);
      assert.ok(Date.now() - started < 500, `took ${Date.now() - started} ms`);
    }
  });

  it('renders deep nesting without recursion, flattening below the depth bound', () => {
    const depth = MAX_PLAIN_TEXT_DEPTH + 20;
    const md = `${'> '.repeat(depth)}deep`;
    const out = renderPlainText(md);
    assert.ok(out.endsWith('deep'));
    const prefix = out.slice(0, out.indexOf('deep'));
    assert.ok((prefix.match(/>/g) ?? []).length <= MAX_PLAIN_TEXT_DEPTH, `prefix ${prefix.length} chars`);
    const emph = `${'*a _b '.repeat(80)}c${' b_ a*'.repeat(80)}`;
    assert.ok(renderPlainText(emph).includes('c'));
  });
});
