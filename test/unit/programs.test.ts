import * as assert from 'assert';
import { STRENGTH_WEIGHTS, contactsOutsidePrograms, programStrengths } from '../../src/core/programs';
import { Vault } from '../../src/core/vault';
import { MemoryFs } from '../../src/core/vaultFs';

async function vaultOf(files: Record<string, string>): Promise<Vault> {
  const v = new Vault(new MemoryFs(files));
  await v.scan();
  return v;
}

describe('program strength', () => {
  const files = {
    'programs/lakeshore.md': '---\nname: Lakeshore Plastic Surgery\ninstitution: Lakeshore University\n---\n',
    'rotations/lakeshore-home.md': '---\nname: Lakeshore Home\nprogram: "[[Lakeshore Plastic Surgery]]"\nkind: home\nstart: 2026-06-01\nend: 2026-06-28\ncontacts: ["[[Rae Resident]]"]\n---\n',
    'rotations/future.md': '---\nname: Future Away\ninstitution: Lakeshore University\nstart: 2027-01-04\nend: 2027-01-29\n---\n',
    // Linked by institution spelling, in another case.
    'contacts/ann.md': '---\nname: Ann Attending\nrole: faculty\nmentor: faculty\ninstitution: lakeshore university\n---\n## Log\n- 2026-10-01 met: clinic\n',
    'contacts/sam.md': '---\nname: Sam Sponsor\nrole: chair\nsponsor: true\nprogram: "[[Lakeshore Plastic Surgery]]"\n---\n',
    // No institution, but listed on the rotation.
    'contacts/rae.md': '---\nname: Rae Resident\nrole: resident\n---\n',
    'contacts/old.md': '---\nname: Old Friend\ninstitution: Harbor State\nlast_contact: 2026-01-10\n---\n',
    'contacts/nowhere.md': '---\nname: No Place\n---\n',
  };

  it('counts contacts, mentors, sponsors and rotations per program, and explains the sum', async () => {
    const vault = await vaultOf(files);
    const open: Record<string, number> = { 'contacts/ann.md': 2, 'rotations/lakeshore-home.md': 1 };
    const [lakeshore, ...rest] = programStrengths(vault, '2026-11-25', (p) => open[p] ?? 0);
    assert.deepStrictEqual(rest, [], 'an institution with no program note, or no institution at all, is no program');
    assert.deepStrictEqual(contactsOutsidePrograms(vault).map((c) => c.path).sort(), ['contacts/nowhere.md', 'contacts/old.md']);
    assert.deepStrictEqual(
      { ...lakeshore, explanation: undefined },
      {
        name: 'Lakeshore Plastic Surgery', path: 'programs/lakeshore.md', institution: 'Lakeshore University',
        contacts: ['contacts/ann.md', 'contacts/rae.md', 'contacts/sam.md'], mentors: 1, sponsors: 1,
        rotations: 1, lastInteraction: '2026-10-01', openFollowUps: 3,
        score: 3 * STRENGTH_WEIGHTS.contact + STRENGTH_WEIGHTS.mentor + STRENGTH_WEIGHTS.sponsor + STRENGTH_WEIGHTS.rotation + STRENGTH_WEIGHTS.recent,
        explanation: undefined,
      },
    );
    assert.deepStrictEqual(lakeshore.explanation, [
      '3 contacts × 1 = 3', '1 mentor × 3 = 3', '1 sponsor × 5 = 5', '1 rotation × 4 = 4', 'in touch within 90 days (last 2026-10-01) = 2',
    ]);
  });

  it('counts a rotation only once it has started, and recency only up to today', async () => {
    const vault = await vaultOf(files);
    const before = programStrengths(vault, '2026-05-31', () => 0).find((p) => p.name === 'Lakeshore Plastic Surgery')!;
    assert.strictEqual(before.rotations, 0);
    assert.strictEqual(before.lastInteraction, null, 'an interaction dated after today does not count');
    const later = programStrengths(vault, '2027-01-04', () => 0).find((p) => p.name === 'Lakeshore Plastic Surgery')!;
    assert.strictEqual(later.rotations, 2);
  });

  it('sorts by strength, then by name', async () => {
    const vault = await vaultOf({
      'contacts/a.md': '---\nname: A\nprogram: Zeta\n---\n',
      'contacts/b.md': '---\nname: B\nprogram: Alpha\n---\n',
      'contacts/c.md': '---\nname: C\nprogram: Mid\nmentor: peer\n---\n',
    });
    assert.deepStrictEqual(programStrengths(vault, '2026-11-25', () => 0).map((p) => p.name), ['Mid', 'Alpha', 'Zeta']);
  });

  it('ranks residency programs only: a school, a lab or a hospital without a program note is no program', async () => {
    const vault = await vaultOf({
      'programs/coastal.md': '---\ntype: program\nname: Coastal Plastic Surgery\ninstitution: Coastal Health\n---\n',
      'contacts/pd.md': '---\nname: PD\nrole: program-director\ninstitution: Coastal Health\nlast_contact: 2026-11-01\n---\n',
      'contacts/peer.md': '---\nname: Peer\nrole: student\ninstitution: Northgate School of Medicine\n---\n',
      'contacts/lab.md': '---\nname: Lab\nrole: researcher\ninstitution: Acme Analytics\n---\n',
      'contacts/nurse.md': '---\nname: Nurse\ninstitution: Coastal Children\'s Hospital\n---\n',
      // Named as a program by the student: a program, even before its note exists.
      'contacts/res.md': '---\nname: Res\nrole: resident\nprogram: Summit Plastic Surgery\ninstitution: Summit Regional Hospital\n---\n',
    });
    const ranked = programStrengths(vault, '2026-11-25', () => 0);
    assert.deepStrictEqual(ranked.map((p) => [p.name, p.path, p.contacts]), [
      ['Coastal Plastic Surgery', 'programs/coastal.md', ['contacts/pd.md']],
      ['Summit Plastic Surgery', null, ['contacts/res.md']],
    ]);
    assert.deepStrictEqual(contactsOutsidePrograms(vault).map((c) => c.path).sort(), ['contacts/lab.md', 'contacts/nurse.md', 'contacts/peer.md']);
  });
});
