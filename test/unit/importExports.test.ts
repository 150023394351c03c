import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { planImport, readImport, type ImportedPerson } from '../../src/core/import';
import { splitCredentials, splitPersonName } from '../../src/core/import/credentials';
import { parseLooseDate } from '../../src/core/import/looseDate';
import { multiLine } from '../../src/core/import/types';
import { greetingName } from '../../src/core/templates/names';
import { Vault } from '../../src/core/vault';
import { MemoryFs } from '../../src/core/vaultFs';

const FIXTURES = path.join(__dirname, '../fixtures/import');

function read(file: string): ImportedPerson[] {
  const r = readImport(file, fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
  assert.ok(r.ok, JSON.stringify(r));
  assert.deepStrictEqual(r.parsed.issues, []);
  return r.parsed.people;
}

const summary = (p: ImportedPerson) => ({
  title: p.honorific, name: p.name, credentials: p.credentials, emails: p.emails, institution: p.institution, position: p.position,
});

describe('import: real exports as they are', () => {
  it('Google Contacts (current headers): Name Prefix, Name Suffix, Organization Title, ::: values', () => {
    const people = read('google-contacts.csv');
    assert.deepStrictEqual(summary(people[0]), {
      title: 'Dr.', name: 'Amara Okonkwo', credentials: 'MD, FACS', emails: ['amara.okonkwo@lakeside.example', 'a.okonkwo@alumni.example'],
      institution: 'Lakeside University Hospital', position: 'Program Director',
    });
    assert.deepStrictEqual(people[0].phones, ['+1 555 0101', '+1 555 0102']);
    assert.strictEqual(people[0].department, 'Department of Surgery');
    assert.strictEqual(people[0].linkedin, 'https://www.linkedin.com/in/amara-okonkwo-md');
    assert.deepStrictEqual(people[1].nameParts, { given: 'Sofía', additional: 'Beatriz', family: 'Hernández-López' });
    assert.deepStrictEqual(people[1].emails, ['sofia.hl@example.org', 'shl@icn.example'], 'E-mail 2 - Value is read too');
    assert.strictEqual(people[1].notes, 'Met at SRS.\nAsk about the lab.');
    assert.deepStrictEqual([people[2].honorific, people[2].name], ['Prof.', 'Björn Åkesson']);
  });

  it('Google Contacts (old headers): Organization 1 - Title over an empty Occupation, "Family, Given" names', () => {
    const people = read('google-legacy.csv');
    assert.deepStrictEqual(summary(people[0]), {
      title: 'Dr.', name: 'Kwame Mensah', credentials: null, emails: ['kwame.mensah@example.edu', 'kmensah@example.org'],
      institution: 'Harbor General', position: 'Chief Resident',
    });
    assert.strictEqual(people[1].name, 'Wei Chen');
  });

  it('Outlook CSV: Title is the honorific, Suffix the credentials, E-mail Display Name is not the name', () => {
    const people = read('outlook-contacts.csv');
    assert.deepStrictEqual(summary(people[0]), {
      title: 'Dr.', name: "Hannah R. O'Brien", credentials: 'Jr.', emails: ['hannah.obrien@stmarys.example', 'hob@gmail.example'],
      institution: "St. Mary's Hospital", position: 'Associate Program Director',
    });
    assert.deepStrictEqual(people[1].urls, ['http://example.es/luis']);
  });

  it('LinkedIn: every date format it has used, urn:li:member never an email, credentials from the last name', () => {
    const people = read('Connections-mixed.csv');
    assert.deepStrictEqual(people.map((p) => [p.line, p.name, p.credentials, p.met]), [
      [5, 'Jane Smith', 'MD, FACS', '2020-01-01'],
      [6, 'Jane Smith', null, '2018-01-08'],
      [7, 'Jane Smith', null, '2020-01-01'],
      [8, 'Rahul Verma', null, '2019-12-31'],
      [9, 'Ana Costa', null, '2019-06-03'],
    ]);
    assert.deepStrictEqual(people[1].emails, []);
    assert.match(people[1].warnings.join(), /urn:li:member:123456789' is not an email address/);
    assert.strictEqual(people[3].honorific, 'Dr.');
  });

  it('LinkedIn: namesakes with different profiles are all imported; the same profile twice is one person', async () => {
    const vault = new Vault(new MemoryFs({}), { yieldToHost: () => Promise.resolve() });
    await vault.scan();
    const plan = planImport(read('Connections-mixed.csv'), vault, '2026-01-05');
    assert.deepStrictEqual(plan.create.map((c) => [c.person.line, c.path, c.sameNameAs]), [
      [5, 'contacts/jane-smith.md', []],
      [6, 'contacts/jane-smith-2.md', ['contacts/jane-smith.md']],
      [8, 'contacts/rahul-verma.md', []],
      [9, 'contacts/ana-costa.md', []],
    ]);
    assert.deepStrictEqual(plan.existing.map((e) => [e.person.line, e.matchedPath, e.reason]), [[7, 'contacts/jane-smith.md', 'same profile URL']]);
    const jane = plan.create[0].text;
    assert.match(jane, /^name: "Jane Smith"$/m);
    assert.match(jane, /^credentials: "MD, FACS"$/m);
  });

  it('reads LinkedIn dates with times, in US order, and refuses an ambiguous date elsewhere', () => {
    assert.deepStrictEqual(parseLooseDate('1/8/18, 6:14 PM', 'mdy'), { ok: true, date: '2018-01-08' });
    assert.deepStrictEqual(parseLooseDate('2020-01-08 14:06:00 UTC'), { ok: true, date: '2020-01-08' });
    assert.deepStrictEqual(parseLooseDate('2020-01-08T14:06:00Z'), { ok: true, date: '2020-01-08' });
    assert.deepStrictEqual(parseLooseDate('08 Jan 2020'), { ok: true, date: '2020-01-08' });
    assert.strictEqual(parseLooseDate('1/8/18').ok, false);
  });

  it('splits credentials and suffixes into their own field, and keeps surnames that look like degrees', () => {
    assert.deepStrictEqual(splitCredentials('Jane Smith, MD, FACS'), { name: 'Jane Smith', credentials: 'MD, FACS' });
    assert.deepStrictEqual(splitCredentials('Raj Patel MD PhD'), { name: 'Raj Patel', credentials: 'MD PhD' });
    assert.deepStrictEqual(splitCredentials('Martin Luther King, Jr.'), { name: 'Martin Luther King', credentials: 'Jr.' });
    assert.deepStrictEqual(splitCredentials('Ann Lee, PharmD, BCPS'), { name: 'Ann Lee', credentials: 'PharmD, BCPS' });
    assert.deepStrictEqual(splitCredentials('Anh Do'), { name: 'Anh Do', credentials: null });
    assert.deepStrictEqual(splitCredentials('Smith, Jane'), { name: 'Smith, Jane', credentials: null });
    assert.deepStrictEqual(splitCredentials('Smith, JANE'), { name: 'Smith, JANE', credentials: null });
    assert.deepStrictEqual(splitPersonName('Dr. Maya Okafor, M.D.'), { name: 'Maya Okafor', honorific: 'Dr.', credentials: 'M.D.' });
  });

  it('leaves credentials out of greetings', () => {
    assert.strictEqual(greetingName('Jane Smith, MD, FACS', null), 'Jane Smith');
    assert.strictEqual(greetingName('Jane Smith, MD, FACS', 'Dr.'), 'Dr. Smith');
    assert.strictEqual(greetingName('Anh Do', null), 'Anh Do');
  });

  it('reads a 100 KB cell of spaces in linear time', () => {
    const csv = `Name,Notes\r\nAnn Lee,"x${' '.repeat(100_000)}y${' '.repeat(100_000)}"\r\n`;
    const started = performance.now();
    const r = readImport('x.csv', csv);
    assert.ok(r.ok);
    assert.strictEqual(r.parsed.people[0].notes?.length, 100_002);
    assert.ok(performance.now() - started < 2000, `took ${performance.now() - started} ms`);
    const t = performance.now();
    assert.strictEqual(multiLine(`a${' '.repeat(200_000)}b\n`), `a${' '.repeat(200_000)}b`);
    assert.ok(performance.now() - t < 1000);
  });
});
