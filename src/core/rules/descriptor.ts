import type { Severity } from '../types';
import type { Rule } from './types';

/**
 * A rule is one file: its evaluation and everything the rest of Rapport needs to know
 * about it. The settings (defaults, bounds, validation), `package.json`'s
 * `contributes.configuration`, the README's rule and settings tables and the template
 * checks are all derived from these descriptors (see `scripts/generate-docs.ts` and
 * `test/unit/ruleDescriptors.test.ts`), so nothing about a rule is written twice.
 */

/** A whole number of days, messages, names…, with the bounds a setting may take. */
export interface NumberParam {
  readonly kind: 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** What one unit is, for the documentation: `days`, `messages`, `names`. */
  readonly unit: string;
  /** One sentence, without the rule code (it is prefixed where shown). */
  readonly description: string;
}

/** A month and day (`MM-DD`) that recurs each year, such as the start of the application season. */
export interface MonthDayParam {
  readonly kind: 'month-day';
  readonly default: string;
  readonly description: string;
}

export type RuleParam = NumberParam | MonthDayParam;
export type RuleParams = Readonly<Record<string, RuleParam>>;

export interface RuleDescriptor<P extends RuleParams = RuleParams, C extends string = string> {
  /** Stable: settings, the Problems panel and calendar UIDs use it. */
  readonly code: C;
  /** A few words for menus and hovers: "Reply owed". */
  readonly title: string;
  /** The README's "when it shows" column; `[param]` is replaced by the param's default in brackets. */
  readonly when: string;
  /** The README's severity column, with the same `[param]` placeholders. */
  readonly severity: string;
  /** The most severe level the rule reports by default (its graded severities never exceed it). */
  readonly defaultSeverity: Severity;
  /** The numbers a user may change, each a flat setting (`rapport.<name>` and `.rapport.json`). */
  readonly params: P;
  /** Pairs of params where the first must not exceed the second (a window given the wrong way round). */
  readonly ordered?: readonly (readonly [string, string])[];
  /** Ids of the built-in email templates that answer this rule (their `fits` must name it). */
  readonly templates: readonly string[];
  /** The agenda's default wording of what to do, when a finding does not say more. */
  readonly action: string;
  /**
   * True for a warning about something already done (a message sent against a policy),
   * not a task: it is never overdue, never "N days late" and never aged into a reminder.
   */
  readonly advisory?: boolean;
  /** True when a finding means "you are waiting on them" (the Network view's waiting state). */
  readonly waiting?: boolean;
  readonly evaluate: Rule;
}

/** Declares a rule; `const` keeps the code and param names literal so settings are typed from them. */
export function defineRule<const P extends RuleParams, const C extends string>(descriptor: RuleDescriptor<P, C>): RuleDescriptor<P, C> {
  return Object.freeze(descriptor);
}

export function days(defaultValue: number, description: string, min = 0, max = 3650): NumberParam {
  return { kind: 'number', default: defaultValue, min, max, unit: 'days', description };
}

export function count(defaultValue: number, unit: string, description: string, min: number, max: number): NumberParam {
  return { kind: 'number', default: defaultValue, min, max, unit, description };
}

export function monthDay(defaultValue: string, description: string): MonthDayParam {
  return { kind: 'month-day', default: defaultValue, description };
}

/** The value type a param has in the settings object. */
type ValueOf<T extends RuleParam> = T extends MonthDayParam ? string : number;

/** The settings values of one descriptor's params. */
export type ParamValues<D> = D extends RuleDescriptor<infer P, string> ? { -readonly [K in keyof P]: ValueOf<P[K]> } : never;

/** Turns a union of object types into their intersection (every rule's params in one object). */
export type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Fills `[param]` placeholders with the param's default, as the README shows them. */
export function describeWithDefaults(text: string, params: RuleParams): string {
  return text.replace(/\[([A-Za-z]+)\]/g, (whole, name: string) => {
    const p = params[name];
    if (!p) return whole;
    return p.kind === 'month-day' ? `[${monthDayWords(p.default)}]` : `[${p.default}]`;
  });
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `09-01` → "September 1". */
export function monthDayWords(md: string): string {
  const [m, d] = md.split('-').map(Number);
  return `${MONTHS[m - 1] ?? md} ${d}`;
}
