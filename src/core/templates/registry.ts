import { lineRange, problem } from '../problems';
import type { Role } from '../types';
import { TemplateProblemCode, parseTemplate } from './parse';
import type { Template, TemplateFile, TemplateProblem, TemplateSource } from './types';

/**
 * The templates in use: the built-ins, with each vault template added or replacing
 * the built-in of the same id. A vault file that cannot be read adds a problem and
 * replaces nothing, so a typo in an override never loses the built-in.
 */
export class TemplateRegistry {
  private readonly byId = new Map<string, Template>();
  /** Built-ins a vault template replaced, by id. */
  readonly overridden = new Map<string, Template>();
  readonly problems: TemplateProblem[] = [];

  constructor(problems: readonly TemplateProblem[] = []) {
    this.problems.push(...problems);
  }

  /** Adds a parsed template; a second one with the same id from the same source is reported and ignored. */
  add(template: Template): void {
    const existing = this.byId.get(template.id);
    if (existing && existing.source === template.source) {
      this.problems.push({
        path: template.path,
        source: template.source,
        problem: problem(TemplateProblemCode.duplicateId, 'warning',
          `Another template (${existing.path}) already has the id '${template.id}'; this one is ignored. Give it its own id.`, lineRange(0)),
      });
      return;
    }
    if (existing && existing.source === 'builtin') this.overridden.set(template.id, existing);
    if (existing && existing.source === 'vault' && template.source === 'builtin') return;
    this.byId.set(template.id, template);
  }

  get(id: string): Template | undefined {
    return this.byId.get(id.trim().toLowerCase());
  }

  /** Every template in use, by title. */
  all(): Template[] {
    return [...this.byId.values()].sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  }

  get size(): number {
    return this.byId.size;
  }
}

/** Parses both sets and builds the registry; files are taken in path order so the result does not depend on listing order. */
export function buildRegistry(
  builtins: readonly TemplateFile[],
  vaultTemplates: readonly TemplateFile[],
  loadProblems: readonly TemplateProblem[] = [],
): TemplateRegistry {
  const registry = new TemplateRegistry(loadProblems);
  const addAll = (files: readonly TemplateFile[], source: TemplateSource) => {
    for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
      const parsed = parseTemplate(file.path, file.text, source);
      for (const p of parsed.problems) registry.problems.push({ path: file.path, source, problem: p });
      if (parsed.template) registry.add(parsed.template);
    }
  };
  addAll(builtins, 'builtin');
  addAll(vaultTemplates, 'vault');
  return registry;
}

export interface RankContext {
  /** Codes of the follow-up problems open for the contact, most urgent first. */
  ruleCodes?: readonly string[];
  role?: Role | null;
}

const KIND_ORDER = { email: 0, script: 1, outline: 2 } as const;

/**
 * Templates in the order a picker should offer them: those that answer one of the
 * contact's open follow-ups first (in the order of those follow-ups), then the rest;
 * within each, ones written for the contact's role before general ones, emails before
 * scripts and outlines, then by title.
 */
export function rankTemplates(registry: TemplateRegistry, context: RankContext = {}): Template[] {
  const codes = context.ruleCodes ?? [];
  const role = context.role ?? null;
  const fitIndex = (t: Template) => {
    let best = Infinity;
    for (const code of t.fits) {
      const i = codes.indexOf(code);
      if (i !== -1 && i < best) best = i;
    }
    return best;
  };
  const audienceRank = (t: Template) => (role !== null && t.audience.includes(role) ? 0 : t.audience.length === 0 ? 1 : role === null ? 1 : 2);
  return registry.all()
    .map((t) => ({ t, fit: fitIndex(t), audience: audienceRank(t) }))
    .sort((a, b) => a.fit - b.fit || a.audience - b.audience || KIND_ORDER[a.t.kind] - KIND_ORDER[b.t.kind]
      || a.t.title.localeCompare(b.t.title))
    .map((r) => r.t);
}

/** True when the template answers one of these follow-up rule codes. */
export function templateFits(template: Template, ruleCodes: readonly string[]): boolean {
  return template.fits.some((c) => ruleCodes.includes(c));
}
