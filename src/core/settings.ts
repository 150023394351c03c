import type { Severity } from './types';

/**
 * The follow-up engine's settings. The CLI reads them from `rapport.config.json`
 * (or `.rapport.json`) at the vault root; the extension maps its VS Code settings
 * (`rapport.<key>`) onto the same object. Every number defaults to what the guide
 * recommends, so an empty file means "follow the guide".
 */

/** Codes of the follow-up rules. Stable: settings, the Problems panel and the .ics UIDs use them. */
export const RULE_CODES = [
  'follow-up-due',
  'conference-follow-up',
  'awaiting-reply',
  'attempts-exhausted',
  'reply-owed',
  'rotation-feedback',
  'rotation-thank-you',
  'eras-update',
  'keep-in-touch',
  'conference-prep',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** How one rule reports: off, or on with its own graded severities (`default`) or a fixed one. */
export interface RuleSetting {
  enabled: boolean;
  /** `default` keeps the rule's graded severities (e.g. info, then warning once late); any other value replaces them all. */
  severity: Severity | 'default';
}

export interface RapportSettings {
  /**
   * Per rule, by code. In JSON each entry may be `"off"`, `"default"`, a severity
   * (`"error"`, `"warning"`, `"info"`, `"hint"`), or `{ "enabled": bool, "severity": ... }`.
   */
  rules: Record<RuleCode, RuleSetting>;
  /** follow-up-due: a due follow-up is a warning from its date and an error once more than this many days late. */
  followUpErrorAfterDays: number;
  /** conference-follow-up: days after meeting someone at a conference when the follow-up email is suggested (info). */
  conferenceFollowUpFromDays: number;
  /** conference-follow-up: the last day of the guide's 3–5 day window; later it is a warning. */
  conferenceFollowUpDueDays: number;
  /** awaiting-reply: days without a reply after which one polite follow-up may be sent (info). */
  awaitingReplyNudgeDays: number;
  /** awaiting-reply: days without a reply after which the follow-up is overdue (warning). */
  awaitingReplyOverdueDays: number;
  /** attempts-exhausted: messages sent in a row without a reply after which Rapport stops suggesting nudges. */
  maxAttempts: number;
  /** reply-owed: days within which to answer a contact who wrote (the guide's 24–48 hours). */
  replyWithinDays: number;
  /** rotation-feedback: how many days before an away rotation's midpoint the feedback reminder appears. */
  rotationFeedbackLeadDays: number;
  /** rotation-thank-you: days after a rotation ends by which faculty and residents met on it should be thanked. */
  rotationThankYouDays: number;
  /** rotation-thank-you: an outbound message dated this many days before the rotation's end or later counts as the thank-you. */
  rotationThankYouGraceDays: number;
  /** eras-update: month and day (`MM-DD`) each season from which an update email is suggested. */
  erasUpdateDate: string;
  /** eras-update: month and day (`MM-DD`) the season ends; earlier than `erasUpdateDate` means the following year. */
  erasSeasonEndDate: string;
  /** keep-in-touch: default interval for mentors without their own `cadence`; 0 turns it off. */
  mentorCadenceDays: number;
  /** keep-in-touch: default interval for sponsors without their own `cadence`; 0 turns it off. */
  sponsorCadenceDays: number;
  /** keep-in-touch: default interval for every other contact without a `cadence`; 0 (the default) means none. */
  otherCadenceDays: number;
  /** conference-prep: how many days before a conference starts its preparation is checked. */
  conferencePrepDays: number;
  /** conference-prep: in the last this-many days before the start, missing preparation is a warning. */
  conferencePrepUrgentDays: number;
  /** conference-prep: the fewest names a shortlist should hold (the guide says 10–20). */
  conferenceShortlistMin: number;
  /** patient-identifier: the severity of likely patient identifiers in notes, or `off` to not look for them. */
  privacyGuard: Severity | 'off';
}

function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (v !== null && typeof v === 'object') Object.freeze(v);
  return Object.freeze(value);
}

