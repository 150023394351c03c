import { daysInMonth, type CalendarDate } from '../dates';
import type { ContactNote, RotationNote } from '../types';
import { displayName, firstOnOrAfter, keyLine, noteLine } from './facts';
import { seasonIndexOf } from './seasonContext';
import type { Rule, RuleContext } from './types';
import { defineRule, monthDay } from './descriptor';

const FACULTY_ROLES = new Set(['faculty', 'program-director', 'associate-program-director', 'chair']);

export interface Season {
  start: CalendarDate;
  /** Inclusive. */
  end: CalendarDate;
}

/** `MM-DD` in a given year; 02-29 falls back to 02-28 outside leap years. */
export function monthDayIn(year: number, monthDay: string): CalendarDate {
  const [m, d] = monthDay.split('-').map(Number);
  const day = Math.min(d, daysInMonth(year, m));
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function seasonOf(year: number, startMd: string, endMd: string): Season {
  const start = monthDayIn(year, startMd);
  const end = monthDayIn(endMd < startMd ? year + 1 : year, endMd);
  return { start, end };
}

/** The season `today` falls in, else the next one. */
export function currentSeason(today: CalendarDate, startMd: string, endMd: string): Season {
  const year = Number(today.slice(0, 4));
  for (const y of [year - 1, year]) {
    const s = seasonOf(y, startMd, endMd);
    if (today >= s.start && today <= s.end) return s;
  }
  const thisYear = seasonOf(year, startMd, endMd);
  return today < thisYear.start ? thisYear : seasonOf(year + 1, startMd, endMd);
}

/**
 * eras-update: from `erasUpdateDate` each season (September 1 by default) until
 * `erasSeasonEndDate` (January 31), a brief update email ("I have applied to your
 * program; my time on your service reinforced my interest") to sponsors and to
 * faculty at programs where you rotated. A rotation counts when it ended before the
 * season opened; faculty from later rotations get the rotation thank-you instead.
 * Once any program note records `application.applied`, the faculty are instead those
 * of the programs applied to (due from the application date, when later). Any
 * outbound message, call or meeting since then clears it.
 */
export const erasUpdate: Rule = (note, ctx) => {
  if (note.kind !== 'contact') return [];
  const season = currentSeason(ctx.today, ctx.settings.erasUpdateDate, ctx.settings.erasSeasonEndDate);
  const reason = whyUpdate(note, season, ctx);
  if (!reason) return [];
  const from = reason.from ?? season.start;
  if (firstOnOrAfter(note, from, (i) => i.direction === 'out' || i.direction === 'both')) return [];
  return [{
    code: 'eras-update',
    severity: 'info',
    // Due when the window closes: the update is welcome any time in the season, so it is
    // never "late" while it shows (and never ages into a reconnect hint). It shows from the
    // season's opening, or from the application date when that is later.
    due: season.end,
    showFrom: from,
    showUntil: season.end,
    line: reason.line,
    message: `${reason.text}; the application season opened ${season.start} and nothing was sent since${from === season.start ? '' : ` ${from}`}. Send ${displayName(note)} a brief, low-pressure update (${reason.content}).`,
    action: 'Send a brief ERAS update',
    template: 'eras-update',
    key: `season:${season.start}`,
  }];
};

interface UpdateReason {
  text: string;
  content: string;
  line: number;
  /** From when the update is due, when later than the season's opening (the application date). */
  from?: CalendarDate;
}

function whyUpdate(contact: ContactNote, season: Season, ctx: RuleContext): UpdateReason | null {
  if (contact.sponsor) {
    return { text: `${displayName(contact)} is a sponsor`, content: 'where you applied and how the season is going', line: keyLine(contact, 'sponsor') ?? noteLine(contact) };
  }
  if (!contact.role || !FACULTY_ROLES.has(contact.role)) return null;
  // Once the vault records applications, the update goes to the programs applied to.
  if (seasonIndexOf(ctx).anyApplication) return appliedThere(contact, season, ctx);
  const index = ctx.index();
  const rotated = (r: RotationNote) => r.end !== null && r.end < season.start;
  const onRotation = index.rotationsOf(contact).filter(rotated);
  const atProgram = index.rotationsAtProgramOf(contact).filter(rotated);
  const rotation = onRotation[onRotation.length - 1] ?? atProgram[atProgram.length - 1];
  if (!rotation) return null;
  const line = onRotation.includes(rotation)
    ? keyLine(contact, 'met_at', 'met_where', 'event', 'program')
    : keyLine(contact, 'program');
  return {
    text: `You rotated on ${rotation.name} (ended ${rotation.end})`,
    content: 'that you applied to the program and that the rotation confirmed your interest',
    line: line ?? noteLine(contact),
  };
}

/** Faculty of a program whose note records an application this season. */
function appliedThere(contact: ContactNote, season: Season, ctx: RuleContext): UpdateReason | null {
  const program = seasonIndexOf(ctx).programOf(contact);
  const applied = program?.application?.applied?.date;
  if (!program || !applied || applied > season.end) return null;
  return {
    text: `You applied to ${program.program.name} (${applied})`,
    content: 'that you applied to the program and why it interests you',
    line: keyLine(contact, 'program', 'institution', 'organization', 'organisation', 'company', 'hospital') ?? noteLine(contact),
    ...(applied > season.start ? { from: applied } : {}),
  };
}

const PARAMS = {
  erasUpdateDate: monthDay('09-01', 'month and day (`MM-DD`) each season from which an update email is suggested.'),
  erasSeasonEndDate: monthDay('01-31', 'month and day (`MM-DD`) the season ends; earlier than `erasUpdateDate` means the following year.'),
} as const;

export const erasUpdateRule = defineRule({
  code: 'eras-update',
  title: 'ERAS update',
  when: 'from [erasUpdateDate] each season: your sponsors, and faculty of the programs you applied to (before the vault records any application: where you rotated), have not had an update',
  severity: 'info',
  defaultSeverity: 'info',
  params: PARAMS,
  templates: ['eras-update'],
  action: 'Send a brief ERAS update',
  evaluate: erasUpdate,
});
