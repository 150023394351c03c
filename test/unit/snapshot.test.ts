import * as assert from 'assert';
import * as path from 'path';
import { collectProblems } from '../../src/core/report';
import { evaluateVault } from '../../src/core/rules';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { SNAPSHOT_VERSION, entriesOf, restoreIndex, serializeIndex, type IndexSnapshot } from '../../src/core/snapshot';
import { Vault } from '../../src/core/vault';
import { MemoryFs } from '../../src/core/vaultFs';
import { NodeFs } from '../../src/node/nodeFs';

const SAMPLE = path.resolve(__dirname, '../../examples/vault');
const TODAY = '2026-11-25';
const ID = { vault: 'file:///vault', parse: 'privacy' };
const sync = { yieldToHost: () => Promise.resolve(), parse: { patientIdentifiers: true } };

/** Notes a parser finds hard: broken frontmatter, CRLF, a lone CR, a prototype-named key, season blocks. */
const HARD: Record<string, string> = {
  'contacts/broken.md': '---\nname: [unclosed\nrole: faculty\n---\nbody\n',
  'contacts/crlf.md': '---\r\nname: Crlf Person\r\nrole: resident\r\nfollow_up: 2026-11-01\r\n---\r\n- 2026-10-01 met: hello [[Nowhere]]\r\n',
  'contacts/cr.md': '---\rname: Cr Person\r---\r',
  'contacts/proto.md': '---\nname: Proto\n__proto__: x\nconstructor: y\nletter:\n  asked: 2026-09-01\n---\n- [ ] write back 📅 2026-11-30\n- [/] half done\n- [-] dropped\nSee [[Label|contacts/crlf]].\n\n## Interactions\n- 2026-13-01 met: a bad date\n- 2026-10-1 emailed: short date\n',
  'notes/plain.md': 'no frontmatter at all, SSN 123-45-6789\n',
};

async function scanned(fs: MemoryFs | NodeFs): Promise<Vault> {
  const v = new Vault(fs, sync);
  await v.scan();
  return v;
}

function take(vault: Vault, followUps = true, takenAt = 10_000_000): IndexSnapshot {
  const found = evaluateVault(vault, TODAY, DEFAULT_SETTINGS);
  return { ...ID, takenAt, derived: followUps ? TODAY : null, attachment: { any: ['json'] }, entries: entriesOf(vault, followUps ? (p) => found.get(p) : undefined) };
}

async function restored(memory: MemoryFs | NodeFs, text: string): Promise<Vault | null> {
  const snap = restoreIndex(text, ID);
  if (!snap) return null;
  const v = new Vault(memory, sync);
  await v.restore(snap.entries);
  return v;
}

function assertSameVault(a: Vault, b: Vault): void {
  assert.deepStrictEqual(a.paths(), b.paths());
  for (const p of a.paths()) {
    assert.deepStrictEqual(a.get(p), b.get(p), p);
    assert.deepStrictEqual(a.problemsFor(p), b.problemsFor(p), p);
  }
  assert.deepStrictEqual(evaluateVault(a, TODAY, DEFAULT_SETTINGS), evaluateVault(b, TODAY, DEFAULT_SETTINGS));
  assert.deepStrictEqual(collectProblems(a, TODAY, DEFAULT_SETTINGS), collectProblems(b, TODAY, DEFAULT_SETTINGS));
}

