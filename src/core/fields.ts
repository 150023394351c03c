import { parseCalendarDate, parseCadence, type CalendarDate } from './dates';
import { linkTarget } from './body';
import { compact } from './frontmatter';
import { didYouMean, readLooseDate } from './looseDates';
import { ProblemCode, lineRange, problem } from './problems';
import { MENTOR_KINDS, ROLES, STATUSES, type MentorKind, type Problem, type Role, type Status } from './types';

/**
 * Typed access to frontmatter fields, with the aliases other tools write and a
 * problem (pointing at the key's line) for each value that cannot be understood.
 */
export class FieldReader {
  constructor(
    private readonly data: Record<string, unknown>,
    private readonly keyLines: Record<string, number>,
    private readonly lines: readonly string[],
    readonly problems: Problem[],
  ) {}

  /** The first alias present with a value: its normalised key (no object per look-up: this runs ~25 times a note). */
  private keyOf(names: readonly string[]): string | null {
    for (const key of names) {
      if (key in this.data && this.data[key] != null) return key;
    }
    return null;
  }

  private report(key: string, code: string, message: string, severity: 'error' | 'warning' = 'warning'): void {
    const line = this.keyLines[key] ?? 0;
    const text = this.lines[line] ?? '';
    this.problems.push(problem(code, severity, message, lineRange(line, 0, text.length)));
  }

  string(...names: string[]): string | null {
    const key = this.keyOf(names);
    if (key === null) return null;
    const text = scalarText(this.data[key]);
    if (text === null) {
      this.report(key, ProblemCode.invalidValue, `'${key}' should be a single value, not a list or a mapping.`);
      return null;
    }
    return text === '' ? null : text;
  }

  /** A string or a `[[link]]`, returned without brackets. */
  link(...names: string[]): string | null {
    const key = this.keyOf(names);
    if (key === null) return null;
    const text = linkText(this.data[key]);
    return text === null || text === '' ? null : text;
  }

  list(...names: string[]): string[] {
    const key = this.keyOf(names);
    if (key === null) return [];
    const value = this.data[key];
    const out: string[] = [];
    if (Array.isArray(value)) {
      for (const item of value) {
        const text = linkText(item);
        if (text !== null && text !== '') out.push(text);
      }
      return compact(out);
    }
    const text = scalarText(value);
    if (text === null) return out;
    for (const part of text.split(',')) {
      const item = part.trim();
      if (item !== '') out.push(item);
    }
    return compact(out);
  }

