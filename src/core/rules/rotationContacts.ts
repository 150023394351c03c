import type { ContactNote, RotationNote } from '../types';
import type { Vault } from '../vault';

/**
 * The people a student writes to about a rotation's logistics: its program's
 * coordinator (`coordinator:` on the program note) and everyone listed on or met on
 * the rotation, coordinators and residents (chief residents) first.
 */
export function rotationPeople(rotation: RotationNote, vault: Vault): ContactNote[] {
  const out = [...vault.contactsOf(rotation)];
  const program = rotation.program ? vault.resolve(rotation.program) : undefined;
  if (program?.kind === 'program' && program.coordinator) {
    const c = vault.resolve(program.coordinator);
    if (c?.kind === 'contact' && !out.includes(c)) out.push(c);
  }
  const rank = (c: ContactNote) => (c.role === 'coordinator' ? 0 : c.role === 'resident' ? 1 : 2);
  return out.sort((a, b) => rank(a) - rank(b));
}