describe('index snapshot', () => {
  it('restores the sample vault exactly: same notes, problems and follow-ups as a fresh scan', async () => {
    const nodeFs = new NodeFs(SAMPLE);
    const fresh = await scanned(nodeFs);
    assert.ok(fresh.size > 10);
    const snap = take(fresh);
    const back = restoreIndex(serializeIndex(snap), ID)!;
    assert.ok(back);
    assert.deepStrictEqual(back.attachment, { any: ['json'] });
    const evaluated = evaluateVault(fresh, TODAY, DEFAULT_SETTINGS);
    for (const e of back.entries) assert.deepStrictEqual(e.followUps, evaluated.get(e.note.path) ?? [], e.note.path);
    assertSameVault(fresh, (await restored(nodeFs, serializeIndex(snap)))!);
  });

  it('restores notes a parser finds hard (broken frontmatter, CR and CRLF, __proto__ keys, season blocks)', async () => {
    const memory = new MemoryFs(HARD);
    const fresh = await scanned(memory);
    const v = (await restored(memory, serializeIndex(take(fresh))))!;
    assertSameVault(fresh, v);
    assert.strictEqual(Object.getPrototypeOf(v.get('contacts/proto.md')!.frontmatter), Object.prototype);
  });

  it('discards a truncated, corrupted, old-version or foreign snapshot', async () => {
    const fresh = await scanned(new MemoryFs(HARD));
    const text = serializeIndex(take(fresh));
    assert.ok(restoreIndex(text, ID));
    // Cut anywhere: never a partial index.
    for (let cut = 0; cut < text.length; cut += Math.max(1, Math.floor(text.length / 97))) assert.strictEqual(restoreIndex(text.slice(0, cut), ID), null, `cut at ${cut}`);
    assert.strictEqual(restoreIndex(text.slice(0, -1), ID), null);
    // One character changed anywhere, even one that leaves valid JSON (a letter of a name).
    for (let at = 0; at < text.length; at += 7) {
      const c = text[at] === 'a' ? 'b' : 'a';
      assert.strictEqual(restoreIndex(text.slice(0, at) + c + text.slice(at + 1), ID), null, `changed at ${at}`);
    }
    assert.strictEqual(restoreIndex(text + text, ID), null);
    assert.strictEqual(restoreIndex('', ID), null);
    assert.strictEqual(restoreIndex('\u0000\u0001garbage\n\n\n', ID), null);
    assert.strictEqual(restoreIndex(text, { ...ID, vault: 'file:///other' }), null);
    assert.strictEqual(restoreIndex(text, { ...ID, parse: 'no-privacy' }), null);
    const old = text.replace(`"version":${SNAPSHOT_VERSION}`, `"version":${SNAPSHOT_VERSION - 1}`);
    assert.notStrictEqual(old, text);
    assert.strictEqual(restoreIndex(old, ID), null);
  });

  it('rejects well-formed snapshots whose values are not what the parser makes (the file is untrusted)', async () => {
    const fresh = await scanned(new MemoryFs({ 'contacts/a.md': '---\nname: A\nrole: faculty\n---\n' }));
    const good = take(fresh, false);
    const note = good.entries[0].note;
    const bad = (patch: Record<string, unknown>, pathOverride?: string) => {
      const entries = [{ ...good.entries[0], note: { ...note, ...patch, path: pathOverride ?? note.path } }];
      return restoreIndex(serializeIndex({ ...good, entries }), ID);
    };
    assert.ok(bad({}));
    assert.strictEqual(bad({ role: 'emperor' }), null);
    assert.strictEqual(bad({ followUp: '2026-02-30' }), null);
    assert.strictEqual(bad({ name: 42 }), null);
    assert.strictEqual(bad({ lineCount: -3 }), null);
    assert.strictEqual(bad({ interests: [1, 2] }), null);
    assert.strictEqual(bad({}, '../outside.md'), null);
    assert.strictEqual(bad({}, '/etc/passwd.md'), null);
    assert.strictEqual(bad({}, '.git/x.md'), null);
    assert.strictEqual(bad({}, 'contacts/a.txt'), null);
  });

  it('after a snapshot, revalidation finds the edited, added, deleted and racy notes, and only those', async () => {
    const memory = new MemoryFs({ 'contacts/a.md': '---\nname: A\n---\n', 'contacts/b.md': '---\nname: B\n---\n', 'contacts/c.md': '---\nname: C\n---\n', 'contacts/d.md': '---\nname: D\n---\n' });
    memory.mtimes.set('contacts/d.md', 9_999_000); // written a moment before the snapshot was taken
    const fresh = await scanned(memory);
    const text = serializeIndex(take(fresh, false, 10_000_000));
    memory.files.set('contacts/a.md', '---\nname: A2\n---\n'); // edited, size changed
    memory.files.set('contacts/b.md', '---\nname: X\n---\n'); // edited, same size, newer time
    memory.mtimes.set('contacts/b.md', 5);
    memory.files.delete('contacts/c.md');
    memory.files.set('contacts/e.md', '---\nname: E\n---\n');
    const v = (await restored(memory, text))!;
    const stale = await v.staleness(10_000_000);
    assert.deepStrictEqual(stale.changed.sort(), ['contacts/a.md', 'contacts/b.md', 'contacts/d.md', 'contacts/e.md']);
    assert.deepStrictEqual(stale.removed, ['contacts/c.md']);
    for (const p of stale.changed) await v.refresh(p);
    for (const p of stale.removed) v.remove(p);
    assertSameVault(await scanned(memory), v);
    // Nothing changed since: nothing to read (d.md is no longer racy for a later snapshot).
    assert.deepStrictEqual(await v.staleness(20_000_000), { changed: [], removed: [], listed: 4 });
  });
});
