import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { decodeQuotedPrintable, parseVCards, unfold } from '../../src/core/import/vcard';

const FIXTURE = fs.readFileSync(path.join(__dirname, '../fixtures/import/contacts.vcf'), 'utf8');
const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n') + '\r\n';
const one = (text: string) => {
  const r = parseVCards(text);
  assert.strictEqual(r.people.length, 1, JSON.stringify(r.issues));
  return r.people[0];
};

describe('import: vCard', () => {
  it('reads the fixture: 3.0, 2.1 quoted-printable and 4.0 cards, reporting the broken ones by line', () => {
    const { people, issues } = parseVCards(FIXTURE);
    assert.deepStrictEqual(people.map((p) => [p.line, p.name]), [
      [1, 'Maya Okafor'], [14, 'José Müller'], [23, 'Aiyana Redcloud'], [33, ''], [41, 'Chen Wei'],
    ]);
    assert.deepStrictEqual(issues.map((i) => i.line), [38]);
    assert.match(issues[0].reason, /no END:VCARD/);
  });

  it('reads N, ORG (institution; department), TITLE, preferred EMAIL, TEL, URL and a folded NOTE with escapes', () => {
    const maya = parseVCards(FIXTURE).people[0];
    assert.strictEqual(maya.honorific, 'Dr.');
    assert.strictEqual(maya.institution, 'Riverside University Medical Center');
    assert.strictEqual(maya.department, 'Plastic Surgery');
    assert.strictEqual(maya.position, 'Assistant Professor of Surgery');
    assert.deepStrictEqual(maya.emails, ['maya.okafor@example.edu', 'm.okafor@example.edu'], 'the PREF address comes first');
    assert.deepStrictEqual(maya.phones, ['+1 555 010 2000']);
    assert.strictEqual(maya.linkedin, 'https://www.linkedin.com/in/maya-okafor-example');
    assert.strictEqual(maya.notes, 'Met at the regional meeting, talked about the cleft lip study.\nAsk about research years.');
  });

  it('decodes quoted-printable UTF-8 across soft line breaks, even one inside a multi-byte character', () => {
    const jose = parseVCards(FIXTURE).people[1];
    assert.strictEqual(jose.name, 'José Müller');
    assert.strictEqual(jose.position, 'Fellow, Craniofacial Surgéry');
    assert.deepStrictEqual(jose.phones, ['+1-555-010-3000']);
  });

  it('joins a folded line that splits a quoted-printable UTF-8 sequence', () => {
    const p = one(card('FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zo=C3', ' =AB Dupr=C3=A9'));
    assert.strictEqual(p.name, 'Zoë Dupré');
    const q = one(card('FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zo=C3=', '=AB'));
    assert.strictEqual(q.name, 'Zoë');
  });

  it('folds plain UTF-8 lines, even when the fold splits a word', () => {
    const p = one(card('FN:Ngozi Ad', ' ébáyọ̀', 'TITLE:Attend', '\ting Surgeon'));
    assert.strictEqual(p.name, 'Ngozi Adébáyọ̀');
    assert.strictEqual(p.position, 'Attending Surgeon');
  });

  it('reads vCard 4.0 TEL as a tel: URI and PREF=1 as the preferred address', () => {
    const aiyana = parseVCards(FIXTURE).people[2];
    assert.deepStrictEqual(aiyana.phones, ['+1-555-010-4000']);
    assert.deepStrictEqual(aiyana.emails, ['aiyana@example.org', 'a.redcloud@example.net']);
    const p = one(card('FN:A B', 'TEL;VALUE=uri;TYPE="voice,cell":tel:+1-555-555-0100;ext=12'));
    assert.deepStrictEqual(p.phones, ['+1-555-555-0100 ext. 12']);
  });

  it('builds the name from N when FN is missing, and unescapes \\, \\; \\n', () => {
    const p = one(card('N:Smith\\, Jr.;Anne;Marie;Prof.;', 'ORG:Acme\\; Partners;R&D;Lab 2', 'NOTE:a\\nb\\\\c'));
    assert.strictEqual(p.name, 'Anne Marie Smith');
    assert.strictEqual(p.credentials, 'Jr.', 'the escaped comma in the family name sets off a suffix');
    assert.strictEqual(p.honorific, 'Prof.');
    assert.strictEqual(p.institution, 'Acme; Partners');
    assert.strictEqual(p.department, 'R&D, Lab 2');
    assert.strictEqual(p.notes, 'a\nb\\c');
    assert.strictEqual(one(card('N:Lee;Mary,Ann;;;')).name, 'Mary Ann Lee', 'a list inside a component is joined with spaces');
  });

  it('handles groups, lower-case names, quoted parameters with colons, and vCard 2.1 bare parameters', () => {
    const p = one(card('item1.EMAIL;type=INTERNET:x@y.org', 'fn;LANGUAGE="en:us":Lee Park', 'TEL;WORK;PREF:111', 'TEL;HOME:222'));
    assert.strictEqual(p.name, 'Lee Park');
    assert.deepStrictEqual(p.emails, ['x@y.org']);
    assert.deepStrictEqual(p.phones, ['111', '222']);
  });

  it('reads LF-only files and a lone CR, and ignores blank lines between cards', () => {
    const text = 'BEGIN:VCARD\nFN:One\nEND:VCARD\n\n\nBEGIN:VCARD\rFN:Two\rEND:VCARD';
    assert.deepStrictEqual(parseVCards(text).people.map((p) => [p.line, p.name]), [[1, 'One'], [6, 'Two']]);
  });

  it('reports a card the file ends inside, and a file with no cards', () => {
    const r = parseVCards(`${card('FN:Ok')}BEGIN:VCARD\r\nFN:Cut off\r\n`);
    assert.deepStrictEqual(r.people.map((p) => p.name), ['Ok']);
    assert.deepStrictEqual(r.issues.map((i) => i.line), [5]);
    assert.match(parseVCards('hello').issues[0].reason, /no BEGIN:VCARD/);
  });

  it('leaves out company cards rather than making a person of them', () => {
    const r = parseVCards(card('FN:Acme Inc', 'ORG:Acme Inc;', 'X-ABShowAs:COMPANY'));
    assert.deepStrictEqual(r.people, []);
    assert.match(r.issues[0].reason, /company/);
  });

  it('does not let a soft break swallow END:VCARD', () => {
    const r = parseVCards('BEGIN:VCARD\r\nFN;ENCODING=QUOTED-PRINTABLE:Ann=\r\nEND:VCARD\r\n');
    assert.deepStrictEqual(r.people.map((p) => p.name), ['Ann=']);
  });

  it('unfolds by the rules: space or tab continues, other lines start a property', () => {
    assert.deepStrictEqual(unfold('A:1\r\n 2\r\n\t3\r\nB:4').map((l) => [l.line, l.text]), [[1, 'A:123'], [4, 'B:4']]);
  });

  it('decodes quoted-printable to bytes, including soft breaks and raw non-ASCII', () => {
    assert.deepStrictEqual([...decodeQuotedPrintable('a=3Db=\r\nc')], [0x61, 0x3d, 0x62, 0x63]);
    assert.strictEqual(new TextDecoder().decode(decodeQuotedPrintable('=E2=82=AC \xc3\xa9')), '€ é', 'raw bytes of a byte string stay bytes');
    assert.strictEqual(new TextDecoder().decode(decodeQuotedPrintable('=E2=82=AC ė')), '€ ė', 'text above U+00FF is written as UTF-8');
  });
});

