import * as assert from 'assert';
import { MAX_SLUG_LENGTH, safeNoteFileName, slugify } from '../../src/core/fileNames';

const none = () => false;
const taken = (...paths: string[]) => (p: string) => paths.map((x) => x.toLowerCase()).includes(p);

/** What every generated path must satisfy, whatever the input. */
function assertSafe(path: string): void {
  assert.match(path, /^contacts\/[^/\\]+\.md$/, path);
  const stem = path.slice('contacts/'.length, -'.md'.length);
  assert.ok(stem.length > 0);
  assert.ok(!stem.includes('..'), path);
  // eslint-disable-next-line no-control-regex
  assert.ok(!/[\u0000-\u001f\u007f<>:"|?*]/.test(stem), path);
  assert.ok(!/[. ]$/.test(stem), path);
  assert.ok(!/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(stem), path);
  assert.ok([...stem].length <= MAX_SLUG_LENGTH, `${[...stem].length} > ${MAX_SLUG_LENGTH}`);
}

describe('safe note file names', () => {
  it('slugs a name and drops honorifics and accents', () => {
    assert.strictEqual(safeNoteFileName('Dr. José Núñez-O\'Brien', none), 'contacts/jose-nunez-o-brien.md');
    assert.strictEqual(safeNoteFileName('  Jane   Smith, MD ', none), 'contacts/jane-smith-md.md');
  });

  it('never leaves the folder: separators and dot-dot become part of the slug', () => {
    for (const name of ['../../x', 'a/b', 'a\\b', '..', '/etc/passwd', 'C:\\Windows\\x', 'x\u0000y\n\r\tz', '.hidden', 'trailing. . .']) {
      const p = safeNoteFileName(name, none);
      assertSafe(p);
    }
    assert.strictEqual(safeNoteFileName('../../x', none), 'contacts/x.md');
    assert.strictEqual(safeNoteFileName('a/b', none), 'contacts/a-b.md');
    assert.strictEqual(safeNoteFileName('a\\b', none), 'contacts/a-b.md');
  });

  it('avoids Windows device names, also with an extension or superscript digits', () => {
    assert.strictEqual(safeNoteFileName('CON', none), 'contacts/con-contact.md');
    assert.strictEqual(safeNoteFileName('nul', none), 'contacts/nul-contact.md');
    assert.strictEqual(safeNoteFileName('COM1', none), 'contacts/com1-contact.md');
    assert.strictEqual(safeNoteFileName('lpt9', none), 'contacts/lpt9-contact.md');
    assert.strictEqual(safeNoteFileName('COM¹', none), 'contacts/com1-contact.md');
    assert.strictEqual(safeNoteFileName('aux.txt', none), 'contacts/aux-txt.md');
    assert.strictEqual(safeNoteFileName('Connor', none), 'contacts/connor.md');
    for (const n of ['CON', 'PRN', 'AUX', 'NUL', 'COM1', 'LPT1', 'con.md', 'Prn ']) assertSafe(safeNoteFileName(n, none));
  });

  it('is unique case-insensitively, by -2, -3 …', () => {
    assert.strictEqual(safeNoteFileName('Jane Smith', taken('contacts/Jane-Smith.md')), 'contacts/jane-smith-2.md');
    assert.strictEqual(safeNoteFileName('JANE SMITH', taken('contacts/jane-smith.md', 'contacts/JANE-SMITH-2.md')), 'contacts/jane-smith-3.md');
    const seen: string[] = [];
    const asked: string[] = [];
    const existing = (p: string) => { asked.push(p); return seen.includes(p); };
    for (let i = 0; i < 5; i++) seen.push(safeNoteFileName('Ann Lee', existing));
    assert.deepStrictEqual(seen, ['contacts/ann-lee.md', 'contacts/ann-lee-2.md', 'contacts/ann-lee-3.md', 'contacts/ann-lee-4.md', 'contacts/ann-lee-5.md']);
    assert.ok(asked.every((p) => p === p.toLowerCase()), 'the predicate always gets lower case');
  });

  it('falls back to "contact" for empty, emoji-only or punctuation-only names', () => {
    assert.strictEqual(safeNoteFileName('', none), 'contacts/contact.md');
    assert.strictEqual(safeNoteFileName('   ', none), 'contacts/contact.md');
    assert.strictEqual(safeNoteFileName('🦋🎉', none), 'contacts/contact.md');
    assert.strictEqual(safeNoteFileName('...', none), 'contacts/contact.md');
    assert.strictEqual(safeNoteFileName('Ana 🦋 Lima', none), 'contacts/ana-lima.md');
    assert.strictEqual(safeNoteFileName('', taken('contacts/contact.md')), 'contacts/contact-2.md');
  });

  it('keeps letters of other scripts whole', () => {
    assert.strictEqual(safeNoteFileName('王小明', none), 'contacts/王小明.md');
    assert.strictEqual(slugify('अनिल कुमार'), 'अनिल-कुमार');
    assert.strictEqual(slugify('Łukasz Żółć'), 'łukasz-zołc', 'accents go, ł (a letter of its own) stays');
    assert.strictEqual(slugify('김민준'), '김민준');
  });

  it('bounds the length, without splitting a character, also with a suffix', () => {
    const long = 'a'.repeat(300);
    const p = safeNoteFileName(long, none);
    assertSafe(p);
    assert.strictEqual(p, `contacts/${'a'.repeat(MAX_SLUG_LENGTH)}.md`);
    const p2 = safeNoteFileName(long, taken(p));
    assertSafe(p2);
    assert.strictEqual(p2, `contacts/${'a'.repeat(MAX_SLUG_LENGTH - 2)}-2.md`);
    const astral = safeNoteFileName('𝒜'.repeat(300), none);
    assertSafe(astral);
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(astral), 'no lone high surrogate');
    assertSafe(safeNoteFileName(`${'ab '.repeat(100)}`, none));
  });

  it('takes another folder when asked, and gives up clearly instead of spinning', () => {
    assert.strictEqual(safeNoteFileName('ASPS 2026', none, { folder: 'conferences' }), 'conferences/asps-2026.md');
    assert.throws(() => safeNoteFileName('x', () => true), /No free file name/);
  });
});
