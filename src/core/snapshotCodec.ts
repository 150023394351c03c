import { isCalendarDate, type CalendarDate } from './dates';
import { isRuleCode } from './rules/catalog';
import type { FollowUp, OtherReminder } from './rules/types';
import {
  INTERACTION_KINDS, MENTOR_KINDS, PROJECT_STATUSES, ROLES, STATUSES,
  type Interaction, type Milestone, type Note, type Problem, type Range, type Severity, type Task, type WikiLink,
} from './types';

/**
 * A parsed note as a compact JSON value and back. The snapshot of the index is read from
 * the extension's storage or the user's cache folder: files that anyone (or a crash
 * half-way through a write) may have changed, so decoding checks every value's type,
 * enum and range and throws `InvalidSnapshot` at the first one that is wrong. Notes are
 * tuples, not objects: field names written 10,000 times were 40% of the file.
 */
export class InvalidSnapshot extends Error {}

function fail(what: string): never {
  throw new InvalidSnapshot(what);
}

type Json = unknown;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
const EOLS: readonly Note['eol'][] = ['\n', '\r\n', '\r'];
const KINDS: readonly Note['kind'][] = ['contact', 'conference', 'rotation', 'program', 'profile', 'project', 'other'];
const DIRECTIONS = ['out', 'in', 'both', 'none'] as const;
/** Deeper frontmatter than this is not something the parser produces. */
const MAX_DEPTH = 16;

function arr(v: Json, what: string): Json[] {
  return Array.isArray(v) ? v : fail(what);
}

function str(v: Json, what: string): string {
  return typeof v === 'string' ? v : fail(what);
}

function strOrNull(v: Json, what: string): string | null {
  return v === null ? null : str(v, what);
}

function bool(v: Json, what: string): boolean {
  return typeof v === 'boolean' ? v : fail(what);
}

/** A line or column: a whole number, not negative (-1 is allowed where the type says so). */
function int(v: Json, what: string, min = 0): number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= min ? v : fail(what);
}

function num(v: Json, what: string): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fail(what);
}

function date(v: Json, what: string): CalendarDate {
  return typeof v === 'string' && isCalendarDate(v) ? v : fail(what);
}

function dateOrNull(v: Json, what: string): CalendarDate | null {
  return v === null ? null : date(v, what);
}

function oneOf<T extends string>(v: Json, allowed: readonly T[], what: string): T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fail(what);
}

function strings(v: Json, what: string): string[] {
  const a = arr(v, what);
  for (const s of a) str(s, what);
  return a as string[];
}

/** A plain JSON object (never an array, never null). */
function record(v: Json, what: string): Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, Json>) : fail(what);
}

/** Frontmatter as the parser keeps it: strings, numbers, booleans, null, lists and mappings. */
function frontmatterValue(v: Json, depth: number): void {
  if (depth > MAX_DEPTH) fail('frontmatter too deep');
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return;
  if (Array.isArray(v)) {
    for (const x of v) frontmatterValue(x, depth + 1);
    return;
  }
  for (const x of Object.values(record(v, 'frontmatter value'))) frontmatterValue(x, depth + 1);
}

function encodeRange(r: Range): number[] {
  return [r.start.line, r.start.character, r.end.line, r.end.character];
}

function decodeRange(a: Json[], at: number, what: string): Range {
  return {
    start: { line: int(a[at], what), character: int(a[at + 1], what) },
    end: { line: int(a[at + 2], what), character: int(a[at + 3], what) },
  };
}

function encodeProblem(p: Problem): Json {
  const replacement = p.replacement === undefined ? null : [...encodeRange(p.replacement.range), p.replacement.text];
  return [p.code, p.severity, p.message, ...encodeRange(p.range), p.due ?? null, replacement];
}