describe('import: vCard character sets, card by card', () => {
  const CHARSETS = fs.readFileSync(path.join(__dirname, '../fixtures/import/charsets.vcf'));
  const parsed = parseVCards(CHARSETS);
  const byLine = new Map(parsed.people.map((p) => [p.line, p]));

  it('reads vCard 2.1 quoted-printable without CHARSET as Windows-1252 when it is not UTF-8', () => {
    assert.strictEqual(byLine.get(1)?.name, 'Jörg Müller');
    assert.deepStrictEqual(byLine.get(1)?.nameParts, { given: 'Jörg', additional: null, family: 'Müller' });
    assert.strictEqual(byLine.get(1)?.position, 'Oberarzt Chirurgie, Universitätsklinikum');
    assert.match(byLine.get(1)!.warnings.join(), /Windows-1252/);
  });

  it('keeps the space after a quoted-printable soft line break', () => {
    assert.strictEqual(byLine.get(7)?.name, 'María José García');
  });

  it('rejoins a fold inside a UTF-8 sequence (two- and four-byte) before decoding', () => {
    assert.strictEqual(byLine.get(13)?.name, 'Zoë Dupré 🌻');
    assert.deepStrictEqual(byLine.get(13)?.warnings, []);
  });

  it('decodes a Latin-1 card among UTF-8 cards without garbling the others', () => {
    assert.strictEqual(byLine.get(20)?.name, 'Françoise Lefèvre');
    assert.strictEqual(byLine.get(20)?.institution, 'Hôpital Saint-André');
    assert.strictEqual(byLine.get(38)?.name, 'Ngozi Adébáyọ̀');
  });

  it('uses a property\'s CHARSET: raw Shift_JIS (with 0x5C as a second byte), KOI8-R, Windows-1252 curly quotes', () => {
    assert.strictEqual(byLine.get(25)?.name, '山田 表子');
    assert.deepStrictEqual(byLine.get(25)?.nameParts, { given: '表子', additional: null, family: '山田' });
    assert.strictEqual(byLine.get(43)?.name, 'Seán “Jack” O’Brien');
    assert.strictEqual(byLine.get(47)?.name, 'Иван Петров');
  });

  it('lists a card it cannot decode with the reason, and imports the rest', () => {
    assert.deepStrictEqual(parsed.people.map((p) => p.line), [1, 7, 13, 20, 25, 38, 43, 47]);
    assert.deepStrictEqual(parsed.issues.map((i) => [i.line, i.kind]), [[30, 'undecodable'], [34, 'undecodable']]);
    assert.match(parsed.issues[0].reason, /4\.0 card must be UTF-8/);
    assert.match(parsed.issues[1].reason, /X-MAC-KLINGON/);
  });

  it('decides per card: a bad byte in one card does not change how another is read', () => {
    const utf8 = Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë\r\nEND:VCARD\r\n', 'utf8');
    const latin = Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ren\xe9\r\nEND:VCARD\r\n', 'latin1');
    assert.deepStrictEqual(parseVCards(Buffer.concat([latin, utf8])).people.map((p) => p.name), ['René', 'Zoë']);
    assert.deepStrictEqual(parseVCards(Buffer.concat([utf8, latin])).people.map((p) => p.name), ['Zoë', 'René']);
  });

  it('unfolds 40,000 folded lines in linear time', () => {
    const folded = `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nNOTE:x${'\r\n y'.repeat(40_000)}\r\nEND:VCARD\r\n`;
    const qp = `BEGIN:VCARD\r\nVERSION:2.1\r\nFN:A\r\nNOTE;ENCODING=QUOTED-PRINTABLE:x${'=\r\ny'.repeat(40_000)}\r\nEND:VCARD\r\n`;
    for (const text of [folded, qp]) {
      const started = performance.now();
      const r = parseVCards(text);
      assert.strictEqual(r.people[0].notes?.length, 40_001);
      assert.ok(performance.now() - started < 1500, `took ${performance.now() - started} ms`);
    }
  });
});
