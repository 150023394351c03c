/**
 * `{{field}}` placeholders. A field name is any text without braces or line breaks,
 * up to 80 characters, so a template can say `{{specific detail}}` and the student
 * sees "specific detail" as the thing to type.
 */
export const PLACEHOLDER_SOURCE = '\\{\\{([^{}\\r\\n]{1,80})\\}\\}';

export function placeholderPattern(): RegExp {
  return new RegExp(PLACEHOLDER_SOURCE, 'g');
}

/** The fields Rapport fills from the vault. Anything else is a free field the student types. */
export const KNOWN_FIELDS = [
  'contact.name', 'contact.firstName', 'contact.lastName', 'contact.title', 'contact.greetingName',
  'contact.institution', 'contact.program', 'contact.position', 'contact.email', 'contact.interest',
  'me.name', 'me.firstName', 'me.school', 'me.year', 'me.interest', 'me.email', 'me.phone',
  'event.name', 'event.location', 'event.start', 'event.end',
  'today',
] as const;

/**
 * What the student sees for a vault field Rapport could not fill: words, never an
 * internal name ("[start date]", not "[event.start]").
 */
const READABLE: ReadonlyMap<string, string> = new Map(Object.entries({
  'contact.name': 'their name', 'contact.firstname': 'first name', 'contact.lastname': 'last name', 'contact.title': 'title',
  'contact.greetingname': 'Dr. Last name', 'contact.institution': 'their institution', 'contact.program': 'their program',
  'contact.position': 'their position', 'contact.email': 'their email', 'contact.interest': 'their interest',
  'me.name': 'your name', 'me.firstname': 'your first name', 'me.school': 'your school', 'me.year': 'your year, e.g. MS3',
  'me.interest': 'your interest', 'me.email': 'your email', 'me.phone': 'your phone',
  'event.name': 'event name', 'event.location': 'event location', 'event.start': 'start date', 'event.end': 'end date',
  today: 'date',
}));

/** The words shown in brackets (or as a tab stop's text) for a field nobody filled. */
export function readableLabel(label: string): string {
  return READABLE.get(fieldKey(label)) ?? label;
}

const KNOWN_KEYS = new Set<string>(KNOWN_FIELDS.map((f) => fieldKey(f)));
const NAMESPACES = ['contact.', 'me.', 'event.'];

/** How fields are compared: case and inner spacing do not matter (`{{ Contact.Name }}` is `contact.name`). */
export function fieldKey(name: string): string {
  return fieldLabel(name).toLowerCase();
}

/** The name as the student should see it: trimmed, inner spaces collapsed. */
export function fieldLabel(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** `contact.nmae` is a typo, not a free field: it looks like a vault field but is none. */
export function looksLikeMistypedField(name: string): boolean {
  const key = fieldKey(name);
  return !KNOWN_KEYS.has(key) && NAMESPACES.some((ns) => key.startsWith(ns));
}

export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'field'; label: string; key: string };

/** Splits text into literal runs and placeholders. */
export function segmentsOf(text: string): Segment[] {
  const out: Segment[] = [];
  const re = placeholderPattern();
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const label = fieldLabel(m[1]);
    if (label === '') continue; // `{{   }}` is text, not a field
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    out.push({ kind: 'field', label, key: fieldKey(label) });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}
