import * as assert from 'assert';
import { appendInteraction, applyEdits, completeTask, setFrontmatterField, type EditResult } from '../../src/core/edits';
import { yamlQuote } from '../../src/core/newContact';
import { parseNote } from '../../src/core/parseNote';
import type { ContactNote } from '../../src/core/types';

function apply(text: string, result: EditResult): string {
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return applyEdits(text, result.edits);
}

const NOTE = [
  '---',
  '# a comment that must survive',
  "name: 'Jane Smith'",
  'follow-up: 2026-11-01  # after the talk',
  'interests:',
  '  - hand',
  '  - craniofacial',
  'status: active',
  '---',
  'Intro text.',
  '',
  '## Interactions',
  '- 2026-10-12 met: at ASPS',
  '',
  '## Later',
  '- [ ] Send abstract 📅 2026-10-24',
  '',
].join('\n');

describe('note edits', () => {
  it('changes one field in place, keeping the key spelling, comments and everything else', () => {
    const out = apply(NOTE, setFrontmatterField(NOTE, 'follow_up', '2026-11-28', ['follow-up', 'next_follow_up']));
    assert.strictEqual(out, NOTE.replace('follow-up: 2026-11-01  # after the talk', 'follow-up: 2026-11-28  # after the talk'));
  });

  it('adds a missing field just before the closing delimiter', () => {
    const out = apply(NOTE, setFrontmatterField(NOTE, 'snooze_until', '2026-12-02'));
    assert.strictEqual(out, NOTE.replace('status: active\n---', 'status: active\nsnooze_until: 2026-12-02\n---'));
  });

  it('removes a field with its continuation lines', () => {
    const out = apply(NOTE, setFrontmatterField(NOTE, 'interests', null));
    assert.strictEqual(out, NOTE.replace('interests:\n  - hand\n  - craniofacial\n', ''));
  });

  it('keeps CRLF line endings and a BOM', () => {
    const crlf = '\uFEFF' + NOTE.replace(/\n/g, '\r\n');
    const out = apply(crlf, setFrontmatterField(crlf, 'status', 'dormant'));
    assert.strictEqual(out, crlf.replace('status: active', 'status: dormant'));
    const logged = apply(crlf, appendInteraction(crlf, '2026-11-25', 'emailed', 'follow-up'));
    assert.strictEqual(logged, crlf.replace('at ASPS\r\n', 'at ASPS\r\n- 2026-11-25 emailed: follow-up\r\n'));
  });

  it('appends an interaction at the end of the log section, which the parser then reads', () => {
    const out = apply(NOTE, appendInteraction(NOTE, '2026-11-25', 'thanked', 'thank-you after the rotation'));
    assert.strictEqual(out, NOTE.replace('at ASPS\n', 'at ASPS\n- 2026-11-25 thanked: thank-you after the rotation\n'));
    const note = parseNote('contacts/jane.md', out) as ContactNote;
    assert.deepStrictEqual(note.interactions.map((i) => [i.date, i.kind]), [['2026-10-12', 'met'], ['2026-11-25', 'thanked']]);
  });

  it('creates the Interactions section when missing, with or without a final newline', () => {
    for (const text of ['---\nname: A\n---\nBody', '---\nname: A\n---\nBody\n', '---\nname: A\n---\n']) {
      const out = apply(text, appendInteraction(text, '2026-11-25', 'emailed', 'hello'));
      const note = parseNote('contacts/a.md', out);
      assert.deepStrictEqual(note.interactions.map((i) => i.kind), ['emailed'], JSON.stringify(out));
      assert.ok(out.startsWith(text.replace(/\n$/, '')), 'existing text is kept');
    }
  });

  it('adds frontmatter to a note that has none', () => {
    const out = apply('Just text\n', setFrontmatterField('Just text\n', 'status', 'dormant'));
    assert.strictEqual(out, '---\nstatus: dormant\n---\nJust text\n');
  });

  it('refuses to edit a note whose frontmatter is broken', () => {
    for (const broken of ['---\nname: [\n---\n', '---\nname: A\n', '---js\nx\n---\n']) {
      const r = setFrontmatterField(broken, 'status', 'dormant');
      assert.strictEqual(r.ok, false);
      assert.strictEqual(appendInteraction(broken, '2026-11-25', 'met', '').ok, false);
    }
  });

  it('ticks a task and refuses a line that is not an open task', () => {
    const out = apply(NOTE, completeTask(NOTE, 15));
    assert.strictEqual(out, NOTE.replace('- [ ] Send', '- [x] Send'));
    assert.strictEqual(completeTask(NOTE, 12).ok, false);
  });

  it('quotes hostile values so they read back unchanged', () => {
    for (const value of ['O\'Brien: "x" # y', 'yes', '- list?', 'line\nbreak', '{{x}}', '  padded ', 'tab\there', '\u2028sep']) {
      const out = apply(NOTE, setFrontmatterField(NOTE, 'institution', value));
      const note = parseNote('contacts/jane.md', out) as ContactNote;
      assert.deepStrictEqual(note.problems, []);
      assert.strictEqual(note.frontmatter.institution, value, yamlQuote(value));
    }
  });
});

describe('note edits and quoted values', () => {
  it('does not mistake a # inside quotes for a comment', () => {
    const text = '---\ninstitution: "St. Mary # 2"   # main campus\n---\n';
    const r = setFrontmatterField(text, 'institution', 'Lakeside');
    assert.ok(r.ok);
    assert.strictEqual(applyEdits(text, r.edits), '---\ninstitution: Lakeside   # main campus\n---\n');
  });
});