function allRules(setting: RuleSetting): Record<RuleCode, RuleSetting> {
  return Object.fromEntries(RULE_CODES.map((code) => [code, { ...setting }])) as Record<RuleCode, RuleSetting>;
}

/** Frozen all the way down: callers get a copy from `mergeSettings` or `cloneSettings`. */
export const DEFAULT_SETTINGS: Readonly<RapportSettings> = Object.freeze({
  rules: deepFreeze(allRules({ enabled: true, severity: 'default' })),
  followUpErrorAfterDays: 7,
  conferenceFollowUpFromDays: 3,
  conferenceFollowUpDueDays: 5,
  awaitingReplyNudgeDays: 7,
  awaitingReplyOverdueDays: 10,
  maxAttempts: 2,
  replyWithinDays: 2,
  rotationFeedbackLeadDays: 2,
  rotationThankYouDays: 3,
  rotationThankYouGraceDays: 2,
  erasUpdateDate: '09-01',
  erasSeasonEndDate: '01-31',
  mentorCadenceDays: 60,
  sponsorCadenceDays: 45,
  otherCadenceDays: 0,
  conferencePrepDays: 14,
  conferencePrepUrgentDays: 3,
  conferenceShortlistMin: 10,
  privacyGuard: 'info',
});

type NumberKey = {
  [K in keyof RapportSettings]: RapportSettings[K] extends number ? K : never
}[keyof RapportSettings];

/** Bounds of each number: a day count beyond ten years is a typo, not a plan. */
const NUMBER_BOUNDS: Record<NumberKey, [min: number, max: number]> = {
  followUpErrorAfterDays: [0, 3650],
  conferenceFollowUpFromDays: [0, 3650],
  conferenceFollowUpDueDays: [0, 3650],
  awaitingReplyNudgeDays: [1, 3650],
  awaitingReplyOverdueDays: [1, 3650],
  maxAttempts: [1, 100],
  replyWithinDays: [0, 3650],
  rotationFeedbackLeadDays: [0, 365],
  rotationThankYouDays: [0, 3650],
  rotationThankYouGraceDays: [0, 365],
  mentorCadenceDays: [0, 3650],
  sponsorCadenceDays: [0, 3650],
  otherCadenceDays: [0, 3650],
  conferencePrepDays: [0, 3650],
  conferencePrepUrgentDays: [0, 3650],
  conferenceShortlistMin: [0, 1000],
};

const MONTH_DAY_KEYS = ['erasUpdateDate', 'erasSeasonEndDate'] as const;

export function cloneSettings(s: Readonly<RapportSettings>): RapportSettings {
  return { ...s, rules: Object.fromEntries(RULE_CODES.map((c) => [c, { ...s.rules[c] }])) as Record<RuleCode, RuleSetting> };
}

/** True for `MM-DD` naming a day that exists in a leap year (02-29 is allowed: it falls back to 02-28). */
export function isMonthDay(text: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const last = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return last !== undefined && day >= 1 && day <= last;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : `a ${typeof value}`;
}

function readRule(code: string, value: unknown, errors: string[]): RuleSetting | null {
  const where = `rules.${code}`;
  if (typeof value === 'string') {
    if (value === 'off') return { enabled: false, severity: 'default' };
    if (value === 'on' || value === 'default') return { enabled: true, severity: 'default' };
    if ((SEVERITIES as readonly string[]).includes(value)) return { enabled: true, severity: value as Severity };
    errors.push(`'${where}' should be off, default or a severity (${SEVERITIES.join(', ')}), not ${describe(value)}.`);
    return null;
  }
  if (typeof value === 'boolean') return { enabled: value, severity: 'default' };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    errors.push(`'${where}' should be off, default, a severity or { "enabled": ..., "severity": ... }, not ${describe(value)}.`);
    return null;
  }
  const out: RuleSetting = { enabled: true, severity: 'default' };
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'enabled') {
      if (typeof v === 'boolean') out.enabled = v;
      else errors.push(`'${where}.enabled' should be true or false, not ${describe(v)}.`);
    } else if (key === 'severity') {
      if (typeof v === 'string' && (v === 'default' || (SEVERITIES as readonly string[]).includes(v))) out.severity = v as RuleSetting['severity'];
      else errors.push(`'${where}.severity' should be default or one of ${SEVERITIES.join(', ')}, not ${describe(v)}.`);
    } else {
      errors.push(`Unknown setting '${where}.${key}'; a rule takes 'enabled' and 'severity'.`);
    }
  }
  return out;
}

