import type { CalendarDate } from '../dates';
import { scalarText } from '../fields';
import { singleLine } from '../text';
import type { ConferenceNote, ContactNote, NoteBase, ProfileNote, RotationNote } from '../types';
import type { Vault } from '../vault';
import { greetingName, joinList, nameFromSlug, splitName } from './names';
import type { TemplateFields } from './types';

export { singleLine };

/**
 * The values Rapport knows for a contact, the student's profile and today. A field
 * with no value is left out, so the fill step can tell "unknown" from "empty" and
 * leave the student a tab stop instead of a blank.
 */
export function templateFields(
  vault: Vault,
  contact: ContactNote | null,
  profile: ProfileNote | undefined,
  today: CalendarDate,
  /** The conference or rotation in question, when the caller knows it better than `met_at` (a rotation-level follow-up). */
  eventNote?: ConferenceNote | RotationNote,
): TemplateFields {
  const fields: TemplateFields = {};
  const set = (key: string, value: string | null | undefined) => {
    const clean = value == null ? '' : singleLine(value);
    if (clean !== '') fields[key] = clean;
  };

  const event = eventNote ?? (contact ? vault.eventOf(contact) : undefined);
  if (event) {
    set('event.name', event.name);
    set('event.start', event.start);
    set('event.end', event.end);
    if (event.kind === 'conference') set('event.location', event.location);
  } else if (contact) {
    set('event.name', contact.metAt);
  }

  if (contact) {
    const name = displayName(contact);
    const parts = splitName(name);
    set('contact.name', name);
    set('contact.firstName', parts.first);
    set('contact.lastName', parts.last);
    set('contact.title', contact.title);
    set('contact.greetingName', greetingFor(contact, name));
    set('contact.position', contact.position);
    set('contact.email', contact.email);
    set('contact.interest', joinList(contact.interests.slice(0, 3)));
    const program = contact.program ? vault.resolve(contact.program) : undefined;
    set('contact.program', program ? program.name : contact.program);
    const institution = contact.institution
      ?? (program?.kind === 'program' ? program.institution : null)
      ?? (event?.kind === 'rotation' ? event.institution : null);
    set('contact.institution', institution);
  }

  if (profile) {
    // profile.md without a `name:` would otherwise sign every email "profile".
    const me = hasOwnName(profile) ? profile.name : profile.name.toLowerCase() === 'profile' ? null : nameFromSlug(profile.name);
    set('me.name', me);
    set('me.firstName', me ? splitName(me).first : null);
    set('me.school', profile.school);
    set('me.year', profile.year);
    set('me.interest', joinList(profile.interests.slice(0, 3)));
    set('me.email', profile.email);
    set('me.phone', profile.phone);
  }
  set('today', today);
  return fields;
}

/** Physicians are greeted "Dr. Last name", as the guide's scripts do; fellow students by first name. */
const PHYSICIAN_ROLES: ReadonlySet<string> = new Set(['faculty', 'resident', 'program-director', 'associate-program-director', 'chair']);

function greetingFor(contact: ContactNote, name: string): string {
  const { first, last } = splitName(name);
  if (contact.role === 'student' && first) return first;
  if (contact.title) return greetingName(name, contact.title);
  if (contact.role !== null && PHYSICIAN_ROLES.has(contact.role) && last) return `Dr. ${last}`;
  return greetingName(name, null);
}

const NAME_KEYS = ['name', 'full_name', 'title_name'];

function hasOwnName(note: NoteBase): boolean {
  return NAME_KEYS.some((k) => {
    const v = note.frontmatter[k];
    return v != null && (scalarText(v) ?? '') !== '';
  });
}

/** The contact's name; one taken from a file name like `jane-smith.md` is turned back into words. */
function displayName(contact: ContactNote): string {
  return hasOwnName(contact) ? contact.name : nameFromSlug(contact.name);
}
