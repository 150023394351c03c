import { isCalendarDate, type CalendarDate } from '../dates';

/**
 * The application season's dates: set by the application services and the Match each
 * cycle, so they are settings (`season` in `.rapport.json`, `rapport.season` in VS
 * Code), never constants in a rule. Each is unset until the user (or a sourced
 * default) gives it; the README lists where each is published.
 */
export interface SeasonDates {
  /** The day applicants may begin submitting applications (ERAS, PSCA). */
  submissionsOpen: CalendarDate | null;
  /** The day programs may begin reviewing applications: the default upload deadline of a letter. */
  reviewsOpen: CalendarDate | null;
  /** The specialty's uniform day for first-round interview invitations. */
  invitationsReleased: CalendarDate | null;
  /** The rank order list certification deadline. */
  rankListDeadline: CalendarDate | null;
  /** Match Day: when the profile records no `match.date`, the season's reminders close on it. */
  matchDay: CalendarDate | null;
}

export const SEASON_DATE_KEYS = ['submissionsOpen', 'reviewsOpen', 'invitationsReleased', 'rankListDeadline', 'matchDay'] as const satisfies readonly (keyof SeasonDates)[];

/**
 * This cycle's (2026–27) defaults. None could be sourced from the AAMC, NRMP or ACEPS
 * for this cycle when this was written (only earlier cycles' pages were found; see the
 * README's "Season dates"), so every default is unset rather than guessed.
 */
export const DEFAULT_SEASON: Readonly<SeasonDates> = Object.freeze({
  submissionsOpen: null,
  reviewsOpen: null,
  invitationsReleased: null,
  rankListDeadline: null,
  matchDay: null,
});

/** How the specialty treats contact after the interview: the ACEPS uniform policy, or none. */
export const POST_INTERVIEW_POLICIES = ['aceps', 'off'] as const;
export type PostInterviewPolicy = (typeof POST_INTERVIEW_POLICIES)[number];

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string' ? `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'` : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : `a ${typeof value}`;
}

/** Validates an untrusted `season` object over `base`; each bad key or value is reported and skipped. */
export function readSeason(value: unknown, base: Readonly<SeasonDates>, errors: string[]): SeasonDates {
  const out: SeasonDates = { ...base };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    errors.push(`'season' should be an object of dates (${SEASON_DATE_KEYS.join(', ')}), not ${describe(value)}.`);
    return out;
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (!(SEASON_DATE_KEYS as readonly string[]).includes(key)) {
      errors.push(`Unknown setting 'season.${key}'. Season dates: ${SEASON_DATE_KEYS.join(', ')}.`);
      continue;
    }
    if (v === null || v === '') out[key as keyof SeasonDates] = null;
    else if (typeof v === 'string' && isCalendarDate(v)) out[key as keyof SeasonDates] = v;
    else errors.push(`'season.${key}' should be a date as YYYY-MM-DD, not ${describe(v)}.`);
  }
  return out;
}

export function readPostInterviewPolicy(value: unknown, errors: string[]): PostInterviewPolicy | null {
  if (typeof value === 'string' && (POST_INTERVIEW_POLICIES as readonly string[]).includes(value)) return value as PostInterviewPolicy;
  errors.push(`'postInterviewPolicy' should be ${POST_INTERVIEW_POLICIES.join(' or ')}, not ${describe(value)}.`);
  return null;
}
