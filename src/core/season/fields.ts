import { parseCalendarDate, type CalendarDate } from '../dates';
import { linkText, scalarText } from '../fields';
import { normalizeKey } from '../frontmatter';
import { ProblemCode, wholeLine, problem } from '../problems';
import type { Note, Problem } from '../types';

/**
 * The application season's fields: a letter on the writer's contact note, an
 * application and an interview on a program note, the Match on the profile. They
 * are nested mappings, so they are read here (with the line of each nested key, for
 * problems and follow-ups to point at) rather than by the flat field reader.
 */

/** A date with the line it was written on. */
export interface Dated {
  date: CalendarDate;
  line: number;
}

export interface Letter {
  /** The line of `letter:`. */
  line: number;
  asked: Dated | null;
  agreed: Dated | null;
  declined: Dated | null;
  materialsSent: Dated | null;
  due: Dated | null;
  uploaded: Dated | null;
  thanked: Dated | null;
  /** Who to remind instead of the writer, as written (`Pat Lee <pat.lee@example.org>`). */
  assistant: string | null;
}

export const APPLICATION_SYSTEMS = ['ERAS', 'PSCA', 'both'] as const;
export type ApplicationSystem = (typeof APPLICATION_SYSTEMS)[number];

export interface Application {
  line: number;
  applied: Dated | null;
  system: ApplicationSystem | null;
  signal: boolean;
}

export interface Interview {
  line: number;
  invited: Dated | null;
  respondBy: Dated | null;
  date: Dated | null;
  declined: Dated | null;
}

export interface MatchResult {
  line: number;
  date: Dated | null;
  /** The program matched to, as written without `[[ ]]`. */
  program: string | null;
  unmatched: boolean;
}

export interface SeasonFields {
  letter: Letter | null;
  application: Application | null;
  interview: Interview | null;
  match: MatchResult | null;
}

const EMPTY: SeasonFields = Object.freeze({ letter: null, application: null, interview: null, match: null });

/** Which block each kind of note may hold, and the keys each block takes. */
const BLOCKS = {
  letter: { kind: 'contact', keys: ['asked', 'agreed', 'declined', 'materials_sent', 'due', 'uploaded', 'thanked', 'assistant'] },
  application: { kind: 'program', keys: ['applied', 'system', 'signal'] },
  interview: { kind: 'program', keys: ['invited', 'respond_by', 'date', 'declined'] },
  match: { kind: 'profile', keys: ['date', 'program', 'unmatched'] },
} as const;
type BlockName = keyof typeof BLOCKS;

const cache = new WeakMap<Note, SeasonFields>();

/** The season fields of a note, read at parse time (see `attachSeasonFields`), else now (its problems were reported then). */
export function seasonFields(note: Note): SeasonFields {
  let found = cache.get(note);
  if (!found) {
    found = read(note, null, []);
    cache.set(note, found);
  }
  return found;
}

/**
 * Reads a note's season fields from its lines, reporting each value that cannot be
 * read as a problem on its own line (nothing is skipped silently), and remembers them
 * for the rules. Called once by `parseNote`.
 */
export function attachSeasonFields(note: Note, lines: readonly string[]): void {
  if (!('letter' in note.keyLines || 'application' in note.keyLines || 'interview' in note.keyLines || 'match' in note.keyLines)) {
    cache.set(note, EMPTY);
    return;
  }
  // The nested keys' lines go into the note itself (`letter.asked`), not only this module's
  // cache: another bundle of Rapport reading the same note (the tests, the CLI in-process)
  // must find the same lines.
  for (const name of Object.keys(BLOCKS) as BlockName[]) {
    const line = note.keyLines[name];
    if (line === undefined || note.frontmatterBroken) continue;
    for (const [key, at] of nestedKeyLines(lines, line, note.frontmatterEnd)) note.keyLines[`${name}.${key}`] = at;
  }
  cache.set(note, read(note, lines, note.problems));
}

