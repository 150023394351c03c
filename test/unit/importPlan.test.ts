import * as assert from 'assert';
import { assertLinear } from './scaling';
import * as fs from 'fs';
import * as path from 'path';
import { planImport, readImport, type ImportedPerson } from '../../src/core/import';
import { normaliseName } from '../../src/core/import/names';
import { emptyPerson } from '../../src/core/import/types';
import { parseNote } from '../../src/core/parseNote';
import { evaluateVault } from '../../src/core/rules';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { ContactNote } from '../../src/core/types';
import { Vault } from '../../src/core/vault';
import { MemoryFs } from '../../src/core/vaultFs';

const TODAY = '2026-01-05';

async function vaultOf(files: Record<string, string>): Promise<Vault> {
  const vault = new Vault(new MemoryFs(files), { yieldToHost: () => Promise.resolve() });
  await vault.scan();
  return vault;
}

function person(name: string, extra: Partial<ImportedPerson> = {}, line = 2): ImportedPerson {
  return { ...emptyPerson('csv', line), name, ...extra };
}

function contactOf(p: string, text: string): ContactNote {
  const note = parseNote(p, text);
  assert.strictEqual(note.kind, 'contact');
  assert.deepStrictEqual(note.problems, [], `problems in ${p}:\n${text}`);
  return note;
}

