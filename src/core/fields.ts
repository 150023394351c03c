import { parseCalendarDate, parseCadence, type CalendarDate } from './dates';
import { linkTarget } from './body';
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

  /** The first alias present: its normalised key and raw value. */
  private find(names: readonly string[]): { key: string; value: unknown } | null {
    for (const key of names) {
      if (key in this.data && this.data[key] != null) return { key, value: this.data[key] };
    }
    return null;
  }

  private report(key: string, code: string, message: string, severity: 'error' | 'warning' = 'warning'): void {
    const line = this.keyLines[key] ?? 0;
    const text = this.lines[line] ?? '';
    this.problems.push(problem(code, severity, message, lineRange(line, 0, text.length)));
  }

  string(...names: string[]): string | null {
    const f = this.find(names);
    if (!f) return null;
    const text = scalarText(f.value);
    if (text === null) {
      this.report(f.key, ProblemCode.invalidValue, `'${f.key}' should be a single value, not a list or a mapping.`);
      return null;
    }
    return text === '' ? null : text;
  }

  /** A string or a `[[link]]`, returned without brackets. */
  link(...names: string[]): string | null {
    const f = this.find(names);
    if (!f) return null;
    const text = linkText(f.value);
    return text === null || text === '' ? null : text;
  }

  list(...names: string[]): string[] {
    const f = this.find(names);
    if (!f) return [];
    if (Array.isArray(f.value)) {
      return f.value.map((v) => linkText(v)).filter((v): v is string => v !== null && v !== '');
    }
    const text = scalarText(f.value);
    if (text === null) return [];
    return text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  }

  date(...names: string[]): CalendarDate | null {
    const f = this.find(names);
    if (!f) return null;
    const text = scalarText(f.value);
    if (text === null || text === '') {
      if (text === null) this.report(f.key, ProblemCode.invalidDate, `'${f.key}' should be a date as YYYY-MM-DD.`, 'error');
      return null;
    }
    const parsed = parseCalendarDate(text);
    if (!parsed.ok) {
      this.report(f.key, ProblemCode.invalidDate, `Invalid date '${text}' in '${f.key}': ${parsed.reason}.`, 'error');
      return null;
    }
    return parsed.date;
  }

  boolean(...names: string[]): boolean {
    const f = this.find(names);
    if (!f) return false;
    const text = (scalarText(f.value) ?? '').toLowerCase();
    if (['true', 'yes', 'y', 'on', '1'].includes(text)) return true;
    if (['false', 'no', 'n', 'off', '0', ''].includes(text)) return false;
    this.report(f.key, ProblemCode.invalidValue, `'${f.key}' should be true or false, not '${text}'.`);
    return false;
  }

  cadence(...names: string[]): number | null {
    const f = this.find(names);
    if (!f) return null;
    const text = scalarText(f.value);
    const days = text === null ? null : parseCadence(text);
    if (days === null) {
      this.report(f.key, ProblemCode.invalidValue, `Invalid cadence '${text ?? ''}': use an interval such as 45d, 6w, 3mo or P45D.`);
    }
    return days;
  }

  role(): Role | null {
    const f = this.find(['role']);
    if (!f) return null;
    const text = scalarText(f.value);
    const role = text === null ? undefined : ROLE_ALIASES[slug(text)];
    if (!role) {
      this.report(f.key, ProblemCode.unknownRole, `Unknown role '${text ?? ''}'. Use one of: ${ROLES.join(', ')}.`);
      return null;
    }
    return role;
  }

  mentor(role: Role | null): MentorKind | null {
    const f = this.find(['mentor', 'mentor_type', 'mentor_kind']);
    if (!f) return null;
    const text = slug(scalarText(f.value) ?? '');
    if ((MENTOR_KINDS as readonly string[]).includes(text)) return text as MentorKind;
    // `mentor: true` is common; the role tells which kind of mentor.
    if (['true', 'yes'].includes(text)) return role === 'resident' ? 'resident' : role === 'student' ? 'peer' : 'faculty';
    if (['false', 'no', ''].includes(text)) return null;
    this.report(f.key, ProblemCode.unknownMentor, `Unknown mentor kind '${text}'. Use one of: ${MENTOR_KINDS.join(', ')}.`);
    return null;
  }

  status(): Status {
    const f = this.find(['status']);
    if (!f) return 'active';
    const text = slug(scalarText(f.value) ?? '');
    const status = STATUS_ALIASES[text];
    if (!status) {
      this.report(f.key, ProblemCode.unknownStatus, `Unknown status '${text}'. Use one of: ${STATUSES.join(', ')}.`);
      return 'active';
    }
    return status;
  }
}

function slug(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

const ROLE_ALIASES: Record<string, Role> = {
  ...Object.fromEntries(ROLES.map((r) => [r, r])),
  attending: 'faculty', surgeon: 'faculty', professor: 'faculty', 'assistant-professor': 'faculty', 'associate-professor': 'faculty', faculty: 'faculty',
  pd: 'program-director', 'program-director': 'program-director', director: 'program-director',
  apd: 'associate-program-director', 'assistant-program-director': 'associate-program-director',
  chief: 'chair', 'chief-of-plastic-surgery': 'chair', 'department-chair': 'chair', 'division-chief': 'chair',
  'chief-resident': 'resident', fellow: 'resident', intern: 'resident',
  'program-coordinator': 'coordinator', 'medical-student': 'student', ms: 'student',
  researcher: 'researcher', scientist: 'researcher',
};

const STATUS_ALIASES: Record<string, Status> = {
  ...Object.fromEntries(STATUSES.map((s) => [s, s])),
  'on-hold': 'paused', hold: 'paused', inactive: 'dormant', closed: 'archived', done: 'archived', pending: 'waiting',
};

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
  const m = /^\[\[(.*)\]\]$/.exec(text);
  return m ? linkTarget(m[1]) : text;
}
