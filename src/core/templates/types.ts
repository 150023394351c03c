import type { Problem, Role } from '../types';

/** `email` has a subject and is sent; `script` is said aloud or posted; `outline` is notes to prepare from. */
export const TEMPLATE_KINDS = ['email', 'script', 'outline'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** Built-ins ship with the extension; vault templates live in the vault's `templates/` folder. */
export type TemplateSource = 'builtin' | 'vault';

/**
 * The follow-up rule codes a template can answer (`fits`). They are the codes of the
 * follow-up problems, so the template picker can offer the right email for a diagnostic.
 */
export { RULE_CODES as FOLLOW_UP_RULE_CODES } from '../settings';

export interface Template {
  /** Stable slug; a vault template with a built-in's id replaces it. */
  id: string;
  title: string;
  /** When to use it, one line (shown in pickers and `rapport templates`). */
  description: string | null;
  kind: TemplateKind;
  /** Email subject with placeholders, or null (scripts, outlines, replies). */
  subject: string | null;
  /** Follow-up rule codes this template answers. */
  fits: string[];
  /** Roles it is written for; empty means anyone. */
  audience: Role[];
  /** The markdown body with `{{placeholders}}`, frontmatter removed. */
  body: string;
  /** 0-based line of the body's first line in the file (for positions in problems). */
  bodyLine: number;
  /** `templates/<file>.md`, relative to the vault (vault) or to the extension (builtin). */
  path: string;
  source: TemplateSource;
}

/** One template file's text, as a loader read it. */
export interface TemplateFile {
  path: string;
  text: string;
}

/** A problem in a template file; `source` tells which folder `path` is relative to. */
export interface TemplateProblem {
  path: string;
  source: TemplateSource;
  problem: Problem;
}

/** Known field values by field name (`contact.name`, `me.school`, `today` …). Unknown fields are absent. */
export type TemplateFields = Record<string, string>;
