import type { ContactNote, RotationNote } from '../types';
import { linkKey, type Vault } from '../vault';

/**
 * Facts that need the whole vault: which rotations list a contact, which programs
 * were rotated at. Built in one pass over the notes (rotations are few), so
 * evaluating every contact stays linear in the size of the vault.
 */
export interface RuleIndex {
  /** Rotations a contact was met on (`met_at`) or is listed on (`contacts:`), by start date. */
  rotationsOf(contact: ContactNote): RotationNote[];
  /** Rotations at the program a contact belongs to (`program:`), by start date. */
  rotationsAtProgramOf(contact: ContactNote): RotationNote[];
}

/** A program named by a link or plain text: the program note when there is one, else the name. */
function programKey(vault: Vault, name: string): string {
  const note = vault.resolve(name);
  return note && note.kind === 'program' ? `note:${note.path}` : `name:${linkKey(name)}`;
}

function byStart(a: RotationNote, b: RotationNote): number {
  return (a.start ?? '').localeCompare(b.start ?? '') || a.path.localeCompare(b.path);
}

export function buildRuleIndex(vault: Vault): RuleIndex {
  const byContact = new Map<string, RotationNote[]>();
  const byProgram = new Map<string, RotationNote[]>();
  const rotations = vault.rotations().sort(byStart);
  for (const rotation of rotations) {
    for (const contact of vault.contactsOf(rotation)) {
      let list = byContact.get(contact.path);
      if (!list) byContact.set(contact.path, (list = []));
      list.push(rotation);
    }
    if (rotation.program) {
      const key = programKey(vault, rotation.program);
      let list = byProgram.get(key);
      if (!list) byProgram.set(key, (list = []));
      list.push(rotation);
    }
  }
  return {
    rotationsOf: (contact) => byContact.get(contact.path) ?? [],
    rotationsAtProgramOf: (contact) => (contact.program ? byProgram.get(programKey(vault, contact.program)) ?? [] : []),
  };
}
