import * as assert from 'assert';
import { nextDue } from '../../src/core/rules';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { Vault } from '../../src/core/vault';
import { MemoryFs } from '../../src/core/vaultFs';

describe('next due date (the Network view and rapport list)', () => {
  it('is the earliest follow-up, shown yet or still to come, and none for a silenced contact', async () => {
    const vault = new Vault(new MemoryFs({
      'contacts/a.md': '---\nname: A\nrole: faculty\nfollow_up: 2026-12-10\n---\n- [ ] Send slides 📅 2026-12-01\n',
      'contacts/b.md': '---\nname: B\nrole: faculty\nfollow_up: 2026-12-10\nstatus: dormant\n---\n',
      'contacts/c.md': '---\nname: C\nrole: faculty\n---\n',
    }));
    await vault.scan();
    const due = (p: string) => nextDue(vault, vault.get(p)!, '2026-11-25', DEFAULT_SETTINGS);
    assert.strictEqual(due('contacts/a.md'), '2026-12-01');
    assert.strictEqual(due('contacts/b.md'), null);
    assert.strictEqual(due('contacts/c.md'), null);
  });
});
