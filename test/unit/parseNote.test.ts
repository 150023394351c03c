import * as assert from 'assert';
import { parseNote } from '../../src/core/parseNote';
import type { ContactNote, Note } from '../../src/core/types';

function codes(note: Note): string[] {
  return note.problems.map((p) => p.code);
}

function contact(text: string, path = 'contacts/jane-smith.md'): ContactNote {
  const note = parseNote(path, text);
  assert.strictEqual(note.kind, 'contact');
  return note;
}

const JANE = [
  '---',
  'name: Jane Smith',
  'title: Dr.',
  'role: attending',
  'mentor: external',
  'sponsor: yes',
  'institution: Lakeside University',
  'interests: [microsurgery, breast reconstruction]',
  'met: 2026-10-12',
  'met_at: "[[ASPS 2026]]"',
  'next_follow_up: 2026.11.02',
  'prm-last-contacted: 2026-10-14T23:30:00-10:00',
  'cadence: 6w',
  'status: waiting',
  'zip: 01234',
  '---',
  '# Jane Smith',
  '',
  '## Interactions',
  '- 2026-10-12 met: after the DIEP flap talk at [[ASPS 2026]]',
  '- 2026-10-14 emailed: thank-you, asked about aways',
  '- 2026-10-24 replied: happy to talk in November',
  '',
  '## Tasks',
  '- [ ] Send abstract 📅 2026-10-24',
  '- [ ] 2026-10-30 Ask about research',
  '- [x] Read her flap paper [due:: 2026-10-20]',
  '',
].join('\n');

describe('parseNote', () => {
  it('reads a contact with canonical keys and aliases', () => {
    const c = contact(JANE);
    assert.deepStrictEqual(
      [c.name, c.title, c.role, c.mentor, c.sponsor, c.institution, c.met, c.metAt, c.followUp, c.lastContact, c.cadenceDays, c.status],
      ['Jane Smith', 'Dr.', 'faculty', 'external', true, 'Lakeside University', '2026-10-12', 'ASPS 2026', '2026-11-02', '2026-10-14', 42, 'waiting'],
    );
    assert.deepStrictEqual(c.interests, ['microsurgery', 'breast reconstruction']);
    assert.deepStrictEqual(c.problems, []);
  });

  it('keeps YAML scalars as written: no octal, no booleans, no timestamps', () => {
    const c = contact(JANE);
    assert.strictEqual(c.frontmatter.zip, '01234');
    assert.strictEqual(c.frontmatter.met, '2026-10-12');
  });

  it('reads the interaction log and tasks in every supported syntax', () => {
    const c = contact(JANE);
    assert.deepStrictEqual(c.interactions.map((i) => [i.date, i.kind, i.direction, i.line]), [
      ['2026-10-12', 'met', 'both', 19],
      ['2026-10-14', 'emailed', 'out', 20],
      ['2026-10-24', 'replied', 'in', 21],
    ]);
    assert.deepStrictEqual(c.tasks.map((t) => [t.text, t.due, t.done]), [
      ['Send abstract', '2026-10-24', false],
      ['Ask about research', '2026-10-30', false],
      ['Read her flap paper', '2026-10-20', true],
    ]);
    assert.deepStrictEqual(c.links.map((l) => [l.target, l.range.start.line]), [['ASPS 2026', 9], ['ASPS 2026', 19]]);
  });

  it('points each problem at the exact line of its key', () => {
    const c = contact('---\nname: A\nmet: 2024-02-30\nrole: wizard\nstatus: maybe\nmentor: guru\n---\n');
    assert.deepStrictEqual(c.problems.map((p) => [p.code, p.range.start.line, p.severity]), [
      ['invalid-date', 2, 'error'],
      ['unknown-role', 3, 'warning'],
      ['unknown-status', 4, 'warning'],
      ['unknown-mentor', 5, 'warning'],
    ]);
    assert.match(c.problems[0].message, /February 2024 has 29 days, not 30/);
    assert.strictEqual(c.met, null, '2024-02-30 must not roll over to March 1st');
  });

  it('takes the kind from type: first, then from the folder', () => {
    assert.strictEqual(parseNote('misc/x.md', '---\ntype: conference\n---\n').kind, 'conference');
    assert.strictEqual(parseNote('rotations/x.md', '').kind, 'rotation');
    assert.strictEqual(parseNote('profile.md', '---\nname: Me\n---\n').kind, 'profile');
    assert.strictEqual(parseNote('ideas.md', '').kind, 'other');
    const unknown = parseNote('contacts/x.md', '---\ntype: spaceship\n---\n');
    assert.strictEqual(unknown.kind, 'contact');
    assert.deepStrictEqual(codes(unknown), ['unknown-type']);
  });

  it('names a contact after the file when name is missing', () => {
    assert.strictEqual(parseNote('contacts/Mateo Ruiz.md', 'no frontmatter').name, 'Mateo Ruiz');
  });

  it('reads an unquoted [[link]] in met_at, which YAML sees as a nested list', () => {
    assert.strictEqual(contact('---\nmet_at: [[ASPS 2026]]\n---\n').metAt, 'ASPS 2026');
  });
});