function decodeProblem(v: Json): Problem {
  const a = arr(v, 'problem');
  if (a.length !== 9) fail('problem');
  const p: Problem = { code: str(a[0], 'problem code'), severity: oneOf(a[1], SEVERITIES, 'severity'), message: str(a[2], 'message'), range: decodeRange(a, 3, 'problem range') };
  if (a[7] !== null) p.due = date(a[7], 'problem due');
  if (a[8] !== null) {
    const r = arr(a[8], 'replacement');
    if (r.length !== 5) fail('replacement');
    p.replacement = { range: decodeRange(r, 0, 'replacement range'), text: str(r[4], 'replacement text') };
  }
  return p;
}

/** One follow-up, with what the rules add to a problem. */
export function encodeFollowUp(f: FollowUp): Json {
  return [
    f.code, f.severity, f.message, ...encodeRange(f.range), f.due, f.contact, f.action, f.key, f.template ?? null,
    f.others === undefined ? null : f.others.map((o) => [o.code, o.severity, o.due, o.message, o.line]),
  ];
}

export function decodeFollowUp(v: Json): FollowUp {
  const a = arr(v, 'follow-up');
  if (a.length !== 13) fail('follow-up');
  const code = str(a[0], 'rule code');
  if (!isRuleCode(code)) fail('rule code');
  const f: FollowUp = {
    code, severity: oneOf(a[1], SEVERITIES, 'severity'), message: str(a[2], 'message'), range: decodeRange(a, 3, 'follow-up range'),
    due: date(a[7], 'due'), contact: strOrNull(a[8], 'contact'), action: str(a[9], 'action'), key: str(a[10], 'key'),
  };
  if (a[11] !== null) f.template = str(a[11], 'template');
  if (a[12] !== null) {
    f.others = arr(a[12], 'others').map((o): OtherReminder => {
      const x = arr(o, 'other reminder');
      const c = str(x[0], 'rule code');
      if (!isRuleCode(c) || x.length !== 5) fail('other reminder');
      return { code: c, severity: oneOf(x[1], SEVERITIES, 'severity'), due: date(x[2], 'due'), message: str(x[3], 'message'), line: int(x[4], 'line') };
    });
  }
  return f;
}

/** How one kind-specific field is written and checked. */
type Field = readonly [name: string, check: (v: Json, what: string) => Json];

const S = strOrNull;
const D = dateOrNull;
const B = bool;
const L = strings;
const nOrNull = (v: Json, what: string) => (v === null ? null : num(v, what));
const enumOrNull = <T extends string>(allowed: readonly T[]) => (v: Json, what: string) => (v === null ? null : oneOf(v, allowed, what));
const enumOf = <T extends string>(allowed: readonly T[]) => (v: Json, what: string) => oneOf(v, allowed, what);
const milestones = (v: Json): Milestone[] => arr(v, 'milestones').map((m) => {
  const x = arr(m, 'milestone');
  if (x.length !== 4) fail('milestone');
  return { name: str(x[0], 'milestone name'), due: dateOrNull(x[1], 'milestone due'), done: bool(x[2], 'milestone done'), line: int(x[3], 'milestone line') };
});

/** The fields each kind adds to the base, in the order they are written. */
const KIND_FIELDS: Record<Note['kind'], readonly Field[]> = {
  contact: [
    ['title', S], ['role', enumOrNull(ROLES)], ['mentor', enumOrNull(MENTOR_KINDS)], ['sponsor', B], ['institution', S], ['program', S],
    ['position', S], ['email', S], ['phone', S], ['interests', L], ['met', D], ['metAt', S], ['followUp', D], ['lastContact', D],
    ['cadenceDays', nOrNull], ['status', enumOf(STATUSES)], ['snoozeUntil', D], ['nextMeeting', D],
  ],
  conference: [['start', D], ['end', D], ['location', S], ['goals', L], ['shortlist', L], ['virtual', B], ['followUpWith', L]],
  rotation: [['program', S], ['institution', S], ['start', D], ['end', D], ['rotationKind', enumOf(['home', 'away'] as const)], ['contacts', L], ['askFeedback', B]],
  program: [['institution', S], ['programDirector', S], ['coordinator', S], ['website', S]],
  profile: [['school', S], ['year', S], ['interests', L], ['email', S], ['phone', S]],
  project: [
    ['lead', S], ['members', L], ['status', enumOf(PROJECT_STATUSES)], ['cadenceDays', nOrNull],
    ['milestones', (v) => milestones(v)], ['newsDate', D], ['start', D],
  ],
  other: [],
};

