import * as assert from 'assert';
import { newContactNote, newContactText, yamlQuote } from '../../src/core/newContact';
import { parseNote } from '../../src/core/parseNote';
import type { ContactNote } from '../../src/core/types';
import * as yaml from 'js-yaml';

const HOSTILE = [
  'O\'Brien: "x" # y',
  'Jane "JJ" Smith \\ the \\\\ second',
  '- list: [a, b] {c: d}',
  '&anchor *alias !tag %directive @at `tick`',
  '---',
  '[[Link]] | pipe',
  'null',
  'true',
  '0123',
  '2026-10-12',
  'tab\there',
  'bell\u0007 del\u007f nel\u0085 ls\u2028 bom\ufeff',
  'emoji 🦋 and 王小明',
  '  spaced  ',
  "'single'",
  '#hash',
];

function contact(text: string): ContactNote {
  const note = parseNote('contacts/new.md', text);
  assert.strictEqual(note.kind, 'contact', text);
  assert.deepStrictEqual(note.problems.filter((p) => p.severity === 'error'), [], text);
  return note;
}

describe('new contact notes', () => {
  it('writes the built-in skeleton with a first met line', () => {
    const text = newContactText({ name: 'Jane Smith', role: 'faculty', institution: 'UCSF', metAt: 'ASPS 2026', met: '2026-10-10', linkMetAt: true });
    const note = contact(text);
    assert.strictEqual(note.name, 'Jane Smith');
    assert.strictEqual(note.role, 'faculty');
    assert.strictEqual(note.institution, 'UCSF');
    assert.strictEqual(note.met, '2026-10-10');
    assert.strictEqual(note.metAt, 'ASPS 2026');
    assert.strictEqual(note.status, 'active');
    assert.deepStrictEqual(note.interactions.map((i) => [i.date, i.kind, i.text]), [['2026-10-10', 'met', 'at [[ASPS 2026]]']]);
    assert.ok(text.includes('\n## Interactions\n'));
    assert.deepStrictEqual(note.links.map((l) => l.target), ['ASPS 2026', 'ASPS 2026']);
  });

  it('writes met_at as plain text unless asked for a link, and leaves out the met line when the date is unknown', () => {
    const note = contact(newContactText({ name: 'A B', metAt: 'Regional meeting' }));
    assert.strictEqual(note.metAt, 'Regional meeting');
    assert.deepStrictEqual(note.links, []);
    assert.deepStrictEqual(note.interactions, []);
    assert.strictEqual(note.met, null);
    assert.strictEqual(note.role, null);
  });

  for (const name of HOSTILE) {
    it(`round-trips the name ${JSON.stringify(name)} through parseNote`, () => {
      const note = contact(newContactText({ name, institution: name, metAt: name, met: '2026-10-10' }));
      // eslint-disable-next-line no-control-regex
      const expected = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
      assert.strictEqual(note.name, expected);
      assert.strictEqual(note.institution, expected);
      assert.strictEqual(note.metAt, expected);
      assert.deepStrictEqual(note.links, [], 'a name is never turned into a link');
      assert.strictEqual(note.interactions.length, 1);
    });
  }

  it('quotes any string so YAML reads it back exactly, line breaks included', () => {
    for (const value of [...HOSTILE, 'line\nbreak', 'cr\rlf\r\n', '\u0000', '\ud800 lone', '"', '\\', '']) {
      const parsed = yaml.load(`k: ${yamlQuote(value)}`, { schema: yaml.FAILSAFE_SCHEMA }) as { k: string };
      assert.strictEqual(parsed.k, value, JSON.stringify(value));
    }
    assert.strictEqual(yamlQuote('O\'Brien: "x" # y'), '"O\'Brien: \\"x\\" # y"');
  });

  it('fills the vault\'s templates/contact.md, YAML-quoting values in the frontmatter', () => {
    const template = [
      '---',
      'type: contact',
      'name: {{name}}',
      'role: "{{role}}"',
      "institution: '{{institution}}'",
      'met_at: "[[{{met_at}}]]"',
      'met: {{date:YYYY-MM-DD}}',
      'summary: Met {{name}} at {{met_at}}',
      'tags: [contact, {{role}}]',
      'custom: {{something else}}',
      '---',
      '# {{title}}',
      '',
      '## Log',
      '- {{date}} met: at {{met_at}}',
    ].join('\n');
    const name = 'O\'Brien: "x" # y';
    const result = newContactNote({ name, role: 'resident', institution: 'A: B', metAt: 'ASPS 2026', met: '2026-10-10' }, template);
    assert.deepStrictEqual(result.problems, []);
    assert.strictEqual(result.fromTemplate, true);
    const note = contact(result.text);
    assert.strictEqual(note.name, name);
    assert.strictEqual(note.role, 'resident');
    assert.strictEqual(note.institution, 'A: B');
    assert.strictEqual(note.metAt, 'ASPS 2026');
    assert.strictEqual(note.met, '2026-10-10');
    assert.strictEqual(note.frontmatter.summary, `Met ${name} at ASPS 2026`);
    assert.deepStrictEqual(note.tags, ['contact', 'resident']);
    assert.strictEqual(note.frontmatter.custom, '{{something else}}', 'unknown fields are kept, quoted');
    assert.deepStrictEqual(note.interactions.map((i) => [i.date, i.kind]), [['2026-10-10', 'met']]);
    assert.ok(result.text.includes('\n# O\'Brien: "x" # y\n'));
  });

  it('leaves empty fields empty, and escapes markdown in the body', () => {
    const template = '---\nname: "{{name}}"\nrole: {{role}}\nmet_at: "[[{{met_at}}]]"\n---\n# {{name}}\n';
    const result = newContactNote({ name: 'A [[B]] <i>' }, template);
    const note = contact(result.text);
    assert.strictEqual(note.role, null);
    assert.strictEqual(note.metAt, null);
    assert.deepStrictEqual(note.links, []);
    assert.ok(result.text.includes('# A \\[\\[B\\]\\] \\<i\\>'));
  });

  it('adds the name when the template has none, and frontmatter when it has only a body', () => {
    const withoutName = contact(newContactText({ name: 'Jo Lee' }, '---\ntype: contact\n---\nBody\n'));
    assert.strictEqual(withoutName.name, 'Jo Lee');
    const bodyOnly = newContactNote({ name: 'Jo Lee', role: 'faculty' }, '# {{name}}\n\nNotes.\n');
    const note = contact(bodyOnly.text);
    assert.strictEqual(note.name, 'Jo Lee');
    assert.strictEqual(note.role, 'faculty');
    assert.ok(bodyOnly.text.includes('# Jo Lee\n\nNotes.'));
  });

  it('falls back to the built-in layout, with a reason, when the template cannot be used', () => {
    const evil = newContactNote({ name: 'Jo Lee' }, '---js\nmodule.exports = {}\n---\n');
    assert.strictEqual(evil.fromTemplate, false);
    assert.match(evil.problems[0], /unreadable frontmatter/);
    assert.strictEqual(contact(evil.text).name, 'Jo Lee');
    const breaks = newContactNote({ name: 'Jo Lee' }, '---\nnotes: |\n  {{name}}\n bad: [\n---\n');
    assert.strictEqual(breaks.fromTemplate, false);
    assert.strictEqual(contact(breaks.text).name, 'Jo Lee');
  });

  it('keeps CRLF line endings of a CRLF template', () => {
    const text = newContactText({ name: 'Jo' }, '---\r\nname: {{name}}\r\n---\r\nBody\r\n');
    assert.ok(text.includes('name: "Jo"\r\n'));
    assert.strictEqual(contact(text).name, 'Jo');
  });
});
