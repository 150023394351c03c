import * as assert from 'assert';
import { Vault } from '../../src/core/vault';
import { MemoryFs, type Listing, type ReadResult, type VaultFs } from '../../src/core/vaultFs';

const FILES: Record<string, string> = {
  'profile.md': '---\nname: Alex Student\nschool: Northfield SOM\nyear: M4\n---\n',
  'conferences/asps-2026.md': '---\nname: ASPS 2026\nstart: 2026-10-09\nend: 2026-10-12\nshortlist: ["[[Jane Smith]]", Omar Haddad]\n---\n',
  'rotations/lakeside-away.md': '---\nname: Lakeside Away\nkind: away\nstart: 2026-11-02\nend: 2026-11-27\ncontacts: ["[[Priya Nair]]"]\n---\n',
  'contacts/jane-smith.md': '---\nname: Jane Smith\nrole: faculty\nmentor: external\nmet_at: "[[ASPS 2026]]"\n---\nSee [[Omar Haddad]].\n',
  'contacts/omar-haddad.md': '---\nname: Omar Haddad\nrole: resident\nmet_at: ASPS 2026\n---\n',
  'contacts/priya-nair.md': '---\nname: Priya Nair\nrole: faculty\nmet_at: "[[Lakeside Away]]"\n---\n',
  'contacts/lee-park.md': '---\nname: Lee Park\nrole: faculty\nmet_at: "[[ASPS 2026]]"\n---\n',
  'contacts/sam-sponsor.md': '---\nname: Sam Sponsor\nrole: faculty\nsponsor: true\nmentor: faculty\n---\n',
  'contacts/pat-pd.md': '---\nname: Pat PD\nrole: pd\n---\n',
  'contacts/broken.md': '---\nname: [\n---\n',
  'templates/contact.md': '---\nname: "{{name}}"\n---\n',
  '.obsidian/workspace.md': 'x',
  'notes/ideas.md': 'Link to [[Nobody Here]].',
};

async function loaded(files = FILES): Promise<Vault> {
  const vault = new Vault(new MemoryFs(files));
  await vault.scan();
  return vault;
}

