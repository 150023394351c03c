import { scalarText } from '../fields';
import { readFrontmatter } from '../frontmatter';
import { splitLines } from '../parseNote';
import { lineRange, problem, wholeLine } from '../problems';
import { ROLES, type Problem, type Role } from '../types';
import { looksLikeMistypedField, placeholderPattern } from './placeholders';
import { FOLLOW_UP_RULE_CODES, TEMPLATE_KINDS, type Template, type TemplateKind, type TemplateSource } from './types';

/** A template is a short email; anything near this size is not one, and is refused unread. */
export const MAX_TEMPLATE_CHARS = 64 * 1024;

export const TemplateProblemCode = {
  tooLarge: 'template-too-large',
  noFrontmatter: 'template-no-frontmatter',
  invalidId: 'template-invalid-id',
  unknownKind: 'template-unknown-kind',
  unknownRule: 'template-unknown-rule',
  unknownRole: 'template-unknown-role',
  unknownField: 'template-unknown-field',
  unclosedPlaceholder: 'template-unclosed-placeholder',
  missingSubject: 'template-missing-subject',
  duplicateId: 'template-duplicate-id',
  readError: 'template-read-error',
} as const;

export interface ParsedTemplate {
  /** Absent when the file is not a usable template (the problems say why) or not a Rapport template at all. */
  template?: Template;
  problems: Problem[];
}

const ID = /^[a-z0-9][a-z0-9._-]{0,79}$/;
/** Fields that mark a file as a Rapport template; other files in `templates/` (an Obsidian daily-note template, say) are left alone. */
const TEMPLATE_MARKERS = ['id', 'subject', 'fits', 'kind'];

/**
 * Reads one template file. Templates in the vault are untrusted text: the frontmatter
 * goes through `readFrontmatter` (YAML only, no code, no aliases), and a broken file
 * gives problems and no template, so a built-in with the same id stays in use.
 */
export function parseTemplate(path: string, text: string, source: TemplateSource = 'vault'): ParsedTemplate {
  if (text.length > MAX_TEMPLATE_CHARS) {
    return { problems: [problem(TemplateProblemCode.tooLarge, 'error',
      `Template is too large (${Math.ceil(text.length / 1024)} KB; the limit is ${MAX_TEMPLATE_CHARS / 1024} KB). It was not read.`, lineRange(0))] };
  }
  const { lines } = splitLines(text);
  const fm = readFrontmatter(lines);
  const problems: Problem[] = [...fm.problems];
  if (fm.broken) return { problems };
  if (fm.end === -1) {
    if (source === 'builtin') {
      problems.push(problem(TemplateProblemCode.noFrontmatter, 'error', 'Built-in template has no frontmatter.', lineRange(0)));
    }
    return { problems };
  }
  const data = fm.data;
  if (!TEMPLATE_MARKERS.some((k) => data[k] != null)) return { problems };

  const keyRange = (key: string) => wholeLine(lines, fm.keyLines[key] ?? 0);
  const str = (key: string): string | null => {
    const v = data[key] == null ? null : scalarText(data[key]);
    return v === null || v === '' ? null : v;
  };

  const idText = str('id') ?? fileStem(path);
  const id = idText.toLowerCase();
  if (!ID.test(id)) {
    problems.push(problem(TemplateProblemCode.invalidId, 'error',
      `Template id '${idText}' is not valid: use lower-case letters, digits and '-' (at most 80 characters).`, keyRange('id')));
    return { problems };
  }

  let kind: TemplateKind = 'email';
  const kindText = str('kind');
  if (kindText !== null) {
    const k = kindText.toLowerCase();
    if ((TEMPLATE_KINDS as readonly string[]).includes(k)) kind = k as TemplateKind;
    else problems.push(problem(TemplateProblemCode.unknownKind, 'warning',
      `Unknown template kind '${kindText}'; it is treated as an email. Use one of: ${TEMPLATE_KINDS.join(', ')}.`, keyRange('kind')));
  }

  const fits = listOf(data.fits);
  for (const code of fits) {
    if (!(FOLLOW_UP_RULE_CODES as readonly string[]).includes(code)) {
      problems.push(problem(TemplateProblemCode.unknownRule, 'warning',
        `'${code}' is not a follow-up rule, so this template will not be suggested for it. Rules: ${FOLLOW_UP_RULE_CODES.join(', ')}.`, keyRange('fits')));
    }
  }

  const audience: Role[] = [];
  for (const role of listOf(data.audience)) {
    if ((ROLES as readonly string[]).includes(role)) audience.push(role as Role);
    else problems.push(problem(TemplateProblemCode.unknownRole, 'warning',
      `Unknown role '${role}' in audience. Use: ${ROLES.join(', ')}.`, keyRange('audience')));
  }

  const subject = str('subject');
  if (kind === 'email' && subject === null) {
    problems.push(problem(TemplateProblemCode.missingSubject, 'info',
      'Email template has no subject; add `subject:` unless it is meant as a reply.', wholeLine(lines, 0)));
  }

  // trimEnd, not /\s+$/: that regex retries every run of spaces to the end (quadratic on a long one).
  const body = lines.slice(fm.bodyStart).join('\n').replace(/^\s*\n/, '').trimEnd();
  const bodyLine = fm.bodyStart + leadingBlankLines(lines, fm.bodyStart);
  checkPlaceholders(lines, problems);

  const template: Template = {
    id,
    title: str('title') ?? id,
    description: str('description'),
    kind,
    subject,
    fits: fits.filter((c) => (FOLLOW_UP_RULE_CODES as readonly string[]).includes(c)),
    audience,
    body,
    bodyLine,
    path,
    source,
  };
  return { template, problems };
}

function fileStem(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

function listOf(value: unknown): string[] {
  if (value == null) return [];
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items) {
    const text = scalarText(item);
    if (text === null) continue;
    for (const part of text.split(',')) {
      const p = part.trim().toLowerCase();
      if (p !== '' && !out.includes(p)) out.push(p);
    }
  }
  return out;
}

function leadingBlankLines(lines: readonly string[], from: number): number {
  let n = 0;
  while (from + n < lines.length && lines[from + n].trim() === '') n++;
  return from + n < lines.length ? n : 0;
}

/** Mistyped vault fields and `{{` left open are what make a filled email look broken; point at them. */
function checkPlaceholders(lines: readonly string[], problems: Problem[]): void {
  const re = placeholderPattern();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.includes('{{')) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    const covered: [number, number][] = [];
    while ((m = re.exec(line)) !== null) {
      covered.push([m.index, m.index + m[0].length]);
      if (looksLikeMistypedField(m[1])) {
        problems.push(problem(TemplateProblemCode.unknownField, 'warning',
          `'${m[1].trim()}' is not a field Rapport knows; it will be left for you to fill. Known fields start with contact., me. or event. — check the spelling.`,
          lineRange(i, m.index, m.index + m[0].length)));
      }
    }
    // Both in order along the line: one walk over the placeholders, not a search per '{{'.
    let c = 0;
    for (let at = line.indexOf('{{'); at !== -1; at = line.indexOf('{{', at + 2)) {
      while (c < covered.length && covered[c][1] <= at) c++;
      if (!(c < covered.length && at >= covered[c][0] && at < covered[c][1])) {
        problems.push(problem(TemplateProblemCode.unclosedPlaceholder, 'warning',
          "'{{' is not closed with '}}' on the same line, so it will be sent as written.", lineRange(i, at, at + 2)));
        break;
      }
    }
  }
}
