import { parseCadence, parseCalendarDate, type CalendarDate } from './dates';
import { FieldReader, linkText, scalarText } from './fields';
import { ProblemCode, problem, wholeLine } from './problems';
import { PROJECT_STATUSES, type Milestone, type Problem, type ProjectNote, type ProjectStatus } from './types';

/**
 * The fields of a research project note (`projects/` or `type: project`): who leads it,
 * who works on it, where it stands, how often to check in and its milestones. Kept out
 * of `parseNote.ts` so the reader of one note kind stays one small file.
 */
export type ProjectFields = Pick<ProjectNote, 'lead' | 'members' | 'status' | 'cadenceDays' | 'milestones' | 'newsDate' | 'start'>;

/** The guide's words for a check-in rhythm ("weekly or bi-weekly check-ins"). */
const CADENCE_WORDS: ReadonlyMap<string, number> = new Map(Object.entries({
  weekly: 7, 'every-week': 7, 'bi-weekly': 14, biweekly: 14, fortnightly: 14, 'every-other-week': 14, 'every-two-weeks': 14, monthly: 30,
}));

const STATUS_ALIASES: ReadonlyMap<string, ProjectStatus> = new Map<string, ProjectStatus>([
  ...PROJECT_STATUSES.map((s): [string, ProjectStatus] => [s, s]),
  ...Object.entries<ProjectStatus>({
    ongoing: 'active', 'in-progress': 'active', 'under-review': 'submitted', published: 'accepted',
    'on-hold': 'paused', hold: 'paused', finished: 'done', complete: 'done', completed: 'done', closed: 'done',
  }),
]);

function slug(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

export function readProject(
  f: FieldReader, data: Record<string, unknown>, keyLines: Record<string, number>, lines: readonly string[], problems: Problem[],
): ProjectFields {
  const status = readStatus(data, keyLines, lines, problems);
  return {
    lead: f.link('lead', 'mentor', 'pi', 'supervisor'),
    members: f.list('members', 'team', 'people').map((m) => linkText(m) ?? m),
    status,
    cadenceDays: readCadence(data, keyLines, lines, problems),
    milestones: readMilestones(data, keyLines, lines, problems),
    newsDate: f.date(status === 'presented' ? 'presented' : 'accepted', status === 'presented' ? 'accepted' : 'presented', 'status_date'),
    start: f.date('start', 'started', 'start_date'),
  };
}

function readStatus(data: Record<string, unknown>, keyLines: Record<string, number>, lines: readonly string[], problems: Problem[]): ProjectStatus {
  if (!('status' in data) || data.status == null) return 'active';
  const text = slug(scalarText(data.status) ?? '');
  const status = STATUS_ALIASES.get(text);
  if (status) return status;
  problems.push(problem(ProblemCode.unknownStatus, 'warning',
    `Unknown project status '${text}'. Use one of: ${PROJECT_STATUSES.join(', ')}.`, wholeLine(lines, keyLines.status ?? 0)));
  return 'active';
}

function readCadence(data: Record<string, unknown>, keyLines: Record<string, number>, lines: readonly string[], problems: Problem[]): number | null {
  const key = ['cadence', 'check_ins', 'check_in', 'frequency'].find((k) => k in data && data[k] != null);
  if (key === undefined) return null;
  const text = scalarText(data[key]) ?? '';
  const days = CADENCE_WORDS.get(slug(text)) ?? parseCadence(text);
  if (days === null) {
    problems.push(problem(ProblemCode.invalidValue, 'warning',
      `Invalid cadence '${text}': use weekly, bi-weekly, or an interval such as 10d or 2w.`, wholeLine(lines, keyLines[key] ?? 0)));
  }
  return days;
}

/**
 * `milestones: [{ name, due, done }]`. Each item's line is found by walking the block
 * under `milestones:` once (linear): the n-th `- ` item at the list's indentation.
 */
function readMilestones(data: Record<string, unknown>, keyLines: Record<string, number>, lines: readonly string[], problems: Problem[]): Milestone[] {
  const value = data.milestones;
  const keyLine = keyLines.milestones;
  if (value == null || keyLine === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(problem(ProblemCode.invalidValue, 'warning',
      "'milestones' should be a list of { name, due, done }.", wholeLine(lines, keyLine)));
    return [];
  }
  const itemLines = listItemLines(lines, keyLine, value.length);
  const out: Milestone[] = [];
  value.forEach((item, i) => {
    const line = itemLines[i] ?? keyLine;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      const name = scalarText(item);
      if (name) out.push({ name, due: null, done: false, line });
      return;
    }
    const m = item as Record<string, unknown>;
    const name = scalarText(m.name ?? m.title ?? null) || `milestone ${i + 1}`;
    const dueText = scalarText(m.due ?? m.date ?? null) ?? '';
    let due: CalendarDate | null = null;
    if (dueText !== '') {
      const parsed = parseCalendarDate(dueText);
      if (parsed.ok) due = parsed.date;
      else problems.push(problem(ProblemCode.invalidDate, 'error', `Invalid date '${dueText}' in milestone '${name}': ${parsed.reason}.`, wholeLine(lines, line)));
    }
    const doneText = (scalarText(m.done ?? null) ?? '').toLowerCase();
    out.push({ name, due, done: doneText === 'true' || doneText === 'yes' || doneText === 'x' || /^\d{4}-\d{2}-\d{2}$/.test(doneText), line });
  });
  return out;
}

function listItemLines(lines: readonly string[], keyLine: number, count: number): number[] {
  const out: number[] = [];
  let indent = -1;
  for (let l = keyLine + 1; l < lines.length && out.length < count; l++) {
    const text = lines[l];
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const lead = text.length - text.trimStart().length;
    if (text.trim() === '---' || (lead === 0 && !text.startsWith('-'))) break;
    if (text.trimStart().startsWith('- ') || text.trim() === '-') {
      if (indent === -1) indent = lead;
      if (lead === indent) out.push(l);
    }
  }
  return out;
}
