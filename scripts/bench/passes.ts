import type { Vault } from '../../src/core/vault';

/** Further timed passes over an indexed vault (the follow-up rules add theirs here). */
export function extraPasses(_vault: Vault): Record<string, number> {
  return {};
}
