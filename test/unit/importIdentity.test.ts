import * as assert from 'assert';
import { planImport, type ImportedPerson } from '../../src/core/import';
import { profileKey } from '../../src/core/import/plan';
import { emptyPerson } from '../../src/core/import/types';
import { MAX_SLUG_BYTES, safeNoteFileName, slugify } from '../../src/core/fileNames';
import { Vault } from '../../src/core/vault';
import { MemoryFs } from '../../src/core/vaultFs';

const TODAY = '2026-01-05';

async function vaultOf(files: Record<string, string>): Promise<Vault> {
  const vault = new Vault(new MemoryFs(files), { yieldToHost: () => Promise.resolve() });
  await vault.scan();
  return vault;
}

function person(name: string, extra: Partial<ImportedPerson> = {}, line = 2): ImportedPerson {
  return { ...emptyPerson('linkedin', line), name, ...extra };
}

describe('import: identity before names', () => {
  it('imports a namesake with a different profile URL or company under its own file name, flagged', async () => {
    const vault = await vaultOf({
      'contacts/jane-smith.md': '---\nname: Jane Smith\ninstitution: Mercy Hospital\nlinkedin: https://www.linkedin.com/in/jane-smith-mercy\n---\n',
    });
    const plan = planImport([
      person('Jane Smith', { linkedin: 'https://www.linkedin.com/in/jane-smith-4411', institution: 'Lakeside Clinic' }, 2),
      person('Jane Smith', { linkedin: 'http://linkedin.com/in/Jane-Smith-Mercy/', institution: 'Mercy Hospital' }, 3),
      person('Jane Smith', { linkedin: 'https://uk.linkedin.com/in/jane-smith-4411?trk=abc' }, 4),
      person('Jane Smith', { institution: 'Lakeside Clinic' }, 5),
      person('Jane Smith', { institution: 'Hilltop Medical' }, 6),
    ], vault, TODAY);
    assert.deepStrictEqual(plan.create.map((c) => [c.person.line, c.path, c.sameNameAs]), [
      [2, 'contacts/jane-smith-2.md', ['contacts/jane-smith.md']],
      [6, 'contacts/jane-smith-3.md', ['contacts/jane-smith.md', 'contacts/jane-smith-2.md']],
    ]);
    assert.deepStrictEqual(plan.existing.map((e) => [e.person.line, e.matchedPath, e.reason]), [
      [3, 'contacts/jane-smith.md', 'same profile URL'],
      [4, 'contacts/jane-smith-2.md', 'same profile URL'],
      [5, 'contacts/jane-smith-2.md', 'same name'],
    ]);
  });

  it('tells namesakes apart by email too, and matches by email before anything else', async () => {
    const vault = await vaultOf({ 'contacts/li-wei.md': '---\nname: Li Wei\nemail: li.wei@a.edu\n---\n' });
    const plan = planImport([
      person('Li Wei', { emails: ['liwei@b.org'] }, 2),
      person('Wei Li', { emails: ['LI.WEI@a.edu'] }, 3),
    ], vault, TODAY);
    assert.deepStrictEqual(plan.create.map((c) => [c.path, c.sameNameAs]), [['contacts/li-wei-2.md', ['contacts/li-wei.md']]]);
    assert.deepStrictEqual(plan.existing.map((e) => [e.person.line, e.reason]), [[3, 'same email']]);
  });

  it('reads profile URLs the same however they were copied', () => {
    assert.strictEqual(profileKey('https://www.linkedin.com/in/Jane-Doe-12/?trk=x'), 'linkedin.com/in/jane-doe-12');
    assert.strictEqual(profileKey('de.linkedin.com/in/jane-doe-12'), 'linkedin.com/in/jane-doe-12');
    assert.strictEqual(profileKey('https://linkedin.com/'), null);
  });

  it('plans 3,000 namesakes with a long shared slug, and 20,000 of one name, in linear time', async function () {
    this.timeout(60_000);
    const vault = await vaultOf({});
    const long = 'Alexandria Konstantinopoulou-Vasilakopoulou Papadimitriou';
    const namesakes = Array.from({ length: 3000 }, (_, i) => person(long, { emails: [`a${i}@x.org`] }, i + 2));
    let started = performance.now();
    const plan = planImport(namesakes, vault, TODAY);
    assert.strictEqual(plan.create.length, 3000);
    assert.strictEqual(new Set(plan.create.map((c) => c.path.toLowerCase())).size, 3000);
    assert.ok(performance.now() - started < 4000, `3,000 namesakes took ${performance.now() - started} ms`);
    const many = Array.from({ length: 20_000 }, (_, i) => person(`Pat Doe`, { emails: [`p${i}@x.org`] }, i + 2));
    started = performance.now();
    const big = planImport(many, vault, TODAY);
    assert.strictEqual(big.create.length, 20_000);
    // Quadratic (as before) this was minutes; linear it is a few seconds even on a busy machine.
    assert.ok(performance.now() - started < 20_000, `20,000 took ${performance.now() - started} ms`);
  });
});

describe('file names: capped in bytes', () => {
  it('keeps a slug of four-byte letters under the byte cap, with room for a suffix', () => {
    const name = '𐐷'.repeat(100);
    const slug = slugify(name);
    assert.ok(new TextEncoder().encode(slug).length <= MAX_SLUG_BYTES);
    assert.strictEqual(slug, '𐐷'.repeat(30));
    const taken = new Set([`contacts/${slug}.md`]);
    const next = safeNoteFileName(name, (p) => taken.has(p));
    assert.ok(new TextEncoder().encode(next).length <= MAX_SLUG_BYTES + 'contacts/.md'.length);
    assert.match(next, /-2\.md$/);
    assert.doesNotMatch(next, /[\uD800-\uDBFF]-/, 'never half a surrogate pair');
  });

  it('names 100,000 notes of one name without running out of suffixes', function () {
    this.timeout(30_000);
    const taken = new Set<string>();
    const counters = new Map<string, number>();
    for (let i = 0; i < 100_000; i++) taken.add(safeNoteFileName('Jane Smith', (x) => taken.has(x), { counters }).toLowerCase());
    assert.strictEqual(taken.size, 100_000);
  });

  it('resumes the suffix search from a shared counter', () => {
    const taken = new Set<string>();
    const counters = new Map<string, number>();
    let probes = 0;
    for (let i = 0; i < 2000; i++) {
      const p = safeNoteFileName('Jane Smith', (x) => {
        probes++;
        return taken.has(x);
      }, { counters });
      taken.add(p.toLowerCase());
    }
    assert.ok(probes < 5000, `${probes} probes`);
  });
});
