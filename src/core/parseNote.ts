import { scanBody } from './body';
import { FieldReader, scalarText } from './fields';
import { normalizeKey, readFrontmatter } from './frontmatter';
import { patientIdentifierProblems } from './privacy';
import { attachSeasonFields } from './season/fields';
import { readProject } from './projectFields';
import { MAX_PROBLEMS_PER_NOTE, ProblemCode, capProblems, compareProblems, lineRange, wholeLine, problem } from './problems';
import type { Note, NoteBase, NoteKind } from './types';

// Maps, not objects: a note's `type:` or folder must never find `constructor` or `__proto__`.
const TYPE_ALIASES: ReadonlyMap<string, NoteKind> = new Map(Object.entries<NoteKind>({
  contact: 'contact', person: 'contact', people: 'contact', mentor: 'contact',
  conference: 'conference', meeting: 'conference', event: 'conference',
  rotation: 'rotation', 'away-rotation': 'rotation', elective: 'rotation', 'sub-i': 'rotation',
  program: 'program', programme: 'program',
  profile: 'profile',
  project: 'project', research: 'project', 'research-project': 'project',
  note: 'other', other: 'other',
}));

const FOLDER_KINDS: ReadonlyMap<string, NoteKind> = new Map(Object.entries<NoteKind>({
  contacts: 'contact', people: 'contact',
  conferences: 'conference', events: 'conference',
  rotations: 'rotation',
  programs: 'program',
  projects: 'project', research: 'project',
}));

/** A vault's own documentation (README.md, index.md) and the `notes/` folder are plain notes by design. */
const DOCUMENT_NAMES = /(?:^|\/)(?:readme|index|changelog|license)\.md$|^notes\//i;

export interface ParseOptions {
  /**
   * Look for likely patient identifiers (the `patient-identifier` problem, at `info`;
   * the report re-grades it from settings). Off by default: it costs more than the rest
   * of the parse, so a caller that will not show it should not pay for it.
   */
  patientIdentifiers?: boolean;
  /** Report a note whose kind cannot be told (`unknown-note-kind`); on by default. */
  reportUnknownKind?: boolean;
}

/** Splits on every line ending (LF, CRLF, lone CR) and reports which one the file uses. */
export function splitLines(text: string): { lines: string[]; eol: NoteBase['eol'] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const cr = body.indexOf('\r');
  // Most notes use LF only: a plain string split is several times faster than a regex one.
  if (cr === -1) return { lines: body.split('\n'), eol: '\n' };
  const lines = body.split(/\r\n|\r|\n/);
  const crlf = body.indexOf('\r\n');
  const lf = body.indexOf('\n');
  const eol = crlf !== -1 && crlf === cr ? '\r\n' : cr !== -1 && (lf === -1 || cr < lf) ? '\r' : '\n';
  return { lines, eol };
}

function baseName(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  return file.replace(/\.md$/i, '');
}

function kindFromPath(path: string): NoteKind {
  if (path.toLowerCase() === 'profile.md') return 'profile';
  const slash = path.indexOf('/');
  if (slash === -1) return 'other';
  return FOLDER_KINDS.get(path.slice(0, slash).toLowerCase()) ?? 'other';
}

/**
 * Turns one note's text into a typed `Note`. Pure and total: whatever the input,
 * it returns a note, with every problem it found pointing at the exact line.
 */
