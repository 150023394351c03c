import { evaluateNotes, evaluateVault } from '../../src/core/rules';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Vault } from '../../src/core/vault';
import { syntheticNote } from './generate';

function ms(from: bigint): number {
  return Number(process.hrtime.bigint() - from) / 1e6;
}

/** Further timed passes over an indexed vault: the follow-up rules, whole and incremental. */
export function extraPasses(vault: Vault): Record<string, number> {
  let t = process.hrtime.bigint();
  const all = evaluateVault(vault, '2026-11-25', DEFAULT_SETTINGS);
  const rules = ms(t);
  // What the editor does on a save: update the note, then re-evaluate only what the change names.
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const n = (i * 53) % Math.max(1, vault.contacts().length - 1);
    t = process.hrtime.bigint();
    const change = vault.upsert(`contacts/contact-${n}.md`, syntheticNote(n));
    evaluateNotes(vault, change.changed, '2026-11-25', DEFAULT_SETTINGS);
    times.push(ms(t));
  }
  times.sort((a, b) => a - b);
  return {
    'follow-up rules, whole vault': rules,
    'save: upsert + rules, median': times[Math.floor(times.length / 2)],
    'save: upsert + rules, p95': times[Math.floor(times.length * 0.95)],
    'notes with follow-ups': all.size,
  };
}
