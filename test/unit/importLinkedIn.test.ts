import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { detectFormat } from '../../src/core/import';
import { findLinkedInHeader, parseLinkedIn } from '../../src/core/import/linkedin';
import { parseLooseDate } from '../../src/core/import/looseDate';

const FIXTURE = fs.readFileSync(path.join(__dirname, '../fixtures/import/Connections.csv'), 'utf8');
const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

describe('import: LinkedIn connections', () => {
  it('finds the header after the "Notes:" preamble and a blank line, with a BOM and CRLF', () => {
    assert.strictEqual(FIXTURE.charCodeAt(0), 0xfeff);
    assert.deepStrictEqual(findLinkedInHeader(FIXTURE)?.line, 4);
    assert.deepStrictEqual(findLinkedInHeader(`${HEADER}\n`), { offset: 0, line: 1 });
    assert.strictEqual(findLinkedInHeader('Name,Email\nJane,j@x.org\n'), null);
  });

  it('reads every row with its file line number and fields', () => {
    const { people, issues } = parseLinkedIn(FIXTURE);
    assert.deepStrictEqual(people.map((p) => p.line), [5, 6, 7, 8, 9, 10, 11, 12, 14]);
    const maya = people[0];
    assert.strictEqual(maya.source, 'linkedin');
    assert.strictEqual(maya.name, 'Maya Okafor');
    assert.deepStrictEqual(maya.emails, ['maya.okafor@example.edu']);
    assert.strictEqual(maya.linkedin, 'https://www.linkedin.com/in/maya-okafor-example');
    assert.strictEqual(maya.institution, 'Riverside University Medical Center');
    assert.strictEqual(maya.position, 'Assistant Professor of Surgery');
    assert.strictEqual(maya.met, '2025-03-12');
    const daniel = people[1];
    assert.strictEqual(daniel.name, 'Daniel Reyes');
    assert.strictEqual(daniel.credentials, 'MD');
    assert.deepStrictEqual(daniel.emails, []);
    assert.strictEqual(daniel.institution, 'Lakeshore Health, Division of Plastic Surgery');
    assert.strictEqual(daniel.met, '2024-01-03');
    assert.strictEqual(people[6].name, '', 'a private member has no name');
    assert.deepStrictEqual(issues.map((i) => i.line), [13]);
    assert.match(issues[0].reason, /9 fields but the header has 7/);
  });

  it('keeps an impossible connection date out of the note and says why on the person', () => {
    const grace = parseLinkedIn(FIXTURE).people.find((p) => p.name === 'Grace Kim')!;
    assert.strictEqual(grace.met, null);
    assert.deepStrictEqual(grace.warnings, ["Connected On '31 Feb 2025' not used: February 2025 has 28 days, not 31"]);
  });

  it('finds columns by name, whatever their order', () => {
    const text = 'Connected On,Position,Company,Email Address,URL,Last Name,First Name\n01 Jan 2026,Resident,Mercy,a@b.org,,Doe,Ann\n';
    const [p] = parseLinkedIn(text).people;
    assert.deepStrictEqual([p.name, p.position, p.institution, p.emails[0], p.met], ['Ann Doe', 'Resident', 'Mercy', 'a@b.org', '2026-01-01']);
  });

  it('reports a file without the header instead of guessing', () => {
    const r = parseLinkedIn('Name,Email\nJane,j@x.org\n');
    assert.deepStrictEqual(r.people, []);
    assert.match(r.issues[0].reason, /no LinkedIn header row/);
  });

  it('is detected by its header, not only by its name', () => {
    assert.strictEqual(detectFormat('Connections.csv', FIXTURE), 'linkedin');
    assert.strictEqual(detectFormat('export (1).csv', FIXTURE), 'linkedin');
    assert.strictEqual(detectFormat('export.txt', FIXTURE), 'linkedin');
    assert.strictEqual(detectFormat('people.csv', 'Name,Email\n'), 'csv');
    assert.strictEqual(detectFormat('people.txt', 'Name,Email\n'), null);
    assert.strictEqual(detectFormat('me.VCF', 'junk'), 'vcard');
    assert.strictEqual(detectFormat('me.txt', '\uFEFF\r\nBEGIN:VCARD\r\n'), 'vcard');
  });
});

describe('import: dates in exports', () => {
  const ok = (text: string) => {
    const r = parseLooseDate(text);
    return r.ok ? r.date : `! ${r.reason}`;
  };

  it("reads LinkedIn's day-month-year and the other common shapes, never shifting the day", () => {
    assert.strictEqual(ok('12 Mar 2025'), '2025-03-12');
    assert.strictEqual(ok('1 January 2024'), '2024-01-01');
    assert.strictEqual(ok('31 Dec 2025'), '2025-12-31');
    assert.strictEqual(ok('12-Mar-25'), '2025-03-12');
    assert.strictEqual(ok('Mar 12, 2025'), '2025-03-12');
    assert.strictEqual(ok('March 3rd, 2025'), '2025-03-03');
    assert.strictEqual(ok('2025-03-12'), '2025-03-12');
    assert.strictEqual(ok('2025/3/12'), '2025-03-12');
    assert.strictEqual(ok('29 Feb 2024'), '2024-02-29');
  });

  it('takes a slashed date only when the day cannot be the month', () => {
    assert.strictEqual(ok('4/15/2025'), '2025-04-15');
    assert.strictEqual(ok('15/4/2025'), '2025-04-15');
    assert.strictEqual(ok('5/5/2025'), '2025-05-05');
    assert.match(ok('3/4/2025'), /either way round/);
  });

  it('refuses impossible or unknown dates with a reason', () => {
    assert.match(ok('29 Feb 2025'), /February 2025 has 28 days/);
    assert.match(ok('12 Foo 2025'), /not a date/);
    assert.match(ok('yesterday'), /not a date/);
    assert.match(ok(''), /empty/);
  });
});
