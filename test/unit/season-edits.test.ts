import * as assert from 'assert';
import { applyEdits } from '../../src/core/edits';
import { parseNote } from '../../src/core/parseNote';
import { seasonFields } from '../../src/core/season';
import { seasonStepEdit, setNestedField } from '../../src/core/season/edits';

function apply(text: string, r: ReturnType<typeof setNestedField>): string {
  if (!r.ok) throw new Error(r.reason);
  return applyEdits(text, r.edits);
}

describe('season fields', () => {
  it('read the same lines from a note object this module did not parse (another bundle, a copy)', () => {
    const n = parseNote('contacts/a.md', '---\nname: A\nletter:\n  asked: 2026-06-01\n  # a comment\n  agreed: 2026-06-02\n---\n');
    const copy = { ...n };
    assert.deepStrictEqual(seasonFields(copy), seasonFields(n));
    assert.strictEqual(seasonFields(copy).letter?.agreed?.line, 5);
  });
});

describe('season edits: one nested field, only its line', () => {
  it('adds a field after the block\'s last key, keeping comments and the rest byte-identical', () => {
    const text = '---\nname: A\nletter:\n  asked: 2026-06-01   # by email\n  agreed: 2026-06-02\nrole: faculty\n---\n# A\n';
    const out = apply(text, seasonStepEdit(text, 'letterUploaded', '2026-09-10'));
    assert.strictEqual(out, '---\nname: A\nletter:\n  asked: 2026-06-01   # by email\n  agreed: 2026-06-02\n  uploaded: 2026-09-10\nrole: faculty\n---\n# A\n');
    assert.strictEqual(seasonFields(parseNote('contacts/a.md', out)).letter?.uploaded?.date, '2026-09-10');
  });

  it('replaces an existing field in place, and keeps the file\'s line endings', () => {
    const text = '---\r\nname: A\r\ninterview:\r\n    invited: 2026-11-12\r\n    date: 2026-12-01\r\n---\r\n';
    const out = apply(text, seasonStepEdit(text, 'interviewScheduled', '2026-12-04'));
    assert.strictEqual(out, '---\r\nname: A\r\ninterview:\r\n    invited: 2026-11-12\r\n    date: 2026-12-04\r\n---\r\n');
    const added = apply(text, seasonStepEdit(text, 'interviewDeclined', '2026-11-13'));
    assert.strictEqual(added, '---\r\nname: A\r\ninterview:\r\n    invited: 2026-11-12\r\n    date: 2026-12-01\r\n    declined: 2026-11-13\r\n---\r\n');
  });

  it('adds the block when missing, and refuses a one-line block or a broken frontmatter', () => {
    const text = '---\nname: A\n---\n';
    assert.strictEqual(apply(text, seasonStepEdit(text, 'letterAgreed', '2026-06-02')), '---\nname: A\nletter:\n  agreed: 2026-06-02\n---\n');
    const flow = '---\nname: A\nletter: { asked: 2026-06-01 }\n---\n';
    const refused = seasonStepEdit(flow, 'letterAgreed', '2026-06-02');
    assert.strictEqual(refused.ok, false);
    assert.strictEqual(seasonStepEdit('---\nname: [\n---\n', 'letterAgreed', '2026-06-02').ok, false);
  });
});
