import * as assert from 'assert';
import {
  FOLLOW_UP_RULE_CODES, buildRegistry, fieldsUsed, fillTemplate, parseTemplate, rankTemplates, templateFields, toSnippet,
  type Template, type TemplateFields,
} from '../../src/core/templates';
import { articleFor, greetingName, splitName } from '../../src/core/templates/names';
import type { ContactNote } from '../../src/core/types';
import { ROLE_VAULT, builtinFiles, parseSnippet, vaultOf } from './templatesSupport';

const TODAY = '2026-10-14';

function template(text: string, path = 'templates/t.md', source: 'builtin' | 'vault' = 'vault'): Template {
  const parsed = parseTemplate(path, text, source);
  assert.ok(parsed.template, `expected a template, got problems: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.template;
}

const SIMPLE = [
  '---',
  'id: hello',
  'title: "Hello"',
  'subject: "Great meeting you at {{event.name}}"',
  'fits: [conference-follow-up]',
  'audience: [faculty, resident]',
  '---',
  'Dear {{contact.greetingName}},',
  '',
  'About {{topic}} and again {{ Topic }}.',
  '',
  'Sincerely,',
  '{{me.name}}',
].join('\n');

describe('template parsing', () => {
  it('reads id, title, subject, fits, audience, kind and the body', () => {
    const t = template(SIMPLE);
    assert.strictEqual(t.id, 'hello');
    assert.strictEqual(t.title, 'Hello');
    assert.strictEqual(t.subject, 'Great meeting you at {{event.name}}');
    assert.deepStrictEqual(t.fits, ['conference-follow-up']);
    assert.deepStrictEqual(t.audience, ['faculty', 'resident']);
    assert.strictEqual(t.kind, 'email');
    assert.strictEqual(t.source, 'vault');
    assert.ok(t.body.startsWith('Dear {{contact.greetingName}},'));
    assert.strictEqual(t.bodyLine, 7);
  });

  it('refuses a `---js` frontmatter without running it, and reports why', () => {
    const text = '---js\n{ id: (function(){ throw new Error("ran") })() }\n---\nbody\n';
    const parsed = parseTemplate('templates/evil.md', text);
    assert.strictEqual(parsed.template, undefined);
    assert.deepStrictEqual(parsed.problems.map((p) => p.code), ['frontmatter-language']);
  });

  it('refuses broken YAML, aliases and oversized files with a problem, never a throw', () => {
    assert.deepStrictEqual(parseTemplate('t.md', '---\nid: [x\n---\n').problems.map((p) => p.code), ['frontmatter-invalid']);
    assert.deepStrictEqual(parseTemplate('t.md', '---\nid: &a x\ntitle: *a\n---\n').problems.map((p) => p.code), ['frontmatter-alias']);
    const big = parseTemplate('t.md', `---\nid: big\n---\n${'x'.repeat(70 * 1024)}`);
    assert.strictEqual(big.template, undefined);
    assert.deepStrictEqual(big.problems.map((p) => p.code), ['template-too-large']);
  });

  it('leaves files that are not Rapport templates alone (an Obsidian daily-note template)', () => {
    const parsed = parseTemplate('templates/daily.md', '---\ntags: [daily]\n---\n# {{date}}\n');
    assert.strictEqual(parsed.template, undefined);
    assert.deepStrictEqual(parsed.problems, []);
    assert.strictEqual(parseTemplate('templates/plain.md', 'no frontmatter {{x}}').template, undefined);
  });

  it('takes the id from the file name when only a subject marks it, and refuses ids that are not slugs', () => {
    assert.strictEqual(template('---\nsubject: Hi\n---\nBody', 'templates/My-Note.md').id, 'my-note');
    const bad = parseTemplate('t.md', '---\nid: "../etc/passwd"\n---\n');
    assert.strictEqual(bad.template, undefined);
    assert.deepStrictEqual(bad.problems.map((p) => [p.code, p.range.start.line]), [['template-invalid-id', 1]]);
  });

  it('warns about unknown kinds, rules, roles, mistyped vault fields and unclosed braces, on their lines', () => {
    const parsed = parseTemplate('t.md', [
      '---', 'id: x', 'kind: letter', 'fits: [conference-folow-up, keep-in-touch]', 'audience: [dean, resident]', 'subject: Hi', '---',
      'Dear {{contact.nmae}}, {{free field}} {{ oops', '',
    ].join('\n'));
    assert.ok(parsed.template);
    assert.strictEqual(parsed.template.kind, 'email');
    assert.deepStrictEqual(parsed.template.fits, ['keep-in-touch']);
    assert.deepStrictEqual(parsed.template.audience, ['resident']);
    assert.deepStrictEqual(parsed.problems.map((p) => [p.code, p.range.start.line]), [
      ['template-unknown-kind', 2], ['template-unknown-rule', 3], ['template-unknown-role', 4],
      ['template-unknown-field', 7], ['template-unclosed-placeholder', 7],
    ]);
    const field = parsed.problems.find((p) => p.code === 'template-unknown-field')!;
    assert.deepStrictEqual([field.range.start.character, field.range.end.character], [5, 21]);
  });
});

describe('template registry', () => {
  const builtin = (id: string, extra = '') => ({ path: `templates/${id}.md`, text: `---\nid: ${id}\ntitle: Built-in ${id}\nsubject: S\n${extra}---\nBuilt-in body\n` });

  it('lets a vault template replace the built-in with the same id, and add new ones', () => {
    const registry = buildRegistry([builtin('a'), builtin('b')], [
      { path: 'templates/mine.md', text: '---\nid: a\ntitle: Mine\nsubject: S\n---\nMy body\n' },
      { path: 'templates/new.md', text: '---\nid: c\ntitle: New\nsubject: S\n---\nNew\n' },
    ]);
    assert.strictEqual(registry.get('a')?.title, 'Mine');
    assert.strictEqual(registry.get('a')?.source, 'vault');
    assert.strictEqual(registry.overridden.get('a')?.title, 'Built-in a');
    assert.strictEqual(registry.get('b')?.source, 'builtin');
    assert.strictEqual(registry.get('C')?.title, 'New');
    assert.strictEqual(registry.size, 3);
    assert.deepStrictEqual(registry.problems, []);
  });

  it('keeps the built-in when the vault override is broken, and reports the broken file', () => {
    const registry = buildRegistry([builtin('a')], [
      { path: 'templates/a.md', text: '---js\nmodule.exports = { id: "a" }\n---\nEvil\n' },
      { path: 'templates/a2.md', text: '---\nid: a\ntitle: [unclosed\n---\n' },
    ]);
    assert.strictEqual(registry.get('a')?.source, 'builtin');
    assert.strictEqual(registry.get('a')?.body, 'Built-in body');
    assert.deepStrictEqual(registry.problems.map((p) => [p.path, p.source, p.problem.code]), [
      ['templates/a.md', 'vault', 'frontmatter-language'],
      ['templates/a2.md', 'vault', 'frontmatter-invalid'],
    ]);
  });

  it('reports two vault templates with one id and keeps the first by path', () => {
    const registry = buildRegistry([], [
      { path: 'templates/z.md', text: '---\nid: dup\ntitle: Z\nsubject: S\n---\n' },
      { path: 'templates/a.md', text: '---\nid: dup\ntitle: A\nsubject: S\n---\n' },
    ]);
    assert.strictEqual(registry.get('dup')?.title, 'A');
    assert.deepStrictEqual(registry.problems.map((p) => [p.path, p.problem.code]), [['templates/z.md', 'template-duplicate-id']]);
  });

  it('ranks templates that fit the open follow-ups first, in follow-up order, then by audience', () => {
    const registry = buildRegistry([
      builtin('general'),
      builtin('for-residents', 'audience: [resident]\n'),
      builtin('for-faculty', 'audience: [faculty]\n'),
      builtin('thanks', 'fits: [rotation-thank-you]\n'),
      builtin('nudge', 'fits: [awaiting-reply]\naudience: [faculty]\n'),
      builtin('nudge-any', 'fits: [awaiting-reply]\n'),
    ], []);
    const ids = (codes: string[], role: 'faculty' | 'resident' | null) => rankTemplates(registry, { ruleCodes: codes, role }).map((t) => t.id);
    assert.deepStrictEqual(ids(['awaiting-reply', 'rotation-thank-you'], 'faculty'),
      ['nudge', 'nudge-any', 'thanks', 'for-faculty', 'general', 'for-residents']);
    assert.deepStrictEqual(ids(['rotation-thank-you', 'awaiting-reply'], 'resident'),
      ['thanks', 'nudge-any', 'nudge', 'for-residents', 'general', 'for-faculty']);
    assert.strictEqual(rankTemplates(registry).length, 6);
  });
});

describe('template fields', () => {
  it('fills the contact, the profile, the event met at and today', async () => {
    const vault = await vaultOf(ROLE_VAULT);
    const jane = vault.get('contacts/faculty.md') as ContactNote;
    const fields = templateFields(vault, jane, vault.profile(), TODAY);
    assert.deepStrictEqual(fields, {
      'event.name': 'ASPS 2026', 'event.start': '2026-10-09', 'event.end': '2026-10-12', 'event.location': 'San Diego',
      'contact.name': 'Jane Smith', 'contact.firstName': 'Jane', 'contact.lastName': 'Smith', 'contact.title': 'Dr.',
      'contact.greetingName': 'Dr. Smith', 'contact.institution': 'UCSF',
      'me.name': 'Alex Chen', 'me.firstName': 'Alex', 'me.school': 'Northfield School of Medicine', 'me.year': 'M3',
      'me.interest': 'microsurgery and hand surgery', 'me.email': 'alex@northfield.example',
      today: TODAY,
    });
  });

  it('takes the institution from the program or the rotation when the contact has none', async () => {
    const vault = await vaultOf(ROLE_VAULT);
    const omar = templateFields(vault, vault.get('contacts/resident.md') as ContactNote, vault.profile(), TODAY);
    assert.strictEqual(omar['contact.program'], 'Lakeside Plastic Surgery');
    assert.strictEqual(omar['contact.institution'], 'Lakeside Medical Center');
    assert.strictEqual(omar['event.name'], 'Lakeside Away Rotation');
    const sam = templateFields(vault, vault.get('contacts/student.md') as ContactNote, vault.profile(), TODAY);
    assert.strictEqual(sam['event.name'], 'Regional meeting', 'met_at text is used when it names no note');
  });

  it('greets by title and surname, a physician without a title as Dr. Surname (as the guide does), and falls back to the full name', async () => {
    const vault = await vaultOf(ROLE_VAULT);
    const greet = (p: string) => templateFields(vault, vault.get(p) as ContactNote, undefined, TODAY)['contact.greetingName'];
    assert.strictEqual(greet('contacts/pd.md'), 'Dr. de la Cruz');
    assert.strictEqual(greet('contacts/chair.md'), 'Professor van der Berg');
    assert.strictEqual(greet('contacts/apd.md'), 'Dr. Patel');
    assert.strictEqual(greet('contacts/from-file-name.md'), 'Dr. Name', 'a faculty member named from the file name');
    assert.strictEqual(greetingName('Cher', 'Dr.'), 'Cher');
    assert.deepStrictEqual(splitName('Smith, Jane'), { first: 'Jane', last: 'Smith' });
    assert.deepStrictEqual(splitName('Jane Smith, MD, PhD'), { first: 'Jane', last: 'Smith' });
  });

  it('leaves the student\'s fields out when there is no profile, or the profile has no name', async () => {
    const vault = await vaultOf({ ...ROLE_VAULT, 'profile.md': '---\nschool: X\n---\n' });
    const fields = templateFields(vault, vault.get('contacts/faculty.md') as ContactNote, vault.profile(), TODAY);
    assert.strictEqual(fields['me.name'], undefined);
    assert.strictEqual(fields['me.school'], 'X');
    const none = templateFields(vault, vault.get('contacts/faculty.md') as ContactNote, undefined, TODAY);
    assert.deepStrictEqual(Object.keys(none).filter((k) => k.startsWith('me.')), []);
  });

  it('fills a rotation-level template with no contact from the event given', async () => {
    const vault = await vaultOf(ROLE_VAULT);
    const rotation = vault.rotations()[0];
    const fields = templateFields(vault, null, vault.profile(), TODAY, rotation);
    assert.strictEqual(fields['event.name'], 'Lakeside Away Rotation');
    assert.strictEqual(fields['contact.name'], undefined);
  });
});

describe('filling templates', () => {
  const fields: TemplateFields = { 'contact.greetingName': 'Dr. Smith', 'me.name': 'Alex Chen', 'event.name': 'ASPS 2026' };

  it('fills known fields and shows unknown ones as [field name], listing them once', () => {
    const filled = fillTemplate(template(SIMPLE), fields);
    assert.strictEqual(filled.subject, 'Great meeting you at ASPS 2026');
    assert.strictEqual(filled.body, 'Dear Dr. Smith,\n\nAbout [topic] and again [topic].\n\nSincerely,\nAlex Chen');
    assert.deepStrictEqual(filled.missing, ['topic']);
  });

  it('renders the body\'s markdown as plain text but never reads a value as markdown', () => {
    const t = template('---\nid: md\nsubject: S\n---\nDear **{{contact.name}}**,\n\n- [site]({{url}})\n- _{{x}}_\n');
    const filled = fillTemplate(t, { 'contact.name': 'A *not bold* [not](link) _b_', url: 'https://example.org/a_b_c' });
    assert.strictEqual(filled.body, 'Dear A *not bold* [not](link) _b_,\n\n- site (https://example.org/a_b_c)\n- [x]');
  });

  it('puts "an" before a year that starts with a vowel sound, and keeps the article when the field is unknown', () => {
    const t = template('---\nid: a\nsubject: I am a {{me.year}} student\n---\nI am a {{me.year}} student at {{me.school}}. A {{me.year}} rotation. a {{x}}\n');
    const with_ = (year: string) => fillTemplate(t, { 'me.year': year, 'me.school': 'S' });
    assert.strictEqual(with_('M3').subject, 'I am an M3 student');
    assert.strictEqual(with_('MS4').body, 'I am an MS4 student at S. An MS4 rotation. a [x]');
    assert.strictEqual(with_('third-year').body, 'I am a third-year student at S. A third-year rotation. a [x]');
    assert.strictEqual(with_('eighth-semester').body, 'I am an eighth-semester student at S. An eighth-semester rotation. a [x]');
    // An unknown vault field reads as words, never as its internal name.
    assert.strictEqual(fillTemplate(t, {}).subject, 'I am a [your year, e.g. MS3] student');
    assert.deepStrictEqual(['PGY-2', 'M2', 'fourth-year', 'university', 'hour', 'USC', 'NYU'].map(articleFor), ['a', 'an', 'a', 'a', 'an', 'a', 'an']);
  });

  it('treats an empty value as unknown, and template text that looks like its internal tokens as text', () => {
    const t = template('---\nid: tok\nsubject: S\n---\nrpf0x rpfq1x {{a}} {{b}}\n');
    const filled = fillTemplate(t, { a: '', b: 'B' });
    assert.strictEqual(filled.body, 'rpf0x rpfq1x [a] B');
    assert.deepStrictEqual(filled.missing, ['a']);
  });

  it('collapses line breaks and control characters in values, so a subject stays one line', () => {
    const t = template('---\nid: s\nsubject: "Hi {{contact.name}}"\n---\nx\n');
    assert.strictEqual(fillTemplate(t, { 'contact.name': 'Jane\r\nBcc: evil@example.com\u0000' }).subject, 'Hi Jane Bcc: evil@example.com');
  });
});

describe('snippets', () => {
  it('escapes known values so `O\'Brien $1 ${x}` is inserted literally', () => {
    const t = template(SIMPLE);
    const snippet = toSnippet(t, { ...{ 'contact.greetingName': "O'Brien $1 ${x} \\ }" }, 'me.name': 'Alex $TM_FILENAME' });
    assert.ok(snippet.includes("O'Brien \\$1 \\${x\\} \\\\ \\}"), snippet);
    const parsed = parseSnippet(snippet);
    assert.strictEqual(parsed.text,
      "Subject: Great meeting you at event name\n\nDear O'Brien $1 ${x} \\ },\n\nAbout topic and again topic.\n\nSincerely,\nAlex $TM_FILENAME");
    assert.deepStrictEqual([...parsed.stops.entries()], [[1, ['event name']], [2, ['topic', 'topic']]]);
    assert.strictEqual(parsed.final, parsed.text.length, '$0 is the last thing');
  });

  it('escapes template text and field labels too', () => {
    // A label with `$` or `\` is escaped inside the tab stop; literal `}` and `$` in the text are escaped too.
    const t2 = template('---\nid: e2\nsubject: "Costs $5 {{price $ x}}"\n---\nA } c $d {{price $ x}} {{a\\b}}\n');
    const snippet = toSnippet(t2, {});
    const parsed = parseSnippet(snippet);
    assert.strictEqual(parsed.text, 'Subject: Costs $5 price $ x\n\nA } c $d price $ x a\\b');
    assert.deepStrictEqual([...parsed.stops.entries()], [[1, ['price $ x', 'price $ x']], [2, ['a\\b']]]);
  });

  it('turns every missing profile field into a tab stop, numbered in order of first use', () => {
    const t = template(['---', 'id: p', 'subject: "{{me.year}} student – {{topic}}"', '---',
      'I am {{me.name}}, a {{me.year}} at {{me.school}}.', '{{me.name}}', '{{me.email}}'].join('\n'));
    const parsed = parseSnippet(toSnippet(t, { 'contact.greetingName': 'Dr. Smith' }));
    assert.deepStrictEqual([...parsed.stops.entries()], [
      [1, ['your year, e.g. MS3', 'your year, e.g. MS3']], [2, ['topic']], [3, ['your name', 'your name']], [4, ['your school']], [5, ['your email']],
    ]);
    assert.deepStrictEqual(fieldsUsed(t), ['me.year', 'topic', 'me.name', 'me.school', 'me.email']);
  });

  it('greets a fellow student by first name', async () => {
    const vault = await vaultOf({ 'contacts/s.md': '---\nname: Aisha Bello\nrole: student\n---\n' });
    assert.strictEqual(templateFields(vault, vault.get('contacts/s.md') as ContactNote, undefined, TODAY)['contact.greetingName'], 'Aisha');
  });

  it('can leave the subject line out', () => {
    const snippet = toSnippet(template(SIMPLE), fields(), { subject: false });
    assert.ok(snippet.startsWith('Dear Dr. Smith,'));
  });
});

function fields(): TemplateFields {
  return { 'contact.greetingName': 'Dr. Smith' };
}

describe('follow-up rule codes', () => {
  it('every code a template can fit is one of the follow-up rules', () => {
    for (const f of builtinFiles()) {
      const t = parseTemplate(f.path, f.text, 'builtin').template!;
      for (const code of t.fits) assert.ok((FOLLOW_UP_RULE_CODES as readonly string[]).includes(code), `${f.path}: ${code}`);
    }
  });
});
