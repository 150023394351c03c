import type { ContactNote, Interaction, ProjectNote } from '../types';
import type { Vault } from '../vault';
import { ordered } from './facts';

/**
 * Facts the research-project rules share: the people on a project (its lead and
 * members, as contact notes) and the latest real exchange about it.
 */

/** The lead and members that name a contact note, lead first, without repeats. */
export function projectPeople(project: ProjectNote, vault: Vault): ContactNote[] {
  const out: ContactNote[] = [];
  for (const name of [project.lead, ...project.members]) {
    if (!name) continue;
    const n = vault.resolve(name);
    if (n?.kind === 'contact' && !out.includes(n)) out.push(n);
  }
  return out;
}

/** A log entry that is an exchange with someone (not a note to self, not advice recorded alone). */
function isExchange(i: Interaction): boolean {
  return i.direction !== 'none' || i.kind === 'presented';
}

/** The latest exchange logged on the project note or with its lead or a member. */
export function lastProjectExchange(project: ProjectNote, vault: Vault): { interaction: Interaction; where: string } | null {
  let best: { interaction: Interaction; where: string } | null = null;
  const consider = (list: Interaction[], where: string) => {
    for (let k = list.length - 1; k >= 0; k--) {
      const i = list[k];
      if (!isExchange(i)) continue;
      if (best === null || i.date > best.interaction.date) best = { interaction: i, where };
      break;
    }
  };
  consider(ordered(project), 'the project note');
  for (const person of projectPeople(project, vault)) consider(ordered(person), person.name);
  return best;
}