describe('import: plan', () => {
  it('matches existing notes by email first (any case), then by normalised name, and never plans over them', async () => {
    const vault = await vaultOf({
      'contacts/maya.md': '---\nname: Dr. Maya Okafor\nemail: Maya.Okafor@Example.edu\n---\n',
      'people/jose.md': '---\ntype: contact\nname: José Núñez-García\n---\n',
    });
    const plan = planImport([
      person('M. Okafor', { emails: ['MAYA.OKAFOR@example.edu'] }, 2),
      person('Maya Okafor, MD', {}, 3),
      person('jose nunez garcia', { emails: ['new@x.org'] }, 4),
      person('Jose Nuñez Garcia PhD', {}, 5),
    ], vault, TODAY);
    assert.deepStrictEqual(plan.existing.map((e) => [e.person.line, e.matchedPath, e.reason]), [
      [2, 'contacts/maya.md', 'same email'],
      [3, 'contacts/maya.md', 'same name'],
      [4, 'people/jose.md', 'same name'],
      [5, 'people/jose.md', 'same name'],
    ]);
    assert.deepStrictEqual(plan.create, []);
  });

  it('matches earlier rows of the same file, by email and then by name', async () => {
    const vault = await vaultOf({});
    const plan = planImport([
      person('Ann Lee', { emails: ['ann@x.org'] }, 2),
      person('Annie Lee', { emails: ['ANN@x.org', 'annie@y.org'] }, 3),
      person('Someone Else', { emails: ['annie@y.org'] }, 4),
      person('ann  LEE', {}, 5),
    ], vault, TODAY);
    assert.deepStrictEqual(plan.create.map((c) => c.path), ['contacts/ann-lee.md']);
    assert.deepStrictEqual(plan.existing.map((e) => [e.person.line, e.matchedPath, e.reason]), [
      [3, 'contacts/ann-lee.md', 'same email'],
      [4, 'contacts/ann-lee.md', 'same email'],
      [5, 'contacts/ann-lee.md', 'same name'],
    ]);
  });

  it('gives unique file names to different people who would share one, and avoids existing files in any case', async () => {
    const vault = await vaultOf({ 'contacts/Jane-Smith.md': '---\ntype: conference\nname: Not a person\n---\n' });
    const plan = planImport([person("Jane O'Neil"), person('Jane O Neil'), person('Jane Smith')], vault, TODAY);
    assert.deepStrictEqual(plan.create.map((c) => c.path), ['contacts/jane-o-neil.md', 'contacts/jane-o-neil-2.md', 'contacts/jane-smith-2.md']);
  });

  it('skips rows without a name, saying why, and merges reader issues by line', async () => {
    const vault = await vaultOf({});
    const plan = planImport([
      person('', { emails: ['x@y.org'] }, 4),
      person('   ', {}, 6),
      person('—', {}, 7),
      person('Real Person', {}, 8),
    ], vault, TODAY, { issues: [{ line: 5, reason: 'row has 2 fields but the header has 3' }, { line: 1, reason: 'first' }] });
    assert.deepStrictEqual(plan.skipped, [
      { line: 1, reason: 'first' },
      { line: 4, reason: "no name (only 'x@y.org')", kind: 'no-name' },
      { line: 5, reason: 'row has 2 fields but the header has 3' },
      { line: 6, reason: 'no name', kind: 'no-name' },
      { line: 7, reason: "name '—' has no letters or digits", kind: 'no-name' },
    ]);
    assert.strictEqual(plan.create.length, 1);
  });

  it('writes notes that parseNote reads with no problems and the right fields, the role marked as a guess', async () => {
    const vault = await vaultOf({});
    const p = person('Maya Okafor', {
      source: 'linkedin', emails: ['maya@x.edu', 'm2@x.edu'], phones: ['+1 555 0100'], institution: 'Riverside Medical Center',
      department: 'Plastic Surgery', position: 'Assistant Professor of Surgery', met: '2025-03-12',
      linkedin: 'https://www.linkedin.com/in/maya', urls: ['https://maya.example'], honorific: 'Dr.', notes: 'Line one\n\nLine three',
    });
    const [c] = planImport([p], vault, TODAY).create;
    assert.strictEqual(c.path, 'contacts/maya-okafor.md');
    const note = contactOf(c.path, c.text);
    assert.strictEqual(note.name, 'Maya Okafor');
    assert.strictEqual(note.title, 'Dr.');
    assert.strictEqual(note.role, 'faculty');
    assert.strictEqual(note.institution, 'Riverside Medical Center');
    assert.strictEqual(note.position, 'Assistant Professor of Surgery');
    assert.strictEqual(note.email, 'maya@x.edu');
    assert.strictEqual(note.phone, '+1 555 0100');
    assert.strictEqual(note.met, '2025-03-12');
    assert.strictEqual(note.status, 'active');
    assert.strictEqual(note.frontmatter.role_guessed, 'true');
    assert.strictEqual(note.frontmatter.source, 'linkedin');
    assert.strictEqual(note.frontmatter.linkedin, 'https://www.linkedin.com/in/maya');
    assert.strictEqual(note.frontmatter.website, 'https://maya.example');
    assert.strictEqual(note.frontmatter.department, 'Plastic Surgery');
    assert.strictEqual(note.frontmatter.imported, TODAY);
    assert.match(c.text, /^role: "faculty" {2}# guessed from "Assistant Professor of Surgery" — please confirm$/m);
    assert.match(c.text, /^- Other email: m2@x\.edu$/m);
    assert.match(c.text, /^> Line one\n>\n> Line three$/m);
    assert.deepStrictEqual(note.interactions, [], 'a connection date is not a logged meeting');
    assert.deepStrictEqual(note.tasks, []);
  });

  it('keeps names and values with quotes, colons, #, backslashes, newlines and [[ exact, and makes no links', async () => {
    const vault = await vaultOf({});
    const nasty = [
      'Dr. "Q" O\'Brien: #1',
      'Back\\slash \\n Name',
      'Name with [[Link]] and <b>',
      '- [ ] not a task',
      '<<<<<<< HEAD',
      'Ünïcödé 名前 😀',
    ];
    const people = nasty.map((name, i) => person(name, {
      position: `Chief of: #${i} "Surgery" [[Dept]]\nsecond line`, institution: `Inst: ${name}`, notes: `## Interactions\n- 2026-01-01 met: fake\n- [ ] fake task\n<<<<<<< x\n---\n[[Nope]]`,
    }, i + 2));
    people.push(person('Two\nLines\r\nName', {}, 20));
    const plan = planImport(people, vault, TODAY);
    assert.strictEqual(plan.create.length, nasty.length + 1);
    assert.strictEqual(contactOf('contacts/x.md', plan.create[nasty.length].text).name, 'Two Lines Name');
    plan.create.pop();
    for (const [i, c] of plan.create.entries()) {
      const note = contactOf(c.path, c.text);
      assert.strictEqual(note.name, nasty[i]);
      assert.strictEqual(note.institution, `Inst: ${nasty[i]}`);
      assert.strictEqual(note.position, `Chief of: #${i} "Surgery" [[Dept]]\nsecond line`);
      assert.deepStrictEqual(note.links, []);
      assert.deepStrictEqual(note.interactions, []);
      assert.deepStrictEqual(note.tasks, []);
      assert.strictEqual(note.role, 'chair');
      assert.ok(!c.text.includes('[['), c.text);
      assert.match(c.path, /^contacts\/[^/\\:"*?<>|#[\]]+\.md$/);
    }
  });

  it('gives notes whose connection date is long past no follow-up to do', async () => {
    const vault = await vaultOf({});
    const plan = planImport([person('Old Connection', { source: 'linkedin', met: '2019-05-01', position: 'Resident' })], vault, TODAY);
    for (const c of plan.create) vault.upsert(c.path, c.text);
    assert.deepStrictEqual([...evaluateVault(vault, TODAY, DEFAULT_SETTINGS).keys()], []);
  });

  it('plans the three fixtures end to end', async () => {
    const vault = await vaultOf({ 'contacts/maya.md': '---\nname: Maya Okafor\nemail: maya.okafor@example.edu\n---\n' });
    const dir = path.join(__dirname, '../fixtures/import');
    const counts: Record<string, number[]> = {};
    for (const file of ['Connections.csv', 'contacts.vcf', 'generic.csv']) {
      const r = readImport(file, fs.readFileSync(path.join(dir, file), 'utf8'));
      assert.ok(r.ok);
      const plan = planImport(r.parsed.people, vault, TODAY, { issues: r.parsed.issues });
      counts[file] = [plan.create.length, plan.existing.length, plan.skipped.length];
      for (const c of plan.create) contactOf(c.path, c.text);
    }
    assert.deepStrictEqual(counts, { 'Connections.csv': [6, 2, 2], 'contacts.vcf': [3, 1, 2], 'generic.csv': [3, 1, 1] });
  });

  it('plans 10,000 LinkedIn rows, and the work grows linearly with the rows', async () => {
    const csv = (n: number) => {
      const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
      for (let i = 0; i < n; i++) lines.push(`First${i},"Last, ${i}",https://www.linkedin.com/in/p${i},p${i}@example.org,Hospital ${i % 50},Assistant Professor of Surgery,${(i % 28) + 1} Mar 2025`);
      return lines.join('\r\n');
    };
    const empty = await vaultOf({});
    const r = readImport('Connections.csv', csv(10_000));
    assert.ok(r.ok);
    assert.strictEqual(planImport(r.parsed.people, empty, TODAY).create.length, 10_000);
    assertLinear('LinkedIn rows', (n) => {
      const text = csv(n);
      return () => {
        const read = readImport('Connections.csv', text);
        assert.ok(read.ok);
        planImport(read.parsed.people, empty, TODAY);
      };
    }, 1_000);
  });
});

describe('import: name normalisation', () => {
  it('ignores case, accents, punctuation, spacing, a leading honorific and trailing degrees', () => {
    assert.strictEqual(normaliseName('Dr. José  Núñez-García, MD, PhD'), 'jose nunez garcia');
    assert.strictEqual(normaliseName("JANE O'NEIL"), 'jane oneil');
    assert.strictEqual(normaliseName('Prof Ann Lee FACS'), 'ann lee');
  });

  it('never cuts a name below two words, so a surname that looks like a degree survives', () => {
    assert.strictEqual(normaliseName('Anh Do'), 'anh do');
    assert.strictEqual(normaliseName('Dr Smith'), 'dr smith');
    assert.notStrictEqual(normaliseName('Anh Do'), normaliseName('Anh'));
  });
});