describe('Vault index', () => {
  it('indexes notes and leaves out templates and dot-folders', async () => {
    const vault = await loaded();
    assert.deepStrictEqual(vault.paths(), Object.keys(FILES).filter((p) => !p.startsWith('templates/') && !p.startsWith('.')).sort());
    assert.strictEqual(vault.profile()?.name, 'Alex Student');
    assert.strictEqual(vault.contacts().length, 7);
  });

  it('groups contacts: sponsors, mentors by kind, residents, leadership, faculty, conference leads, others', async () => {
    const vault = await loaded();
    const groups = Object.fromEntries([...vault.groups()].map(([g, cs]) => [g, cs.map((c) => c.name)]));
    assert.deepStrictEqual(groups, {
      'mentor-faculty': [],
      'mentor-resident': [],
      'mentor-external': ['Jane Smith'],
      'mentor-peer': [],
      sponsors: ['Sam Sponsor'],
      residents: ['Omar Haddad'],
      'program-leadership': ['Pat PD'],
      // Faculty met on a rotation, neither mentor, sponsor nor leadership.
      faculty: ['Priya Nair'],
      'conference-leads': ['Lee Park'],
      others: ['broken'],
    });
  });

  it('resolves links by name or file name, ignoring case', async () => {
    const vault = await loaded();
    assert.strictEqual(vault.resolve('asps 2026')?.path, 'conferences/asps-2026.md');
    assert.strictEqual(vault.resolve('asps-2026')?.path, 'conferences/asps-2026.md');
    assert.strictEqual(vault.resolve('Contacts/Jane-Smith.md')?.path, 'contacts/jane-smith.md');
    assert.strictEqual(vault.resolve('Nobody'), undefined);
    const asps = vault.resolve('ASPS 2026');
    assert.ok(asps && asps.kind === 'conference');
    assert.deepStrictEqual(vault.contactsOf(asps).map((c) => c.name), ['Jane Smith', 'Lee Park', 'Omar Haddad']);
  });

  it('reports unresolved links on the link itself, and only those', async () => {
    const vault = await loaded();
    assert.deepStrictEqual(vault.problemsFor('notes/ideas.md').map((p) => [p.code, p.range.start.character]), [['unresolved-link', 8]]);
    assert.deepStrictEqual(vault.problemsFor('contacts/jane-smith.md'), []);
    assert.deepStrictEqual(vault.problemsFor('contacts/broken.md').map((p) => p.code), ['frontmatter-invalid']);
  });

  it('updates one note incrementally and names the notes affected by it', async () => {
    const vault = await loaded();
    const change = vault.upsert('conferences/asps-2026.md', '---\nname: ASPS 2026\nstart: 2026-10-10\n---\n');
    assert.deepStrictEqual(change.changed.sort(), ['conferences/asps-2026.md', 'contacts/jane-smith.md', 'contacts/lee-park.md', 'contacts/omar-haddad.md']);
    assert.strictEqual(vault.size, 11);

    // A new note that satisfies a dangling link clears its problem.
    const created = vault.upsert('contacts/nobody-here.md', '---\nname: Nobody Here\n---\n');
    assert.deepStrictEqual(created.changed.sort(), ['contacts/nobody-here.md', 'notes/ideas.md']);
    assert.deepStrictEqual(vault.problemsFor('notes/ideas.md'), []);

    const removed = vault.remove('contacts/nobody-here.md');
    assert.deepStrictEqual(removed, { changed: ['notes/ideas.md'], removed: ['contacts/nobody-here.md'] });
    assert.strictEqual(vault.problemsFor('notes/ideas.md').length, 1);
    assert.deepStrictEqual(vault.problemsFor('contacts/nobody-here.md'), []);
  });

  it('renaming a note through remove+upsert moves its links', async () => {
    const vault = await loaded();
    vault.remove('conferences/asps-2026.md');
    assert.strictEqual(vault.problemsFor('contacts/jane-smith.md')[0]?.code, 'unresolved-link');
    vault.upsert('conferences/asps.md', FILES['conferences/asps-2026.md']);
    assert.deepStrictEqual(vault.problemsFor('contacts/jane-smith.md'), []);
  });

  it('keeps indexing when a file vanishes or changes while the scan reads it', async () => {
    const files = new MemoryFs(FILES);
    const racing: VaultFs = {
      list: (): Promise<Listing> => files.list(),
      async read(path: string, max: number): Promise<ReadResult> {
        if (path === 'contacts/jane-smith.md') {
          files.files.delete('contacts/lee-park.md'); // deleted after listing, before reading
          files.files.set('contacts/omar-haddad.md', '---\nname: Omar Haddad\nrole: chair\n---\n'); // changed mid-scan
        }
        return files.read(path, max);
      },
    };
    const vault = new Vault(racing);
    const stats = await vault.scan();
    assert.strictEqual(vault.get('contacts/lee-park.md'), undefined);
    assert.strictEqual(stats.indexed, stats.listed - 1);
    const omar = vault.get('contacts/omar-haddad.md');
    assert.ok(omar?.kind === 'contact' && omar.role === 'chair');
    assert.ok(vault.get('contacts/sam-sponsor.md'));
  });

  it('reports a binary or huge file as a problem and indexes the rest', async () => {
    const fs = new MemoryFs(FILES);
    fs.files.set('contacts/photo.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    fs.files.set('contacts/huge.md', 'x'.repeat(2 * 1024 * 1024));
    const vault = new Vault(fs);
    await vault.scan();
    assert.deepStrictEqual(vault.problemsFor('contacts/photo.md').map((p) => p.code), ['binary-file']);
    assert.deepStrictEqual(vault.problemsFor('contacts/huge.md').map((p) => p.code), ['file-too-large']);
    assert.strictEqual(vault.get('contacts/photo.md')?.kind, 'other');
    assert.strictEqual(vault.contacts().length, 7);
  });

  it('notifies listeners of each change', async () => {
    const vault = await loaded();
    const seen: string[][] = [];
    const sub = vault.onDidChange((c) => seen.push(c.changed));
    vault.upsert('contacts/pat-pd.md', '---\nname: Pat PD\nrole: apd\n---\n');
    sub.dispose();
    vault.upsert('contacts/pat-pd.md', '---\nname: Pat PD\nrole: pd\n---\n');
    assert.deepStrictEqual(seen, [['contacts/pat-pd.md']]);
  });
});

describe('Vault index, second-degree neighbours', () => {
  it('a change to a rotation names the contacts at its program, who may owe an ERAS update', async () => {
    const vault = new Vault(new MemoryFs({
      'programs/lakeshore.md': '---\nname: Lakeshore Plastic Surgery\n---\n',
      'rotations/lakeshore-away.md': '---\nname: Lakeshore Away\nprogram: "[[Lakeshore Plastic Surgery]]"\nstart: 2026-07-01\nend: 2026-07-28\n---\n',
      'contacts/faculty.md': '---\nname: Fay Faculty\nrole: faculty\nprogram: "[[Lakeshore Plastic Surgery]]"\n---\n',
      'contacts/other.md': '---\nname: Otto Other\nrole: faculty\nprogram: Elsewhere\n---\n',
    }));
    await vault.scan();
    const change = vault.upsert('rotations/lakeshore-away.md', '---\nname: Lakeshore Away\nprogram: "[[Lakeshore Plastic Surgery]]"\nstart: 2026-07-01\nend: 2026-07-30\n---\n');
    assert.deepStrictEqual(change.changed.sort(), ['contacts/faculty.md', 'programs/lakeshore.md', 'rotations/lakeshore-away.md']);
  });
});

describe('Vault links of issue 12', () => {
  it('resolves Dendron [[label|target]], attachments, and skips Templates/ and dot-folders', async () => {
    const { MemoryFs } = await import('../../src/core/vaultFs');
    const { Vault } = await import('../../src/core/vault');
    const fs = new MemoryFs({
      'contacts/jane.md': '---\nname: Jane\n---\nSee [[Dr. Jane|jane]], [[report.pdf]], [[files/photo.jpg]], [[board.base]] and [[Nobody]].\n',
      'files/report.pdf': 'x', 'files/photo.jpg': 'x', 'board.base': 'x',
      'Templates/contact.md': '---\nname: T\n---\n', '.obsidian/x.md': 'x',
    });
    const vault = new Vault(fs);
    await vault.scan();
    assert.deepStrictEqual(vault.paths(), ['contacts/jane.md']);
    assert.deepStrictEqual(vault.problemsFor('contacts/jane.md').map((p) => p.message), ["No note named 'Nobody' in the vault. Create it or fix the link."]);
  });
});