describe('parseNote safety', () => {
  for (const opening of ['---js', '---javascript', '---JS', '--- javascript', '---coffee']) {
    for (const [label, eol, bom] of [['LF', '\n', ''], ['CRLF', '\r\n', ''], ['BOM+CRLF', '\r\n', '\uFEFF']] as const) {
      it(`never evaluates ${opening} frontmatter (${label})`, () => {
        const g = globalThis as { rapportPwned?: boolean };
        delete g.rapportPwned;
        const text = [opening, '({ name: (globalThis.rapportPwned = true, "x") })', '---', 'body'].join(eol);
        const note = parseNote('contacts/evil.md', bom + text);
        assert.strictEqual(g.rapportPwned, undefined);
        assert.deepStrictEqual(codes(note), ['frontmatter-language']);
        assert.strictEqual(note.frontmatterBroken, true);
        assert.strictEqual(note.name, 'evil');
      });
    }
  }

  it('refuses aliases, and an alias bomb finishes at once', () => {
    const bomb = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) bomb.push(`${'abcdefghijklm'[i]}: &${'abcdefghijklm'[i]} [${Array(9).fill('*' + 'abcdefghijklm'[i - 1]).join(',')}]`);
    bomb.push('---');
    const started = process.hrtime.bigint();
    const note = parseNote('contacts/bomb.md', bomb.join('\n'));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.deepStrictEqual(codes(note), ['frontmatter-alias']);
    assert.deepStrictEqual(note.frontmatter, {});
    assert.ok(ms < 500, `took ${ms} ms`);
  });

  it('reports duplicate keys (also through aliases such as follow-up/follow_up)', () => {
    const note = parseNote('contacts/x.md', '---\nname: A\nfollow_up: 2026-11-01\nfollow-up: 2026-11-02\n---\n');
    assert.deepStrictEqual(note.problems.map((p) => [p.code, p.range.start.line]), [['duplicate-key', 3]]);
  });

  it('reports tab indentation as an error', () => {
    const note = parseNote('contacts/x.md', '---\nname: A\ninterests:\n\t- hand\n---\n');
    assert.deepStrictEqual(note.problems.map((p) => [p.code, p.range.start.line]), [['frontmatter-tab', 3]]);
  });

  it('gives YAML syntax errors with the line they are on', () => {
    const note = parseNote('contacts/x.md', '---\nname: A\nrole: [faculty\ninstitution: B\n---\n');
    assert.strictEqual(note.problems[0].code, 'frontmatter-invalid');
    assert.ok(note.problems[0].range.start.line >= 2 && note.problems[0].range.start.line <= 3);
  });

  it('reports unclosed frontmatter and frontmatter that is not a mapping', () => {
    assert.deepStrictEqual(codes(parseNote('contacts/x.md', '---\nname: A\n\nSome body')), ['frontmatter-unclosed']);
    assert.deepStrictEqual(codes(parseNote('contacts/x.md', '---\n- a\n- b\n---\n')), ['frontmatter-not-mapping']);
    assert.deepStrictEqual(codes(parseNote('contacts/x.md', '---\njust a string\n---\n')), ['frontmatter-not-mapping']);
  });

  it('reads BOM, CRLF and CR-only files the same as LF', () => {
    const lf = parseNote('contacts/jane-smith.md', JANE);
    for (const [eol, bom] of [['\r\n', ''], ['\r', ''], ['\r\n', '\uFEFF'], ['\n', '\uFEFF']]) {
      const other = parseNote('contacts/jane-smith.md', bom + JANE.replace(/\n/g, eol));
      assert.deepStrictEqual({ ...other, eol: '\n' }, lf);
      assert.strictEqual(other.eol, eol);
    }
  });

  it('reports unresolved merge conflict markers', () => {
    const note = parseNote('contacts/x.md', '---\nname: A\n---\n## Log\n<<<<<<< HEAD\n- 2026-10-01 met: x\n=======\n- 2026-10-02 met: y\n>>>>>>> other\n');
    assert.deepStrictEqual(note.problems.map((p) => [p.code, p.range.start.line]), [['merge-conflict', 4]]);
  });

  it('reports an invalid log date and an unknown interaction kind', () => {
    const note = parseNote('contacts/x.md', '---\nname: A\n---\n## Interactions\n- 2026-02-31 met: x\n- 2026-03-01 telepathy: y\n- not a dated line\n');
    assert.deepStrictEqual(note.problems.map((p) => [p.code, p.range.start.line]), [['invalid-date', 4], ['unknown-interaction-kind', 5], ['unreadable-log-line', 6]]);
  });

  it('does not stall on pathological markdown', function () {
    this.timeout(3000);
    const bodies = [
      '*a'.repeat(16000),
      Array.from({ length: 800 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'),
      '[['.repeat(50000),
      '> '.repeat(20000) + 'deep quote',
      '- [ ] ' + '📅 '.repeat(20000),
    ];
    for (const body of bodies) {
      const note = parseNote('contacts/x.md', `---\nname: A\n---\n## Log\n${body}\n`);
      assert.strictEqual(note.name, 'A');
    }
  });
});

describe('parseNote links', () => {
  it('ignores [[links]] inside fenced code blocks', () => {
    const note = parseNote('notes/x.md', '---\nname: X\n---\n```\n[[Not A Link]]\n```\nSee [[Real]].\n');
    assert.deepStrictEqual(note.links.map((l) => l.target), ['Real']);
  });
});