const BASE_LENGTH = 14;

export function encodeNote(n: Note): Json {
  const out: Json[] = [
    n.path, n.kind, n.name, n.frontmatter, n.keyLines, n.frontmatterEnd, n.frontmatterBroken,
    n.interactions.map((i) => [i.date, i.kind, i.direction, i.text, i.line]),
    n.tasks.map((t) => [t.text, t.due, t.done, t.line, t.status ?? null]),
    n.links.map((l) => [l.target, ...encodeRange(l.range), l.alt ?? null]),
    n.tags, n.problems.map(encodeProblem), n.lineCount, n.eol,
  ];
  const fields = n as unknown as Record<string, Json>;
  for (const [name] of KIND_FIELDS[n.kind]) {
    const v = fields[name];
    out.push(name === 'milestones' ? (v as Milestone[]).map((m) => [m.name, m.due, m.done, m.line]) : v);
  }
  return out;
}

/** The note a value encodes, checked through; throws `InvalidSnapshot` otherwise. */
export function decodeNote(v: Json): Note {
  const a = arr(v, 'note');
  const kind = oneOf(a[1], KINDS, 'note kind');
  const fields = KIND_FIELDS[kind];
  if (a.length !== BASE_LENGTH + fields.length) fail('note length');
  const frontmatter = record(a[3], 'frontmatter');
  frontmatterValue(frontmatter, 0);
  const keyLines = record(a[4], 'key lines');
  for (const line of Object.values(keyLines)) int(line, 'key line');
  const note: Record<string, Json> = {
    path: str(a[0], 'path'),
    kind,
    name: str(a[2], 'name'),
    frontmatter,
    keyLines,
    frontmatterEnd: int(a[5], 'frontmatter end', -1),
    frontmatterBroken: bool(a[6], 'frontmatter broken'),
    interactions: arr(a[7], 'interactions').map((x): Interaction => {
      const i = arr(x, 'interaction');
      if (i.length !== 5) fail('interaction');
      return { date: date(i[0], 'interaction date'), kind: oneOf(i[1], INTERACTION_KINDS, 'interaction kind'), direction: oneOf(i[2], DIRECTIONS, 'direction'), text: str(i[3], 'text'), line: int(i[4], 'line') };
    }),
    tasks: arr(a[8], 'tasks').map((x): Task => {
      const t = arr(x, 'task');
      if (t.length !== 5) fail('task');
      const task: Task = { text: str(t[0], 'task text'), due: dateOrNull(t[1], 'task due'), done: bool(t[2], 'task done'), line: int(t[3], 'task line') };
      if (t[4] !== null) task.status = str(t[4], 'task status');
      return task;
    }),
    links: arr(a[9], 'links').map((x): WikiLink => {
      const l = arr(x, 'link');
      if (l.length !== 6) fail('link');
      const link: WikiLink = { target: str(l[0], 'link target'), range: decodeRange(l, 1, 'link range') };
      if (l[5] !== null) link.alt = str(l[5], 'link alt');
      return link;
    }),
    tags: strings(a[10], 'tags'),
    problems: arr(a[11], 'problems').map(decodeProblem),
    lineCount: int(a[12], 'line count'),
    eol: oneOf(a[13], EOLS, 'eol'),
  };
  for (let i = 0; i < fields.length; i++) {
    const [name, check] = fields[i];
    note[name] = check(a[BASE_LENGTH + i], name);
  }
  return note as unknown as Note;
}
