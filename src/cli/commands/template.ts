import * as fs from 'fs';
import * as path from 'path';
import { fillTemplate, templateFields, type TemplateProblem, type TemplateRegistry } from '../../core/templates';
import { mailSubject, mailtoLink } from '../../core/mailto';
import type { ContactNote } from '../../core/types';
import type { Vault } from '../../core/vault';
import { loadTemplates } from '../../node/templateLoader';
import { UsageError, flag, parseCommandArgs, type ParsedArgs } from '../args';
import type { CliIO, Command } from '../io';
import { plural } from '../plural';
import { nearest } from '../suggest';
import { loadVault, todayArg } from '../vaultLoader';

/** `--vault V`, or the one positional `templates` also accepts for symmetry with `list` and `check`. */
function vaultDir(args: ParsedArgs, positional: string | undefined): string | undefined {
  const given = flag(args, 'vault');
  if (given !== undefined && positional !== undefined) throw new UsageError('give the vault either as --vault or as an argument, not both');
  return given ?? positional;
}

function problemLine(p: TemplateProblem): string {
  const where = p.source === 'builtin' ? `(built-in) ${p.path}` : p.path;
  const { start } = p.problem.range;
  return `${where}:${start.line + 1}:${start.character + 1}: ${p.problem.severity} ${p.problem.code}: ${p.problem.message}`;
}

export const templatesCommand: Command = {
  name: 'templates',
  summary: 'List the email templates: built-in and the vault\'s own (templates/)',
  usage: 'rapport templates [VAULT | --vault VAULT] [--format text|json]',
  options: { vault: { value: 'VAULT', needs: 'a folder', help: 'The vault (the same as the VAULT argument)' } },
  async run(argv, io) {
    const { args, format } = parseCommandArgs(argv, this);
    if (args.positionals.length > 1) throw new UsageError(`unexpected argument '${args.positionals[1]}'`);
    const { root } = await loadVault(vaultDir(args, args.positionals[0]), io);
    const { registry } = loadTemplates(root);
    const templates = registry.all().sort((a, b) => a.id.localeCompare(b.id));
    if (format === 'json') {
      io.out(JSON.stringify({
        templates: templates.map((t) => ({
          id: t.id, title: t.title, kind: t.kind, fits: t.fits, audience: t.audience, source: t.source, path: t.path,
          overridesBuiltin: registry.overridden.has(t.id), description: t.description,
        })),
        problems: registry.problems.map((p) => ({
          file: p.path, source: p.source, line: p.problem.range.start.line + 1, column: p.problem.range.start.character + 1,
          severity: p.problem.severity, code: p.problem.code, message: p.problem.message,
        })),
      }, null, 2) + '\n');
      return 0;
    }
    const idWidth = Math.max(2, ...templates.map((t) => t.id.length));
    const fitsText = (fits: string[]) => (fits.length === 0 ? '—' : fits.join(', '));
    const fitsWidth = Math.max(4, ...templates.map((t) => fitsText(t.fits).length));
    io.out(`${'ID'.padEnd(idWidth)}  ${'KIND'.padEnd(7)}  ${'SOURCE'.padEnd(7)}  ${'FITS'.padEnd(fitsWidth)}  TITLE\n`);
    for (const t of templates) {
      const source = t.source === 'vault' && registry.overridden.has(t.id) ? 'vault*' : t.source;
      io.out(`${t.id.padEnd(idWidth)}  ${t.kind.padEnd(7)}  ${source.padEnd(7)}  ${fitsText(t.fits).padEnd(fitsWidth)}  ${t.title}\n`);
    }
    const overrides = templates.filter((t) => t.source === 'vault' && registry.overridden.has(t.id)).length;
    io.out(`${plural(templates.length, 'template')}${overrides > 0 ? ` (* ${overrides} replacing a built-in)` : ''}\n`);
    for (const p of registry.problems) io.err(problemLine(p) + '\n');
    return 0;
  },
};

/** A contact named by file (relative to where the user stands, or to the vault) or by name. */
function findContact(vault: Vault, root: string, given: string, io: CliIO): ContactNote {
  const abs = path.resolve(io.cwd, given);
  const rel = path.relative(root, abs).split(path.sep).join('/');
  const candidates = [rel.startsWith('..') || path.isAbsolute(rel) ? null : rel, given.split(path.sep).join('/')];
  for (const p of candidates) {
    const note = p === null ? undefined : vault.get(p);
    if (note?.kind === 'contact') return note;
    if (note) throw new UsageError(`'${given}' is a ${note.kind} note, not a contact`);
  }
  const byName = vault.resolve(given);
  if (byName?.kind === 'contact') return byName;
  throw new UsageError(`no contact '${given}' in ${root}`);
}

function unknownTemplate(registry: TemplateRegistry, id: string): UsageError {
  const ids = registry.all().map((t) => t.id);
  const containing = ids.filter((i) => i.includes(id.toLowerCase()) || id.toLowerCase().includes(i));
  const close = nearest(id, ids);
  const near = containing.length > 0 ? containing : close === undefined ? [] : [close];
  return new UsageError(`no template '${id}'${near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : ''}; see rapport templates`);
}

export const templateCommand: Command = {
  name: 'template',
  summary: 'Print a template filled in for a contact (unknown fields shown as [field])',
  usage: 'rapport template ID --contact FILE [--vault VAULT] [--today YYYY-MM-DD] [--format text|json] [--mailto]',
  options: {
    contact: { value: 'FILE', needs: 'a contact (a note\'s file or a name)', help: 'The contact: its note (its vault is the one holding it) or its name' },
    vault: { value: 'VAULT', needs: 'a folder', help: 'The vault (default: the one holding the contact\'s note, else the current folder\'s)' },
    mailto: { help: 'Print a mailto: link (subject and body) instead of the text' },
  },
  async run(argv, io) {
    const { args, format } = parseCommandArgs(argv, this);
    const [id, extra] = args.positionals;
    if (id === undefined) throw new UsageError('which template? give its id (see rapport templates)');
    if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
    const contactArg = flag(args, 'contact');
    if (contactArg === undefined) throw new UsageError('--contact FILE is required');
    const today = todayArg(args, io);
    // A contact given as a path names its vault too: look up from the note, not from where the user stands.
    const contactFile = path.resolve(io.cwd, contactArg);
    const { vault, root } = await loadVault(flag(args, 'vault'), io, fs.existsSync(contactFile) ? contactFile : undefined);
    const { registry } = loadTemplates(root);
    const template = registry.get(id);
    if (!template) throw unknownTemplate(registry, id);
    const contact = findContact(vault, root, contactArg, io);
    const filled = fillTemplate(template, templateFields(vault, contact, vault.profile(), today));
    if (args.flags.get('mailto') === true) {
      // A link for scripts: only subject and body, every reserved character encoded (RFC 6068).
      io.out(`${mailtoLink(contact.email, filled.subject, filled.body)}\n`);
      if (filled.missing.length > 0) io.err(`To fill in: ${filled.missing.join('; ')}\n`);
      return 0;
    }
    if (format === 'json') {
      io.out(JSON.stringify({ template: template.id, contact: contact.path, today, subject: filled.subject === null ? null : mailSubject(filled.subject), body: filled.body, missing: filled.missing }, null, 2) + '\n');
      return 0;
    }
    if (filled.subject !== null) io.out(`Subject: ${mailSubject(filled.subject)}\n\n`);
    io.out(`${filled.body}\n`);
    if (filled.missing.length > 0) io.err(`To fill in: ${filled.missing.join('; ')}\n`);
    return 0;
  },
};
