import type { CalendarDate } from './dates';
import type { RuleCode, RapportSettings } from './settings';
import { scheduleVault } from './rules';
import { WEEK_DAYS, bucketOf, daysLate } from './timing';
import type { Severity } from './types';
import type { Vault } from './vault';

export interface AgendaItem {
  due: CalendarDate;
  /** The contact's name, or null for a conference or rotation note. */
  contact: string | null;
  /** The note's name (the contact's, or the conference's or rotation's). */
  name: string;
  path: string;
  /** 1-based, as editors and terminals link them. */
  line: number;
  action: string;
  template: string | null;
  code: RuleCode;
  severity: Severity;
  message: string;
  /** Tells apart two follow-ups of one rule on one note (see `FollowUp.key`). */
  key: string;
  /** True when it already shows as a problem; false for what is only coming up. */
  active: boolean;
}

export interface Agenda {
  today: CalendarDate;
  days: number;
  /** Overdue (see `timing.ts`: past due and not a hint). */
  overdue: AgendaItem[];
  /** Due today, or a hint whose day has come. */
  dueToday: AgendaItem[];
  /** Due in the next `days` days, shown already or not yet. */
  upcoming: AgendaItem[];
  /** Showing already, but due after the window (a conference two weeks out, a nudge not yet overdue). */
  later: AgendaItem[];
  /**
   * Notes with problems Rapport could not read past (broken frontmatter, unreadable log
   * lines, notes of no known kind…): what they would have asked for is missing above.
   */
  unread: { notes: number; problems: number };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

function compareItems(a: AgendaItem, b: AgendaItem): number {
  return a.due.localeCompare(b.due) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
    || a.name.localeCompare(b.name) || a.path.localeCompare(b.path) || a.code.localeCompare(b.code) || a.key.localeCompare(b.key);
}

/** What to do, bucketed: overdue, today, the next `days` days, and later items that already show. */
export function buildAgenda(vault: Vault, today: CalendarDate, settings: RapportSettings, days = WEEK_DAYS): Agenda {
  const agenda: Agenda = { today, days, overdue: [], dueToday: [], upcoming: [], later: [], unread: unreadNotes(vault) };
  for (const [path, list] of scheduleVault(vault, today, settings)) {
    const note = vault.get(path);
    for (const f of list) {
      const item: AgendaItem = {
        due: f.due,
        contact: f.contact,
        name: note?.name ?? path,
        path,
        line: f.range.start.line + 1,
        action: f.action,
        template: f.template ?? null,
        code: f.code,
        severity: f.severity,
        message: f.message,
        key: f.key,
        active: f.active,
      };
      const bucket = bucketOf(f, today, days);
      if (bucket === 'overdue') agenda.overdue.push(item);
      else if (bucket === 'today') agenda.dueToday.push(item);
      else if (bucket === 'week') agenda.upcoming.push(item);
      else if (f.active) agenda.later.push(item);
    }
  }
  for (const bucket of [agenda.overdue, agenda.dueToday, agenda.upcoming, agenda.later]) bucket.sort(compareItems);
  return agenda;
}

/** Reading problems, not follow-ups or privacy findings: the lines whose reminders may be missing. */
function unreadNotes(vault: Vault): { notes: number; problems: number } {
  let notes = 0;
  let problems = 0;
  for (const note of vault.notes()) {
    const n = note.problems.filter((p) => p.code !== 'patient-identifier').length;
    if (n > 0) { notes++; problems += n; }
  }
  return { notes, problems };
}

/** Every item of an agenda, in display order. */
export function agendaItems(agenda: Agenda): AgendaItem[] {
  return [...agenda.overdue, ...agenda.dueToday, ...agenda.upcoming, ...agenda.later];
}

function itemLine(item: AgendaItem, today: CalendarDate): string {
  const late = daysLate(item, today);
  // A hint or an advisory warning whose day has passed is not late, but it is still there.
  const when = late > 0 ? ` (${late}d late)` : item.due < today ? ' (still open)' : '';
  const template = item.template ? `  [template: ${item.template}]` : '';
  return `  ${item.due}${when}  ${item.name} — ${item.action}${template}  ${item.path}:${item.line}`;
}

/** The agenda as a terminal shows it: one line per item under each heading. */
export function formatAgenda(agenda: Agenda): string {
  const sections: [string, AgendaItem[]][] = [
    ['Overdue', agenda.overdue],
    ['Today', agenda.dueToday],
    [`Next ${agenda.days} day${agenda.days === 1 ? '' : 's'}`, agenda.upcoming],
  ];
  if (agenda.later.length > 0) sections.push(['Later (already showing)', agenda.later]);
  const out = [`Rapport agenda for ${agenda.today}`];
  for (const [title, items] of sections) {
    out.push('', `${title} (${items.length})`);
    if (items.length === 0) out.push('  nothing');
    for (const item of items) out.push(itemLine(item, agenda.today));
  }
  if (agenda.unread.notes > 0) {
    const { notes, problems } = agenda.unread;
    out.push('', `${problems} problem${problems === 1 ? '' : 's'} in ${notes} note${notes === 1 ? '' : 's'} could not be read, so their follow-ups may be missing here: run rapport check.`);
  } else if (agendaItems(agenda).length === 0) {
    out.push('', 'Nothing to follow up. Every relationship is on track.');
  }
  return out.join('\n') + '\n';
}
