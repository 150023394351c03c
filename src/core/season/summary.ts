import type { CalendarDate } from '../dates';
import type { RapportSettings } from '../settings';
import type { ContactNote } from '../types';
import { singleLine } from '../text';
import type { Vault } from '../vault';
import { seasonFields, type Letter } from './fields';
import { buildSeasonIndex } from './index';
import { SEASON_DATE_KEYS, type SeasonDates } from './settings';

/**
 * The season at a glance, for `rapport season` and the Season view (one source, so
 * both say the same): letters by status, applications by program, the season's dates.
 */

export const LETTER_STATUSES = ['declined', 'asked', 'agreed', 'materials sent', 'uploaded', 'thanked'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

export const APPLICATION_STATUSES = ['not applied', 'applied', 'invited', 'interview scheduled', 'interview declined', 'interviewed'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export interface LetterRow {
  path: string;
  writer: string;
  status: LetterStatus;
  /** The date of the latest step. */
  since: CalendarDate | null;
  due: CalendarDate | null;
  assistant: string | null;
}

export interface ApplicationRow {
  path: string;
  program: string;
  status: ApplicationStatus;
  applied: CalendarDate | null;
  system: string | null;
  signal: boolean;
  invited: CalendarDate | null;
  respondBy: CalendarDate | null;
  interview: CalendarDate | null;
}

export interface SeasonSummary {
  today: CalendarDate;
  letters: LetterRow[];
  applications: ApplicationRow[];
  dates: SeasonDates;
  match: { date: CalendarDate | null; program: string | null; unmatched: boolean } | null;
}

export function letterStatus(letter: Letter): { status: LetterStatus; since: CalendarDate | null } {
  if (letter.declined) return { status: 'declined', since: letter.declined.date };
  if (letter.thanked) return { status: 'thanked', since: letter.thanked.date };
  if (letter.uploaded) return { status: 'uploaded', since: letter.uploaded.date };
  if (letter.materialsSent) return { status: 'materials sent', since: letter.materialsSent.date };
  if (letter.agreed) return { status: 'agreed', since: letter.agreed.date };
  return { status: 'asked', since: letter.asked?.date ?? null };
}

export function seasonSummary(vault: Vault, today: CalendarDate, settings: RapportSettings): SeasonSummary {
  const letters: LetterRow[] = [];
  for (const c of vault.contacts()) {
    const letter = seasonFields(c).letter;
    if (!letter) continue;
    const { status, since } = letterStatus(letter);
    letters.push({ path: c.path, writer: writerName(c), status, since, due: letter.due?.date ?? settings.season.reviewsOpen, assistant: letter.assistant });
  }
  letters.sort((a, b) => LETTER_STATUSES.indexOf(a.status) - LETTER_STATUSES.indexOf(b.status) || a.writer.localeCompare(b.writer));
  const index = buildSeasonIndex(vault, settings);
  const applications: ApplicationRow[] = index.programs.map(({ program, application, interview }) => {
    const day = interview?.date?.date ?? null;
    const status: ApplicationStatus = interview?.declined ? 'interview declined'
      : day !== null ? (day < today ? 'interviewed' : 'interview scheduled')
        : interview?.invited ? 'invited'
          : application?.applied ? 'applied' : 'not applied';
    return {
      path: program.path, program: program.name, status, applied: application?.applied?.date ?? null, system: application?.system ?? null,
      signal: application?.signal ?? false, invited: interview?.invited?.date ?? null, respondBy: interview?.respondBy?.date ?? null, interview: day,
    };
  });
  const m = index.match;
  return {
    today, letters, applications, dates: settings.season,
    match: m ? { date: m.date?.date ?? null, program: m.program, unmatched: m.unmatched } : null,
  };
}

function writerName(c: ContactNote): string {
  return c.title ? `${c.title} ${c.name}` : c.name;
}

/** One line per row, the words the CLI prints and the view's descriptions use. */
export function letterWords(r: LetterRow): string {
  const parts = [`${r.status}${r.since ? ` ${r.since}` : ''}`];
  if (r.status !== 'uploaded' && r.status !== 'thanked' && r.status !== 'declined' && r.due) parts.push(`due ${r.due}`);
  if (r.assistant) parts.push(`assistant: ${r.assistant}`);
  return parts.join(', ');
}

export function applicationWords(r: ApplicationRow): string {
  const parts: string[] = [];
  if (r.applied) parts.push(`applied ${r.applied}${r.system ? ` (${r.system})` : ''}${r.signal ? ', signal' : ''}`);
  else parts.push('not applied');
  if (r.invited) parts.push(`invited ${r.invited}${r.status === 'invited' && r.respondBy ? `, respond by ${r.respondBy}` : ''}`);
  if (r.status === 'interview declined') parts.push('interview declined');
  else if (r.interview) parts.push(`${r.status === 'interviewed' ? 'interviewed' : 'interview'} ${r.interview}`);
  return parts.join(', ');
}

/** Plain text for a terminal: every value from the vault on one line, without control characters. */
export function seasonText(s: SeasonSummary): string {
  const out: string[] = [`Rapport season for ${s.today}`, ''];
  out.push(`Letters (${s.letters.length})`);
  if (s.letters.length === 0) out.push('  none recorded: add `letter:` to a writer\'s contact note');
  const w = Math.max(0, ...s.letters.map((r) => r.writer.length));
  for (const r of s.letters) out.push(`  ${singleLine(r.writer).padEnd(w)}  ${singleLine(letterWords(r))}  ${singleLine(r.path)}`);
  out.push('', `Applications (${s.applications.length})`);
  const p = Math.max(0, ...s.applications.map((r) => r.program.length));
  for (const r of s.applications) out.push(`  ${singleLine(r.program).padEnd(p)}  ${singleLine(applicationWords(r))}  ${singleLine(r.path)}`);
  out.push('', 'Season dates');
  for (const k of SEASON_DATE_KEYS) out.push(`  ${k.padEnd(19)}  ${s.dates[k] ?? 'not set'}`);
  if (s.match) out.push('', singleLine(`Match: ${s.match.date ?? 'date not set'}${s.match.unmatched ? ', not matched' : s.match.program ? `, matched at ${s.match.program}` : ''}`));
  return `${out.join('\n')}\n`;
}
