import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readImport } from '../../src/core/import';
import { guessMapping, parseGenericCsv, parseMappingSpec, resolveMapping } from '../../src/core/import/generic';

const FIXTURE = fs.readFileSync(path.join(__dirname, '../fixtures/import/generic.csv'), 'utf8');

describe('import: generic CSV and column mapping', () => {
  it('guesses a mapping from header synonyms, ignoring case and punctuation', () => {
    assert.deepStrictEqual(guessMapping(['Full Name', 'E-mail', 'Hospital', 'Job Title', 'Mobile', 'Date met', 'Comments']), {
      name: 'Full Name', email: 'E-mail', institution: 'Hospital', position: 'Job Title', phone: 'Mobile', met: 'Date met', notes: 'Comments',
    });
    assert.deepStrictEqual(guessMapping(['first_name', 'LAST NAME', 'Email Address', 'Company', 'Title']), {
      firstName: 'first_name', lastName: 'LAST NAME', email: 'Email Address', institution: 'Company', position: 'Title',
    });
  });

  it('prefers "Job Title" over "Title" (Outlook uses Title for Dr.) and never takes a mailing address for email', () => {
    const m = guessMapping(['Title', 'First Name', 'Last Name', 'Job Title', 'Mailing Address', 'E-mail Address']);
    assert.strictEqual(m.position, 'Job Title');
    assert.strictEqual(m.email, 'E-mail Address');
    assert.deepStrictEqual(guessMapping(['Name', 'Mailing Address']), { name: 'Name' });
  });

  it('reads Google Contacts style headers by pattern', () => {
    const m = guessMapping(['Name', 'E-mail 1 - Value', 'Phone 1 - Value', 'Organization 1 - Name', 'Organization 1 - Title', 'LinkedIn profile']);
    assert.deepStrictEqual(m, {
      name: 'Name', email: 'E-mail 1 - Value', phone: 'Phone 1 - Value', institution: 'Organization 1 - Name', position: 'Organization 1 - Title', url: 'LinkedIn profile',
    });
  });

  it("reads Google's and Outlook's own exports", () => {
    assert.deepStrictEqual(guessMapping(['First Name', 'Middle Name', 'Last Name', 'Organization Title', 'Organization Name', 'E-mail 1 - Value', 'Phone 1 - Value']), {
      firstName: 'First Name', middleName: 'Middle Name', lastName: 'Last Name', position: 'Organization Title', institution: 'Organization Name', email: 'E-mail 1 - Value', phone: 'Phone 1 - Value',
    });
    assert.deepStrictEqual(guessMapping(['Title', 'First Name', 'Middle Name', 'Last Name', 'Suffix', 'Nickname', 'E-mail Address', 'Business Phone', 'Mobile Phone', 'Company', 'Department', 'Job Title', 'Notes']), {
      firstName: 'First Name', middleName: 'Middle Name', lastName: 'Last Name', email: 'E-mail Address', phone: 'Mobile Phone',
      institution: 'Company', department: 'Department', position: 'Job Title', notes: 'Notes', prefix: 'Title', suffix: 'Suffix',
    });
  });

  it('parses --map, with aliases, an empty value to drop a column, and a header containing a comma', () => {
    assert.deepStrictEqual(parseMappingSpec('name=Full Name,email=E-mail, company = Org ,phone='), {
      mapping: { name: 'Full Name', email: 'E-mail', institution: 'Org', phone: null }, errors: [],
    });
    assert.deepStrictEqual(parseMappingSpec('notes=Comments, misc').mapping, { notes: 'Comments, misc' });
    assert.match(parseMappingSpec('nickname=Nick').errors[0], /unknown field 'nickname'/);
  });

  it('resolves: the guess, then the remembered mapping, then --map, which must name real columns', () => {
    const headers = ['Name', 'Work Email', 'Personal Email', 'Org'];
    assert.strictEqual(resolveMapping(headers, null, null).mapping.email, 'Work Email');
    assert.strictEqual(resolveMapping(headers, { email: 'Personal Email' }, null).mapping.email, 'Personal Email');
    assert.strictEqual(resolveMapping(headers, { email: 'Gone Column' }, null).mapping.email, 'Work Email');
    assert.strictEqual(resolveMapping(headers, { email: 'Personal Email' }, { email: 'work email' }).mapping.email, 'Work Email');
    assert.strictEqual(resolveMapping(headers, null, { email: null }).mapping.email, undefined);
    assert.match(resolveMapping(headers, null, { email: 'Nope' }).errors[0], /no column named 'Nope'/);
  });

  it('reads the semicolon fixture: multi-line notes, several date shapes, emails split', () => {
    const r = readImport('generic.csv', FIXTURE);
    assert.ok(r.ok);
    const { people, issues } = r.parsed;
    assert.deepStrictEqual(issues, []);
    assert.deepStrictEqual(people.map((p) => [p.line, p.name]), [
      [2, 'Hannah Brooks'], [4, 'Tomás "Tom" Alvarez'], [5, 'Hannah Brooks'], [6, ''], [7, 'Li, "Wen"'],
    ]);
    assert.deepStrictEqual([people[0].credentials, people[1].honorific], ['MD', 'Dr.'], 'credentials and the title go to their own fields');
    assert.strictEqual(people[0].notes, 'Gave great advice on away rotations.\nFollow up after ASPS.');
    assert.strictEqual(people[0].met, '2025-04-02');
    assert.deepStrictEqual(people[0].phones, ['+1 555 010 5000']);
    assert.strictEqual(people[1].met, '2025-04-15');
    assert.strictEqual(people[4].met, null);
    assert.match(people[4].warnings[0], /Date met '3\/4\/2025' not used/);
  });

  it('builds the name from first and last name columns, and splits several emails in one cell', () => {
    const text = 'First,Last,Emails\nAnn,Lee,"a@x.org; b@y.org"\n,Solo,\n';
    const r = parseGenericCsv(text, guessMapping(['First', 'Last', 'Emails']));
    assert.deepStrictEqual(r.people.map((p) => [p.name, p.emails]), [['Ann Lee', ['a@x.org', 'b@y.org']], ['Solo', []]]);
  });

  it('refuses a CSV with no name column, and a --map naming a missing column', () => {
    const noName = readImport('x.csv', 'Email,Phone\na@b.org,1\n');
    assert.ok(!noName.ok && noName.error === 'no-name-column');
    const bad = readImport('x.csv', 'Name,Email\nA,a@b.org\n', { override: { email: 'Mail' } });
    assert.ok(!bad.ok && bad.error === 'bad-mapping');
    const empty = readImport('x.csv', '\n\n');
    assert.ok(!empty.ok && empty.error === 'empty');
  });

  it('reports ragged rows with their line', () => {
    const r = parseGenericCsv('Name,Email\nA,a@x.org\nB\nC,c@x.org,extra\nD,d@x.org\n', { name: 'Name', email: 'Email' });
    assert.deepStrictEqual(r.people.map((p) => p.name), ['A', 'D']);
    assert.deepStrictEqual(r.issues.map((i) => i.line), [3, 4]);
  });
});
