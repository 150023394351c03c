import { RULE_DESCRIPTORS, allParams } from './catalog';
import { describeWithDefaults, monthDayWords, type RuleDescriptor } from './descriptor';

/**
 * What the README and `package.json` say about the rules, generated from the descriptors.
 * `npm run docs` writes them; a unit test fails when they drift.
 */

/** The README's rule table rows, one per rule. */
export function ruleTableRows(): string[] {
  return RULE_DESCRIPTORS.map((d: RuleDescriptor) =>
    `| \`${d.code}\` | ${describeWithDefaults(d.when, d.params)} | ${describeWithDefaults(d.severity, d.params)} |`);
}

/** The README's settings table rows for the rules' numbers, one per param. */
export function settingsTableRows(): string[] {
  return allParams().map(({ name, param, rule }) => {
    const value = param.kind === 'month-day' ? `\`${param.default}\`` : String(param.default);
    return `| \`rapport.${name}\` | ${value} | \`${rule.code}\`: ${param.description} |`;
  });
}

/** JSON-schema of one VS Code setting. */
export interface SettingSchema {
  type: 'integer' | 'string';
  default: number | string;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  scope: 'window';
  markdownDescription: string;
}

/** `contributes.configuration.properties` entries for every rule param, in documentation order. */
export function configurationProperties(): Record<string, SettingSchema> {
  const out: Record<string, SettingSchema> = {};
  for (const { name, param, rule } of allParams()) {
    out[`rapport.${name}`] = param.kind === 'number'
      ? { type: 'integer', default: param.default, minimum: param.min, maximum: param.max, scope: 'window', markdownDescription: `\`${rule.code}\`: ${param.description}` }
      : { type: 'string', default: param.default, pattern: '^\\d{2}-\\d{2}$', scope: 'window', markdownDescription: `\`${rule.code}\`: ${param.description} Default: ${monthDayWords(param.default)}.` };
  }
  return out;
}

/** Replaces the lines between `<!-- NAME:start -->` and `<!-- NAME:end -->` markers. */
export function replaceBlock(text: string, name: string, lines: readonly string[]): string | null {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return null;
  return `${text.slice(0, a + start.length)}\n${lines.join('\n')}\n${text.slice(b)}`;
}