  date(...names: string[]): CalendarDate | null {
    const key = this.keyOf(names);
    if (key === null) return null;
    const text = scalarText(this.data[key]);
    if (text === null || text === '') {
      if (text === null) this.report(key, ProblemCode.invalidDate, `'${key}' should be a date as YYYY-MM-DD.`, 'error');
      return null;
    }
    const parsed = parseCalendarDate(text);
    if (!parsed.ok) {
      // Named as the user wrote it (`Follow up`, not `follow_up`), with the date it likely meant.
      const lineNo = this.keyLines[key] ?? 0;
      const line = this.lines[lineNo] ?? '';
      const colon = line.indexOf(':');
      const written = colon > 0 ? line.slice(0, colon).trim().replace(/^["']|["']$/g, '') : key;
      const at = colon === -1 ? -1 : line.indexOf(text, colon + 1);
      const loose = at === -1 ? null : readLooseDate(line, at);
      this.report(key, ProblemCode.invalidDate, `Invalid date '${text}' in '${written}': ${parsed.reason}.${didYouMean(loose)}`, 'error');
      if (loose?.suggestion) this.problems[this.problems.length - 1].replacement = { range: lineRange(lineNo, loose.start, loose.end), text: loose.suggestion };
      return null;
    }
    return parsed.date;
  }

  boolean(...names: string[]): boolean {
    const key = this.keyOf(names);
    if (key === null) return false;
    const text = (scalarText(this.data[key]) ?? '').toLowerCase();
    if (TRUE_WORDS.has(text)) return true;
    if (FALSE_WORDS.has(text)) return false;
    this.report(key, ProblemCode.invalidValue, `'${key}' should be true or false, not '${text}'.`);
    return false;
  }

  cadence(...names: string[]): number | null {
    const key = this.keyOf(names);
    if (key === null) return null;
    const text = scalarText(this.data[key]);
    const days = text === null ? null : parseCadence(text);
    if (days === null) {
      this.report(key, ProblemCode.invalidValue, `Invalid cadence '${text ?? ''}': use an interval such as 45d, 6w, 3mo or P45D.`);
    }
    return days;
  }

  role(): Role | null {
    const key = this.keyOf(ROLE_KEYS);
    if (key === null) return null;
    const text = scalarText(this.data[key]);
    const role = text === null ? undefined : ROLE_ALIASES.get(slug(text));
    if (!role) {
      this.report(key, ProblemCode.unknownRole, `Unknown role '${text ?? ''}'. Use one of: ${ROLES.join(', ')}.`);
      return null;
    }
    return role;
  }

  mentor(role: Role | null): MentorKind | null {
    const key = this.keyOf(MENTOR_KEYS);
    if (key === null) return null;
    const text = slug(scalarText(this.data[key]) ?? '');
    if ((MENTOR_KINDS as readonly string[]).includes(text)) return text as MentorKind;
    // `mentor: true` is common; the role tells which kind of mentor.
    if (text === 'true' || text === 'yes') return role === 'resident' ? 'resident' : role === 'student' ? 'peer' : 'faculty';
    if (text === 'false' || text === 'no' || text === '') return null;
    this.report(key, ProblemCode.unknownMentor, `Unknown mentor kind '${text}'. Use one of: ${MENTOR_KINDS.join(', ')}.`);
    return null;
  }

  status(): Status {
    const key = this.keyOf(STATUS_KEYS);
    if (key === null) return 'active';
    const text = slug(scalarText(this.data[key]) ?? '');
    const status = STATUS_ALIASES.get(text);
    if (!status) {
      this.report(key, ProblemCode.unknownStatus, `Unknown status '${text}'. Use one of: ${STATUSES.join(', ')}.`);
      return 'active';
    }
    return status;
  }
}

const ROLE_KEYS = ['role'];
const MENTOR_KEYS = ['mentor', 'mentor_type', 'mentor_kind'];
const STATUS_KEYS = ['status'];
const TRUE_WORDS: ReadonlySet<string> = new Set(['true', 'yes', 'y', 'on', '1']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['false', 'no', 'n', 'off', '0', '']);

function slug(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

// Maps, not objects: a value must never find `constructor` or `__proto__`.
const ROLE_ALIASES: ReadonlyMap<string, Role> = new Map<string, Role>([
  ...ROLES.map((r): [string, Role] => [r, r]),
  ...Object.entries<Role>({
    attending: 'faculty', surgeon: 'faculty', professor: 'faculty', 'assistant-professor': 'faculty', 'associate-professor': 'faculty', faculty: 'faculty',
    pd: 'program-director', 'program-director': 'program-director', director: 'program-director',
    apd: 'associate-program-director', 'assistant-program-director': 'associate-program-director',
    chief: 'chair', 'chief-of-plastic-surgery': 'chair', 'department-chair': 'chair', 'division-chief': 'chair',
    'chief-resident': 'resident', fellow: 'resident', intern: 'resident',
    'program-coordinator': 'coordinator', 'medical-student': 'student', ms: 'student',
    researcher: 'researcher', scientist: 'researcher',
  }),
]);

const STATUS_ALIASES: ReadonlyMap<string, Status> = new Map<string, Status>([
  ...STATUSES.map((s): [string, Status] => [s, s]),
  ...Object.entries<Status>({
    'on-hold': 'paused', hold: 'paused', inactive: 'dormant', closed: 'archived', done: 'archived', pending: 'waiting',
  }),
]);

export function scalarText(value: unknown): string | null {
  if (value == null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // YAML reads an unquoted `[[Name]]` as a list holding a list: treat it as the link it was meant to be.
  const unwrapped = unwrapLink(value);
  return unwrapped;
}

function unwrapLink(value: unknown): string | null {
  if (Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 && typeof value[0][0] === 'string') {
    return value[0][0].trim();
  }
  return null;
}

/** A value that may be `[[Target|Alias]]`, a plain name, or YAML's reading of an unquoted link. */
export function linkText(value: unknown): string | null {
  const text = scalarText(value);
  if (text === null) return null;
  // Most values are plain names: only a value wrapped in brackets is worth the regex.
  if (!text.startsWith('[[') || !text.endsWith(']]')) return text;
  const m = /^\[\[(.*)\]\]$/.exec(text);
  return m ? linkTarget(m[1]) : text;
}
