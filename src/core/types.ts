import type { CalendarDate } from './dates';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** 0-based, like LSP and VS Code; converted to `vscode.Range` at the edge. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Problem {
  /** A stable code: a `ProblemCode` from reading, or a follow-up rule code. */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** For follow-up problems: the day the action is (or was) due. */
  due?: CalendarDate;
  /** A fix that needs no answer ("did you mean 2026-10-12?"): replace `range` with `text`. */
  replacement?: { range: Range; text: string };
}

export type NoteKind = 'contact' | 'conference' | 'rotation' | 'program' | 'profile' | 'project' | 'other';

export const ROLES = [
  'faculty', 'resident', 'program-director', 'associate-program-director', 'chair',
  'coordinator', 'student', 'researcher', 'other',
] as const;
export type Role = (typeof ROLES)[number];

export const MENTOR_KINDS = ['faculty', 'resident', 'external', 'peer'] as const;
export type MentorKind = (typeof MENTOR_KINDS)[number];

export const STATUSES = ['active', 'waiting', 'paused', 'dormant', 'archived'] as const;
export type Status = (typeof STATUSES)[number];

export const INTERACTION_KINDS = [
  'met', 'call', 'meeting', 'emailed', 'followed-up', 'replied', 'received', 'thanked', 'presented', 'note',
  // A mentor's suggestion (starts report-back), a request for feedback on a rotation, and
  // an incoming message that needs no answer ("good luck!"), which closes reply-owed.
  'advice', 'feedback', 'no-reply-needed',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** Who moved: `out` is the student writing, `in` the contact writing, `both` a conversation. */
export type Direction = 'out' | 'in' | 'both' | 'none';

export interface Interaction {
  date: CalendarDate;
  kind: InteractionKind;
  direction: Direction;
  text: string;
  /** 0-based line of the log entry in the file. */
  line: number;
}

export interface Task {
  text: string;
  due: CalendarDate | null;
  /** Closed: done (`[x]`, `[X]`) or cancelled (`[-]`). */
  done: boolean;
  /**
   * The status character as Obsidian Tasks reads it: ' ' to do, '/' in progress, 'x'/'X'
   * done, '-' cancelled. Any other character is open (a custom status counts as to do).
   */
  status?: string;
  line: number;
}

export interface WikiLink {
  /** The target as written, without alias or heading: `[[Jane Smith|Dr. Smith]]` → `Jane Smith`. */
  target: string;
  /** The other side of `[[a|b]]`: Dendron writes `[[label|target]]`, so either side may name the note. */
  alt?: string;
  range: Range;
}

export interface NoteBase {
  /** Vault-relative, forward slashes. */
  path: string;
  kind: NoteKind;
  /** `name` from frontmatter, else the file name without `.md`. */
  name: string;
  /** The frontmatter as read: every value a string, a list or a mapping of strings. */
  frontmatter: Record<string, unknown>;
  /** 0-based line of each top-level frontmatter key. */
  keyLines: Record<string, number>;
  /** 0-based line of the closing `---`, or -1 when the note has no (valid) frontmatter. */
  frontmatterEnd: number;
  /** True when the frontmatter could not be read; edits to such a note are refused. */
  frontmatterBroken: boolean;
  interactions: Interaction[];
  tasks: Task[];
  links: WikiLink[];
  tags: string[];
  problems: Problem[];
  lineCount: number;
  /** The line ending the file mostly uses, so edits keep it. */
  eol: '\n' | '\r\n' | '\r';
}

export interface ContactNote extends NoteBase {
  kind: 'contact';
  title: string | null;
  role: Role | null;
  mentor: MentorKind | null;
  sponsor: boolean;
  institution: string | null;
  program: string | null;
  position: string | null;
  email: string | null;
  phone: string | null;
  interests: string[];
  met: CalendarDate | null;
  /** `met_at` as written, without `[[ ]]`. */
  metAt: string | null;
  followUp: CalendarDate | null;
  lastContact: CalendarDate | null;
  /** Keep-in-touch interval in days. */
  cadenceDays: number | null;
  status: Status;
  snoozeUntil: CalendarDate | null;
  /** `next_meeting`: the next planned meeting (a mentor meeting), for meeting-prep. */
  nextMeeting: CalendarDate | null;
}

export interface ConferenceNote extends NoteBase {
  kind: 'conference';
  start: CalendarDate | null;
  end: CalendarDate | null;
  location: string | null;
  goals: string[];
  /** Names or link targets, without `[[ ]]`. */
  shortlist: string[];
  /** `kind: virtual`: an open house or webinar; no 10–20 name shortlist, follow up only marked people. */
  virtual: boolean;
  /** `follow_up:` on the conference note: the people to follow up (for a virtual event, the only ones). */
  followUpWith: string[];
}

export interface RotationNote extends NoteBase {
  kind: 'rotation';
  program: string | null;
  institution: string | null;
  start: CalendarDate | null;
  end: CalendarDate | null;
  rotationKind: 'home' | 'away';
  /** Contacts listed on the rotation note (`contacts:` frontmatter), without `[[ ]]`. */
  contacts: string[];
  /** `ask_feedback: true` opts a home rotation in to the mid-rotation feedback reminder. */
  askFeedback: boolean;
}

export interface ProgramNote extends NoteBase {
  kind: 'program';
  institution: string | null;
  programDirector: string | null;
  coordinator: string | null;
  website: string | null;
}

export interface ProfileNote extends NoteBase {
  kind: 'profile';
  school: string | null;
  year: string | null;
  interests: string[];
  email: string | null;
  phone: string | null;
}

export const PROJECT_STATUSES = ['active', 'submitted', 'accepted', 'presented', 'paused', 'done'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface Milestone {
  name: string;
  due: CalendarDate | null;
  done: boolean;
  /** 0-based line of the milestone's entry (its `- name:` line), else of `milestones:`. */
  line: number;
}

/** A research project: the guide's "research as relationship-building". */
export interface ProjectNote extends NoteBase {
  kind: 'project';
  /** The lead (mentor) and members, without `[[ ]]`. */
  lead: string | null;
  members: string[];
  status: ProjectStatus;
  /** Check-in interval in days (`weekly`, `bi-weekly`, `14d`…), or null for the setting's default. */
  cadenceDays: number | null;
  milestones: Milestone[];
  /** The day the news came (`accepted:` / `presented:` / `status_date:`), for research-news. */
  newsDate: CalendarDate | null;
  start: CalendarDate | null;
}

export interface OtherNote extends NoteBase {
  kind: 'other';
}

export type Note = ContactNote | ConferenceNote | RotationNote | ProgramNote | ProfileNote | ProjectNote | OtherNote;

/** The groups of the Network view, in display order. */
export const GROUPS = [
  'mentor-faculty', 'mentor-resident', 'mentor-external', 'mentor-peer',
  'sponsors', 'residents', 'program-leadership', 'faculty', 'conference-leads', 'others',
] as const;
export type Group = (typeof GROUPS)[number];

export const GROUP_LABELS: Record<Group, string> = {
  'mentor-faculty': 'Mentors · Faculty',
  'mentor-resident': 'Mentors · Resident',
  'mentor-external': 'Mentors · External',
  'mentor-peer': 'Mentors · Peer',
  sponsors: 'Sponsors',
  residents: 'Residents',
  'program-leadership': 'Program leadership',
  faculty: 'Faculty',
  'conference-leads': 'Conference leads',
  others: 'Others',
};