/**
 * Validates an untrusted settings object (parsed JSON, VS Code configuration) over
 * the defaults. Never throws: each unknown key or bad value is reported and the
 * default is kept for it.
 */
export function mergeSettings(partial: unknown): { settings: RapportSettings; errors: string[] } {
  const settings = cloneSettings(DEFAULT_SETTINGS);
  const errors: string[] = [];
  if (partial === undefined || partial === null) return { settings, errors };
  if (typeof partial !== 'object' || Array.isArray(partial)) {
    errors.push(`Settings should be an object of "key": value pairs, not ${describe(partial)}.`);
    return { settings, errors };
  }
  for (const [key, value] of Object.entries(partial as Record<string, unknown>)) {
    // `import` holds the remembered CSV column mapping of `rapport import`, not a rule setting.
    if (key === '$schema' || key === '//' || key === 'import') continue;
    if (key === 'rules') {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        errors.push(`'rules' should be an object mapping rule codes to settings, not ${describe(value)}.`);
        continue;
      }
      for (const [code, ruleValue] of Object.entries(value as Record<string, unknown>)) {
        if (!(RULE_CODES as readonly string[]).includes(code)) {
          errors.push(`Unknown rule '${code}' in 'rules'. Rules: ${RULE_CODES.join(', ')}.`);
          continue;
        }
        const rule = readRule(code, ruleValue, errors);
        if (rule) settings.rules[code as RuleCode] = rule;
      }
      continue;
    }
    if (key in NUMBER_BOUNDS) {
      const [min, max] = NUMBER_BOUNDS[key as NumberKey];
      if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) {
        settings[key as NumberKey] = value;
      } else {
        errors.push(`'${key}' should be a whole number from ${min} to ${max}, not ${describe(value)}.`);
      }
      continue;
    }
    if (key === 'privacyGuard') {
      if (typeof value === 'string' && (value === 'off' || (SEVERITIES as readonly string[]).includes(value))) settings.privacyGuard = value as Severity | 'off';
      else errors.push(`'privacyGuard' should be off or a severity (${SEVERITIES.join(', ')}), not ${describe(value)}.`);
      continue;
    }
    if ((MONTH_DAY_KEYS as readonly string[]).includes(key)) {
      if (typeof value === 'string' && isMonthDay(value)) settings[key as (typeof MONTH_DAY_KEYS)[number]] = value;
      else errors.push(`'${key}' should be a month and day as MM-DD (e.g. 09-01), not ${describe(value)}.`);
      continue;
    }
    errors.push(`Unknown setting '${key}'.`);
  }
  // Windows given the wrong way round would make a rule fire late or never: keep the guide's.
  for (const [from, to] of [
    ['conferenceFollowUpFromDays', 'conferenceFollowUpDueDays'],
    ['awaitingReplyNudgeDays', 'awaitingReplyOverdueDays'],
    ['conferencePrepUrgentDays', 'conferencePrepDays'],
  ] as const) {
    if (settings[from] > settings[to]) {
      errors.push(`'${from}' (${settings[from]}) should not be more than '${to}' (${settings[to]}); using the defaults ${DEFAULT_SETTINGS[from]} and ${DEFAULT_SETTINGS[to]}.`);
      settings[from] = DEFAULT_SETTINGS[from];
      settings[to] = DEFAULT_SETTINGS[to];
    }
  }
  return { settings, errors };
}
