import * as fs from 'fs';
import * as path from 'path';
import { lineRange, problem } from '../core/problems';
import {
  MAX_TEMPLATE_CHARS, TemplateProblemCode, buildRegistry,
  type TemplateFile, type TemplateProblem, type TemplateRegistry, type TemplateSource,
} from '../core/templates';
import { isNoteFile } from '../core/vaultFs';
import { NodeFs } from './nodeFs';
import { contains } from './vaultFinder';

/** The vault folder for the student's own templates (also skipped by the note index). */
export const TEMPLATE_FOLDER = 'templates';
/** `templates/contact.md` is the layout of a new contact note, not an email. */
export const CONTACT_TEMPLATE_FILE = 'contact.md';
/** A templates folder holds a few dozen files; more than this is not one. */
export const MAX_TEMPLATE_FILES = 500;

export interface TemplateDirRead {
  files: TemplateFile[];
  problems: TemplateProblem[];
  /** Text of `contact.md` in the folder, if there is one. */
  contactTemplate: string | null;
}

export interface LoadedTemplates {
  registry: TemplateRegistry;
  /** The vault's `templates/contact.md`, for `newContactText`. */
  contactTemplate: string | null;
  builtinDir: string | null;
}

/**
 * The built-in templates ship as `templates/` beside `dist/`: from the bundle
 * (`dist/cli.js`, `dist/extension.js`) that is `../templates`; from the sources run
 * by tsx (`src/node/`) it is `../../templates`.
 */
export function builtinTemplatesDir(from: string = __dirname): string | null {
  for (const candidate of [path.join(from, '..', TEMPLATE_FOLDER), path.join(from, '..', '..', TEMPLATE_FOLDER)]) {
    try {
      if (fs.statSync(candidate).isDirectory()) return candidate;
    } catch {
      // not here; try the next
    }
  }
  return null;
}

/**
 * Reads the `.md` files directly in `dir` (no sub-folders). Nothing throws: a missing
 * vault folder is simply empty, and every file that cannot be read is a problem.
 */
export function readTemplateDir(dir: string, source: TemplateSource, insideRoot?: string): TemplateDirRead {
  const result: TemplateDirRead = { files: [], problems: [], contactTemplate: null };
  const report = (file: string, message: string) => result.problems.push({
    path: `${TEMPLATE_FOLDER}/${file}`, source, problem: problem(TemplateProblemCode.readError, 'error', message, lineRange(0)),
  });
  let names: string[];
  let reader: NodeFs;
  try {
    names = fs.readdirSync(dir, { withFileTypes: true })
      .filter((e) => !e.isDirectory() && isNoteFile(e.name))
      .map((e) => e.name)
      .sort();
    reader = new NodeFs(dir);
    if (insideRoot !== undefined && !contains(fs.realpathSync(insideRoot), fs.realpathSync(dir))) {
      report('', 'The templates folder is a link to a folder outside the vault; Rapport does not follow it.');
      return result;
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (source === 'vault' && (code === 'ENOENT' || code === 'ENOTDIR')) return result;
    report('', `The ${source === 'builtin' ? 'built-in' : 'vault'} templates folder could not be read: ${(e as Error).message}`);
    return result;
  }
  if (names.length > MAX_TEMPLATE_FILES) {
    report('', `The templates folder has ${names.length} files; only the first ${MAX_TEMPLATE_FILES} were read.`);
    names = names.slice(0, MAX_TEMPLATE_FILES);
  }
  for (const name of names) {
    const read = reader.readSync(name, MAX_TEMPLATE_CHARS);
    switch (read.kind) {
      case 'text':
        if (source === 'vault' && name.toLowerCase() === CONTACT_TEMPLATE_FILE) result.contactTemplate = read.text;
        else result.files.push({ path: `${TEMPLATE_FOLDER}/${name}`, text: read.text });
        break;
      case 'missing':
        break; // deleted while we listed
      case 'too-large':
        report(name, `Template is too large (${Math.ceil(read.size / 1024)} KB; the limit is ${MAX_TEMPLATE_CHARS / 1024} KB). It was not read.`);
        break;
      case 'binary':
        report(name, 'Template is binary, not markdown text. It was not read.');
        break;
      case 'skipped':
        report(name, `Not read: ${read.detail}.`);
        break;
      case 'error':
        report(name, `Template could not be read: ${read.message}`);
        break;
    }
  }
  return result;
}

/** The built-ins plus the vault's `templates/` (when a vault is given), as one registry. */
export function loadTemplates(vaultRoot: string | null, builtinDir: string | null = builtinTemplatesDir()): LoadedTemplates {
  const problems: TemplateProblem[] = [];
  const builtins = builtinDir === null
    ? { files: [], problems: [{ path: TEMPLATE_FOLDER, source: 'builtin' as const, problem: problem(TemplateProblemCode.readError, 'error', 'The built-in templates were not found next to the extension.', lineRange(0)) }], contactTemplate: null }
    : readTemplateDir(builtinDir, 'builtin');
  const vaultDir = vaultRoot === null ? null : path.join(vaultRoot, TEMPLATE_FOLDER);
  // Run from Rapport's own folder, the vault's templates/ would be the built-ins again, each "replacing" itself.
  const same = vaultDir !== null && builtinDir !== null && sameFolder(vaultDir, builtinDir);
  const vault = vaultDir === null || same ? { files: [], problems: [], contactTemplate: null } : readTemplateDir(vaultDir, 'vault', vaultRoot!);
  problems.push(...builtins.problems, ...vault.problems);
  return {
    registry: buildRegistry(builtins.files, vault.files, problems),
    contactTemplate: vault.contactTemplate,
    builtinDir,
  };
}

function sameFolder(a: string, b: string): boolean {
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return false;
  }
}
