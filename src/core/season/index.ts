import type { CalendarDate } from '../dates';
import type { RapportSettings } from '../settings';
import type { ContactNote, ProgramNote } from '../types';
import { linkKey, type Vault } from '../vault';
import { seasonFields, type Application, type Interview, type MatchResult } from './fields';

export { seasonFields, type Application, type Interview, type MatchResult } from './fields';

/** Roles the post-interview policy calls faculty (residents and the coordinator are not). */
export const FACULTY_ROLES: ReadonlySet<string> = new Set(['faculty', 'program-director', 'associate-program-director', 'chair']);

export interface ProgramSeason {
  program: ProgramNote;
  application: Application | null;
  interview: Interview | null;
}

/**
 * The vault's season at a glance, built from the program notes and the profile only
 * (programs are few), so building it per evaluation stays cheap.
 */
export interface SeasonIndex {
  /** Every program note with its application and interview, by name. */
  programs: ProgramSeason[];
  /** True once any program note records an application: eras-update then goes to applied programs. */
  anyApplication: boolean;
  /** The program a contact belongs to: `program:` when it names a program note, else the same institution. */
  programOf(contact: ContactNote): ProgramSeason | null;
  /** The Match as the profile records it, or null. */
  match: MatchResult | null;
  /** The day the season's reminders close: the profile's `match.date`, else `season.matchDay`. */
  matchDate: CalendarDate | null;
}

export function buildSeasonIndex(vault: Vault, settings: RapportSettings): SeasonIndex {
  const programs = vault.programs().map((program) => {
    const f = seasonFields(program);
    return { program, application: f.application, interview: f.interview };
  });
  const byPath = new Map(programs.map((p) => [p.program.path, p]));
  const byInstitution = new Map<string, ProgramSeason>();
  for (const p of programs) {
    const key = p.program.institution ? linkKey(p.program.institution) : null;
    if (key !== null && !byInstitution.has(key)) byInstitution.set(key, p);
  }
  const profile = vault.profile();
  const match = profile ? seasonFields(profile).match : null;
  return {
    programs,
    anyApplication: programs.some((p) => p.application?.applied),
    programOf(contact) {
      if (contact.program) {
        const note = vault.resolve(contact.program);
        if (note?.kind === 'program') return byPath.get(note.path) ?? null;
      }
      return contact.institution ? byInstitution.get(linkKey(contact.institution)) ?? null : null;
    },
    match,
    matchDate: match?.date?.date ?? settings.season.matchDay,
  };
}

/** The day of a program's interview, when one took place or is scheduled (not declined). */
export function interviewDay(p: ProgramSeason | null): CalendarDate | null {
  const i = p?.interview;
  return i?.date && !i.declined ? i.date.date : null;
}
