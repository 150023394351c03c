import type { RuleParam } from './rules/descriptor';
import type { Severity } from './types';
import { templatesDirKey } from './vaultFs';

/**
 * The follow-up engine's settings. The CLI reads them from `rapport.config.json`
 * (or `.rapport.json`) at the vault root; the extension maps its VS Code settings
 * (`rapport.<key>`) onto the same object. Every number defaults to what the guide
 * recommends, so an empty file means "follow the guide".
 */

import { RULE_CODES, RULE_DESCRIPTORS, allParams, isRuleCode, type RuleCode, type RuleParamName, type RuleParamValues } from './rules/catalog';
import { DEFAULT_SEASON, readPostInterviewPolicy, readSeason, type PostInterviewPolicy, type SeasonDates } from './season/settings';

export { RULE_CODES, type RuleCode } from './rules/catalog';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** How one rule reports: off, or on with its own graded severities (`default`) or a fixed one. */
export interface RuleSetting {
  enabled: boolean;
  /** `default` keeps the rule's graded severities (e.g. info, then warning once late); any other value replaces them all. */
  severity: Severity | 'default';
}

/**
 * Per rule, by code; then every rule's numbers as flat keys (declared in the rule's
 * descriptor, `src/core/rules/*.ts`), and the settings that belong to no rule.
 */
export interface RapportSettings extends RuleParamValues {
  /**
   * Per rule, by code. In JSON each entry may be `"off"`, `"default"`, a severity
   * (`"error"`, `"warning"`, `"info"`, `"hint"`), or `{ "enabled": bool, "severity": ... }`.
   */
  rules: Record<RuleCode, RuleSetting>;
  /** patient-identifier: the severity of likely patient identifiers in notes, or `off` to not look for them. */
  privacyGuard: Severity | 'off';
  /** The vault folder (relative) of your own templates; never read as notes. `templates` by default, any case. */
  templatesFolder: string;
  /** The application season's dates (`season` in `.rapport.json`); each unset until given. */
  season: SeasonDates;
  /** `aceps`: no rule suggests writing to a program's non-mentor faculty after your interview there. */
  postInterviewPolicy: PostInterviewPolicy;
}

function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (v !== null && typeof v === 'object') Object.freeze(v);
  return Object.freeze(value);
}

function allRules(setting: RuleSetting): Record<RuleCode, RuleSetting> {
  return Object.fromEntries(RULE_CODES.map((code) => [code, { ...setting }])) as Record<RuleCode, RuleSetting>;
}

/** Each rule param's default, from the descriptors. */
function paramDefaults(): RuleParamValues {
  return Object.fromEntries(allParams().map(({ name, param }) => [name, param.default])) as unknown as RuleParamValues;
}

/** Frozen all the way down: callers get a copy from `mergeSettings` or `cloneSettings`. */
export const DEFAULT_SETTINGS: Readonly<RapportSettings> = Object.freeze({
  rules: deepFreeze(allRules({ enabled: true, severity: 'default' })),
  ...paramDefaults(),
  privacyGuard: 'info',
  templatesFolder: 'templates',
  season: DEFAULT_SEASON,
  postInterviewPolicy: 'aceps',
});

const PARAMS = new Map(allParams().map((p) => [p.name as string, p]));

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
        if (!isRuleCode(code)) {
          errors.push(`Unknown rule '${code}' in 'rules'. Rules: ${RULE_CODES.join(', ')}.`);
          continue;
        }
        const rule = readRule(code, ruleValue, errors);
        if (rule) settings.rules[code] = rule;
      }
      continue;
    }
    const spec = Object.prototype.hasOwnProperty.call(Object.fromEntries(PARAMS), key) ? PARAMS.get(key) : undefined;
    if (spec) {
      readParam(settings, spec.name, spec.param, value, errors);
      continue;
    }
    if (key === 'season') {
      settings.season = readSeason(value, settings.season, errors);
      continue;
    }
    if (key === 'postInterviewPolicy') {
      settings.postInterviewPolicy = readPostInterviewPolicy(value, errors) ?? settings.postInterviewPolicy;
      continue;
    }
    if (key === 'templatesFolder') {
      if (typeof value === 'string' && templatesDirKey(value) !== null) settings.templatesFolder = value.trim();
      else errors.push(`'templatesFolder' should be a folder inside the vault, such as "templates" or "meta/Templates", not ${describe(value)}.`);
      continue;
    }
    if (key === 'privacyGuard') {
      if (typeof value === 'string' && (value === 'off' || (SEVERITIES as readonly string[]).includes(value))) settings.privacyGuard = value as Severity | 'off';
      else errors.push(`'privacyGuard' should be off or a severity (${SEVERITIES.join(', ')}), not ${describe(value)}.`);
      continue;
    }
    errors.push(`Unknown setting '${key}'.`);
  }
  // Windows given the wrong way round would make a rule fire late or never: keep the guide's.
  for (const rule of RULE_DESCRIPTORS) {
    for (const [from, to] of rule.ordered ?? []) {
      const a = from as RuleParamName;
      const b = to as RuleParamName;
      if (settings[a] > settings[b]) {
        errors.push(`'${a}' (${settings[a]}) should not be more than '${b}' (${settings[b]}); using the defaults ${DEFAULT_SETTINGS[a]} and ${DEFAULT_SETTINGS[b]}.`);
        (settings as unknown as Record<string, unknown>)[a] = DEFAULT_SETTINGS[a];
        (settings as unknown as Record<string, unknown>)[b] = DEFAULT_SETTINGS[b];
      }
    }
  }
  return { settings, errors };
}

/** Validates one rule param against its descriptor; a bad value keeps the default and is reported. */
function readParam(settings: RapportSettings, name: RuleParamName, param: RuleParam, value: unknown, errors: string[]): void {
  const target = settings as unknown as Record<string, unknown>;
  if (param.kind === 'number') {
    if (typeof value === 'number' && Number.isInteger(value) && value >= param.min && value <= param.max) target[name] = value;
    else errors.push(`'${name}' should be a whole number from ${param.min} to ${param.max}, not ${describe(value)}.`);
    return;
  }
  if (typeof value === 'string' && isMonthDay(value)) target[name] = value;
  else errors.push(`'${name}' should be a month and day as MM-DD (e.g. 09-01), not ${describe(value)}.`);
}
