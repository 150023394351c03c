import { daysBetween, maxDate, type CalendarDate } from './dates';
import type { ContactNote, ProgramNote, RotationNote } from './types';
import { linkKey, type Vault } from './vault';

/** How much each fact weighs in a program's strength. Shown to the user as is. */
export const STRENGTH_WEIGHTS = { contact: 1, mentor: 3, sponsor: 5, rotation: 4, recent: 2 } as const;
/** An interaction within this many days counts as a recent one. */
export const RECENT_DAYS = 90;

export interface ProgramStrength {
  /** The program note's name, or the program as a contact or rotation names it. */
  name: string;
  /** The program note, when there is one. */
  path: string | null;
  institution: string | null;
  contacts: string[];
  mentors: number;
  sponsors: number;
  /** Rotations there that have started by today. */
  rotations: number;
  lastInteraction: CalendarDate | null;
  openFollowUps: number;
  score: number;
  /** One line per term of the score, e.g. "2 mentors × 3 = 6". */
  explanation: string[];
}

interface Bucket {
  name: string;
  path: string | null;
  institution: string | null;
  contacts: Map<string, ContactNote>;
  rotations: RotationNote[];
}

/**
 * The residency programs of the vault and who is at each. A program is a program note
 * (`programs/`, `type: program`), known by its name and its institution, or a program a
 * contact or rotation names in `program:`. An institution string alone never makes one
 * (a medical school, a lab, a hospital is not a residency program): a contact counts for
 * a program when their `program:` or `institution:` is that program's name or
 * institution; everyone else is outside every program, and said so.
 */
function placeInPrograms(vault: Vault): { buckets: Map<string, Bucket>; outside: ContactNote[] } {
  const buckets = new Map<string, Bucket>();
  const keyOf = new Map<string, string>();
  const bucketFor = (name: string, program: ProgramNote | null): Bucket => {
    const key = keyOf.get(linkKey(name)) ?? linkKey(name);
    let b = buckets.get(key);
    if (!b) {
      b = { name, path: program?.path ?? null, institution: program?.institution ?? null, contacts: new Map(), rotations: [] };
      buckets.set(key, b);
    }
    return b;
  };
  // A program note is known by its name and its institution.
  for (const p of vault.programs()) {
    const key = linkKey(p.name);
    keyOf.set(key, key);
    if (p.institution && !keyOf.has(linkKey(p.institution))) keyOf.set(linkKey(p.institution), key);
    bucketFor(p.name, p);
  }
  const place = (program: string | null, institution: string | null): Bucket | null => {
    if (program) {
      const note = vault.resolve(program);
      if (note?.kind === 'program') return bucketFor(note.name, note);
      if (keyOf.has(linkKey(program))) return bucketFor(program, null);
    }
    if (institution && keyOf.has(linkKey(institution))) return bucketFor(institution, null);
    // Named as a program by the student, though it has no note yet.
    if (program) return bucketFor(program, null);
    return null;
  };
  const outside: ContactNote[] = [];
  for (const c of vault.contacts()) {
    const b = place(c.program, c.institution);
    if (b) b.contacts.set(c.path, c);
  }
  for (const r of vault.rotations()) {
    const b = place(r.program, r.institution);
    if (!b) continue;
    b.rotations.push(r);
    for (const c of vault.contactsOf(r)) if (!b.contacts.has(c.path)) b.contacts.set(c.path, c);
  }
  const placed = new Set<string>();
  for (const b of buckets.values()) for (const p of b.contacts.keys()) placed.add(p);
  for (const c of vault.contacts()) if (!placed.has(c.path)) outside.push(c);
  return { buckets, outside };
}

/** The contacts at no residency program of the vault (a school, a lab, no institution): shown apart, never ranked. */
export function contactsOutsidePrograms(vault: Vault): ContactNote[] {
  return placeInPrograms(vault).outside;
}

/**
 * Where the student's network is strongest, per residency program: who they know there,
 * who mentors or sponsors them, where they rotated, and when they were last in touch.
 * Only what the vault says counts; the score is a plain weighted sum, explained.
 */
export function programStrengths(vault: Vault, today: CalendarDate, openFollowUps: (path: string) => number): ProgramStrength[] {
  const { buckets } = placeInPrograms(vault);
  const out: ProgramStrength[] = [];
  for (const b of buckets.values()) {
    const contacts = [...b.contacts.values()];
    const mentors = contacts.filter((c) => c.mentor !== null).length;
    const sponsors = contacts.filter((c) => c.sponsor).length;
    const rotations = b.rotations.filter((r) => r.start !== null && r.start <= today).length;
    let last: CalendarDate | null = null;
    for (const c of contacts) {
      last = maxDate(last, c.lastContact);
      for (const i of c.interactions) if (i.date <= today) last = maxDate(last, i.date);
    }
    const recent = last !== null && daysBetween(last, today) <= RECENT_DAYS;
    const w = STRENGTH_WEIGHTS;
    const terms: [number, string, number][] = [
      [contacts.length, 'contact', w.contact], [mentors, 'mentor', w.mentor], [sponsors, 'sponsor', w.sponsor], [rotations, 'rotation', w.rotation],
    ];
    const explanation = terms.filter(([n]) => n > 0).map(([n, word, weight]) => `${n} ${word}${n === 1 ? '' : 's'} × ${weight} = ${n * weight}`);
    if (recent) explanation.push(`in touch within ${RECENT_DAYS} days (last ${last}) = ${w.recent}`);
    const score = terms.reduce((s, [n, , weight]) => s + n * weight, 0) + (recent ? w.recent : 0);
    const followUps = contacts.reduce((s, c) => s + openFollowUps(c.path), 0) + b.rotations.reduce((s, r) => s + openFollowUps(r.path), 0) + (b.path ? openFollowUps(b.path) : 0);
    out.push({
      name: b.name, path: b.path, institution: b.institution, contacts: contacts.map((c) => c.path).sort(), mentors, sponsors, rotations,
      lastInteraction: last, openFollowUps: followUps, score, explanation,
    });
  }
  return out.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}

export function strengthSummary(p: ProgramStrength): string {
  const parts = [`${p.contacts.length} contact${p.contacts.length === 1 ? '' : 's'}`];
  if (p.mentors) parts.push(`${p.mentors} mentor${p.mentors === 1 ? '' : 's'}`);
  if (p.sponsors) parts.push(`${p.sponsors} sponsor${p.sponsors === 1 ? '' : 's'}`);
  if (p.rotations) parts.push(`${p.rotations} rotation${p.rotations === 1 ? '' : 's'}`);
  if (p.openFollowUps) parts.push(`${p.openFollowUps} open follow-up${p.openFollowUps === 1 ? '' : 's'}`);
  return parts.join(', ');
}

export const STRENGTH_RULE = `Strength = contacts × ${STRENGTH_WEIGHTS.contact} + mentors × ${STRENGTH_WEIGHTS.mentor} + sponsors × ${STRENGTH_WEIGHTS.sponsor} + rotations × ${STRENGTH_WEIGHTS.rotation} + ${STRENGTH_WEIGHTS.recent} if you were in touch within ${RECENT_DAYS} days.`;
