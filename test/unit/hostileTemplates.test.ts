import * as assert from 'assert';
import { newContactNote } from '../../src/core/newContact';
import { parseTemplate } from '../../src/core/templates';
import { assertLinear } from './scaling';

describe('hostile templates', () => {
  it('reads a 60 KB template of spaces, or of placeholders, in linear time', () => {
    const bodies: [string, (n: number) => string][] = [
      ['spaces', (n) => 'x' + ' '.repeat(n * 9) + 'y'],
      ['placeholders', (n) => '{{name}} '.repeat(n)],
      ['unclosed placeholders', (n) => '{{ {{a}} '.repeat(n)],
    ];
    for (const [label, body] of bodies) {
      assertLinear(label, (n) => {
        const text = `---\ntitle: T\nsubject: S\n---\n${body(n)}\n`;
        return () => assert.ok(parseTemplate('templates/x.md', text).template);
      }, 1_500);
    }
  });

  it('fills a templates/contact.md whose frontmatter holds a U+2028', () => {
    const result = newContactNote({ name: 'Ana' }, '---\nname: {{name}}\nnote: a\u2028b {{name}}\n---\nHello\n');
    assert.ok(result.fromTemplate, result.problems.join());
    assert.match(result.text, /note: "a\\u2028b Ana"/);
  });
});