export function parseNote(path: string, text: string, options: ParseOptions = {}): Note {
  const { lines, eol } = splitLines(text);
  const fm = readFrontmatter(lines);
  const body = scanBody(lines, fm.bodyStart);
  const problems = [...fm.problems, ...body.problems];
  let omitted = body.omitted;
  if (options.patientIdentifiers) {
    // In line order too: past the cap, the rest are only counted.
    const found = patientIdentifierProblems(lines);
    for (let k = 0; k < found.length && k < MAX_PROBLEMS_PER_NOTE; k++) problems.push(found[k]);
    omitted += Math.max(found.length - MAX_PROBLEMS_PER_NOTE, 0);
  }
  const f = new FieldReader(fm.data, fm.keyLines, lines, problems);

  let kind = kindFromPath(path);
  const typeText = scalarText(fm.data[normalizeKey('type')] ?? null);
  if (kind === 'other' && !typeText && !fm.broken && options.reportUnknownKind !== false && !DOCUMENT_NAMES.test(path)) {
    // Not silently ignored: say how to make the note count.
    problems.push(problem(ProblemCode.unknownNoteKind, 'info',
      "Rapport cannot tell what this note is, so it is not followed up. Add 'type: contact' (or conference, rotation, program; 'type: note' for a plain note) to its frontmatter, or move it to contacts/, conferences/, rotations/ or programs/.",
      lineRange(0)));
  }
  if (typeText) {
    const declared = TYPE_ALIASES.get(typeText.toLowerCase().replace(/[\s_]+/g, '-'));
    if (declared) kind = declared;
    else {
      const line = fm.keyLines.type ?? 0;
      problems.push(problem(ProblemCode.unknownType, 'warning',
        `Unknown note type '${typeText}'. Use contact, conference, rotation, program, project or profile.`, wholeLine(lines, line)));
    }
  }

  // Every note is built as one object literal, base fields first. Not `{ ...base, ... }`:
  // V8 defines each property after a spread one at a time on a slow path, about 1 µs a
  // property, which was 40% of the whole parse.
  const frontmatter = fm.data;
  const keyLines = fm.keyLines;
  const frontmatterEnd = fm.end;
  const frontmatterBroken = fm.broken;
  const { interactions, tasks, links } = body;
  const name = f.string('name', 'full_name', 'title_name') ?? baseName(path);
  const tags = f.list('tags');
  const lineCount = lines.length;

  let note: Note;
  switch (kind) {
    case 'contact': {
      const role = f.role();
      note = {
        path, kind, name, frontmatter, keyLines, frontmatterEnd, frontmatterBroken, interactions, tasks, links, tags, problems, lineCount, eol,
        title: f.string('title', 'honorific'),
        role,
        mentor: f.mentor(role),
        sponsor: f.boolean('sponsor'),
        institution: f.string('institution', 'organization', 'organisation', 'company', 'hospital'),
        program: f.link('program'),
        position: f.string('position', 'job_title'),
        email: f.string('email', 'e_mail'),
        phone: f.string('phone', 'tel', 'telephone'),
        interests: f.list('interests', 'interest'),
        met: f.date('met', 'met_on', 'first_met'),
        metAt: f.link('met_at', 'met_where', 'event'),
        followUp: f.date('follow_up', 'next_follow_up', 'followup', 'due'),
        lastContact: f.date('last_contact', 'last_contacted', 'prm_last_contacted'),
        cadenceDays: f.cadence('cadence', 'keep_in_touch', 'frequency'),
        status: f.status(),
        snoozeUntil: f.date('snooze_until', 'snoozed_until', 'snooze'),
        nextMeeting: f.date('next_meeting', 'next_meeting_date'),
      };
      break;
    }
    case 'conference':
      note = {
        path, kind, name, frontmatter, keyLines, frontmatterEnd, frontmatterBroken, interactions, tasks, links, tags, problems, lineCount, eol,
        start: f.date('start', 'date', 'start_date'),
        end: f.date('end', 'end_date'),
        location: f.string('location', 'where', 'city'),
        goals: f.list('goals'),
        shortlist: f.list('shortlist', 'people_to_meet'),
        virtual: /^(?:virtual|online|webinar|open-house|virtual-open-house)$/.test((f.string('kind', 'format') ?? '').toLowerCase().replace(/[\s_]+/g, '-')),
        followUpWith: f.list('follow_up', 'follow_up_with'),
      };
      break;
    case 'rotation': {
      const rk = (f.string('kind', 'rotation_kind') ?? 'away').toLowerCase();
      note = {
        path, kind, name, frontmatter, keyLines, frontmatterEnd, frontmatterBroken, interactions, tasks, links, tags, problems, lineCount, eol,
        program: f.link('program'),
        institution: f.string('institution', 'hospital'),
        start: f.date('start', 'start_date'),
        end: f.date('end', 'end_date'),
        rotationKind: rk === 'home' ? 'home' : 'away',
        contacts: f.list('contacts', 'people', 'team'),
        askFeedback: f.boolean('ask_feedback', 'feedback_reminder'),
      };
      break;
    }
    case 'program':
      note = {
        path, kind, name, frontmatter, keyLines, frontmatterEnd, frontmatterBroken, interactions, tasks, links, tags, problems, lineCount, eol,
        institution: f.string('institution', 'hospital'),
        programDirector: f.link('program_director', 'pd'),
        coordinator: f.link('coordinator'),
        website: f.string('website', 'url'),
      };
      break;
    case 'profile':
      note = {
        path, kind, name, frontmatter, keyLines, frontmatterEnd, frontmatterBroken, interactions, tasks, links, tags, problems, lineCount, eol,
        school: f.string('school', 'medical_school'),
        year: f.string('year', 'class_year', 'level'),
        interests: f.list('interests', 'interest'),
        email: f.string('email'),
        phone: f.string('phone'),
      };
      break;
    case 'project':
      note = {
        path, kind, name, frontmatter, keyLines, frontmatterEnd, frontmatterBroken, interactions, tasks, links, tags, problems, lineCount, eol,
        ...readProject(f, fm.data, fm.keyLines, lines, problems),
      };
      break;
    default:
      note = { path, kind: 'other', name, frontmatter, keyLines, frontmatterEnd, frontmatterBroken, interactions, tasks, links, tags, problems, lineCount, eol };
  }
  attachSeasonFields(note, lines);
  problems.sort(compareProblems);
  capProblems(problems, omitted);
  return note;
}
