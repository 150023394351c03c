import * as assert from 'assert';
import { newContactNote } from '../../src/core/newContact';
import { parseTemplate } from '../../src/core/templates';

describe('hostile templates', () => {
  it('reads a 60 KB template of spaces, or of placeholders, in linear time', () => {
    for (const body of ['x' + ' '.repeat(60_000) + 'y', '{{name}} '.repeat(6_600), '{{ {{a}} '.repeat(6_000)]) {
      const started = performance.now();
      const parsed = parseTemplate('templates/x.md', `---\ntitle: T\nsubject: S\n---\n${body}\n`);
      assert.ok(parsed.template);
      assert.ok(performance.now() - started < 300, `took ${Math.round(performance.now() - started)} ms`);
    }
  });

  it('fills a templates/contact.md whose frontmatter holds a U+2028', () => {
    const result = newContactNote({ name: 'Ana' }, '---\nname: {{name}}\nnote: a\u2028b {{name}}\n---\nHello\n');
    assert.ok(result.fromTemplate, result.problems.join());
    assert.match(result.text, /note: "a\\u2028b Ana"/);
  });
});