function read(note: Note, lines: readonly string[] | null, problems: Problem[]): SeasonFields {
  const out: SeasonFields = { letter: null, application: null, interview: null, match: null };
  for (const name of Object.keys(BLOCKS) as BlockName[]) {
    if (!(name in note.keyLines) || note.frontmatterBroken) continue;
    const block = BLOCKS[name];
    const keyLine = note.keyLines[name];
    const report = (line: number, message: string, code: string = ProblemCode.invalidValue, severity: 'error' | 'warning' = 'warning') => {
      if (lines) problems.push(problem(code, severity, message, wholeLine(lines, line)));
    };
    if (note.kind !== block.kind) {
      report(keyLine, `'${name}' belongs on a ${block.kind} note; Rapport does not read it here.`);
      continue;
    }
    const value = note.frontmatter[name];
    if (value === null || value === undefined || value === '') continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      report(keyLine, `'${name}' should be a mapping of fields (${block.keys.join(', ')}), one per line below it.`);
      continue;
    }
    const fields = new Map<string, { value: unknown; line: number }>();
    for (const [raw, v] of Object.entries(value as Record<string, unknown>)) {
      const key = normalizeKey(raw);
      const line = note.keyLines[`${name}.${key}`] ?? keyLine;
      if (!(block.keys as readonly string[]).includes(key)) {
        report(line, `Unknown field '${raw}' in '${name}'. Use: ${block.keys.join(', ')}.`);
        continue;
      }
      fields.set(key, { value: v, line });
    }
    const date = (key: string): Dated | null => {
      const f = fields.get(key);
      if (!f) return null;
      const text = scalarText(f.value);
      if (text === '') return null;
      const parsed = text === null ? null : parseCalendarDate(text);
      if (!parsed || !parsed.ok) {
        report(f.line, `Invalid date '${text ?? ''}' in '${name}.${key}'${parsed && !parsed.ok ? `: ${parsed.reason}` : ''}; use YYYY-MM-DD.`, ProblemCode.invalidDate, 'error');
        return null;
      }
      return { date: parsed.date, line: f.line };
    };
    const bool = (key: string): boolean => {
      const f = fields.get(key);
      if (!f) return false;
      const text = (scalarText(f.value) ?? '').toLowerCase();
      if (text === 'true' || text === 'yes') return true;
      if (text === 'false' || text === 'no' || text === '') return false;
      report(f.line, `'${name}.${key}' should be true or false, not '${text}'.`);
      return false;
    };
    const text = (key: string): string | null => {
      const f = fields.get(key);
      if (!f) return null;
      const t = linkText(f.value);
      if (t === null) report(f.line, `'${name}.${key}' should be a single value.`);
      return t === null || t === '' ? null : t;
    };
    if (name === 'letter') {
      out.letter = {
        line: keyLine, asked: date('asked'), agreed: date('agreed'), declined: date('declined'), materialsSent: date('materials_sent'),
        due: date('due'), uploaded: date('uploaded'), thanked: date('thanked'), assistant: text('assistant'),
      };
    } else if (name === 'application') {
      const system = text('system');
      const known = system === null ? null : APPLICATION_SYSTEMS.find((s) => s.toLowerCase() === system.toLowerCase()) ?? null;
      if (system !== null && known === null) report(fields.get('system')!.line, `Unknown application system '${system}'. Use ERAS, PSCA or both.`);
      out.application = { line: keyLine, applied: date('applied'), system: known, signal: bool('signal') };
    } else if (name === 'interview') {
      out.interview = { line: keyLine, invited: date('invited'), respondBy: date('respond_by'), date: date('date'), declined: date('declined') };
    } else {
      out.match = { line: keyLine, date: date('date'), program: text('program'), unmatched: bool('unmatched') };
    }
  }
  return out;
}

/** Linear: one greedy run up to the first `:` or `#`, no overlapping quantifiers. */
const CHILD_KEY = /^( +)([^\s:#[{-][^:#]*):(?:[ \t]|$)/;

/**
 * The line of each key of the block mapping under `keyLine` (one pass over its lines,
 * which end at the next line that is not indented). A flow mapping (`{ a: 1 }`) keeps
 * every key on the key's own line, which is what the empty map means to callers.
 */
export function nestedKeyLines(lines: readonly string[], keyLine: number, end: number): Map<string, number> {
  const out = new Map<string, number>();
  let indent = -1;
  for (let i = keyLine + 1; i < end; i++) {
    const line = lines[i];
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (line.length === trimmed.length) break;
    const m = CHILD_KEY.exec(line);
    if (!m) continue;
    if (indent === -1) indent = m[1].length;
    if (m[1].length !== indent) continue;
    const key = normalizeKey(m[2].trim().replace(/^(["'])(.*)\1$/, '$2'));
    if (!out.has(key)) out.set(key, i);
  }
  return out;
}
