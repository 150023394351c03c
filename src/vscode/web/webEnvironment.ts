import * as vscode from 'vscode';
import { clockFrom, type Clock } from '../../core/clock';
import { rememberedMapping } from '../../core/import';
import { MAX_IMPORT_BYTES, decodeImportBytes, type ImportFileRead } from '../../core/import/decode';
import { lineRange, problem } from '../../core/problems';
import { MAX_TEMPLATE_CHARS, TemplateProblemCode, buildRegistry, type TemplateFile, type TemplateProblem } from '../../core/templates';
import { isNoteFile } from '../../core/vaultFs';
import builtinTemplates from 'rapport:builtin-templates';
import type { RapportConfig } from '../config';
import type { LoadedTemplateSet, NoteWriteResult, RapportEnvironment, VaultConfigRead, VaultLocation } from '../environment';
import { folderIn } from '../uris';
import { WorkspaceFs } from './workspaceFs';

const CONFIG_FILE_NAMES = ['rapport.config.json', '.rapport.json'];
const IMPORT_CONFIG_FILE = '.rapport.json';
const MAX_CONFIG_BYTES = 256 * 1024;
const MARKERS = ['profile.md', '.rapport.json', 'rapport.config.json'];
const MAX_TEMPLATE_FILES = 500;
const CONTACT_TEMPLATE_FILE = 'contact.md';

const fsApi = () => vscode.workspace.fs;

/**
 * The browser host (vscode.dev, github.dev, a web worker): every read and write goes
 * through `vscode.workspace.fs`, whatever the workspace's file system is (a GitHub
 * repository, a remote folder). There is no environment: today is the date in the
 * browser, or the date a test build pins.
 */
export function webEnvironment(clock: Clock = clockFrom(undefined)): RapportEnvironment {
  return {
    kind: 'web',
    clock,
    localDisk: false,
    vaultFs: (root, templatesFolder) => new WorkspaceFs(root, templatesFolder),
    noteFiles: (root) => ({
      // workspace.fs has no links out of the vault nor device files: every note may be edited
      editRefusal: () => null,
      locate: async (rel) => {
        try {
          await fsApi().stat(vscode.Uri.joinPath(root, ...rel.split('/')));
          return { ok: true, value: 'present' };
        } catch {
          return { ok: true, value: 'missing' };
        }
      },
      create: async (rel, text) => {
        const written = await writeNewNotes(root, [{ path: rel, text }]);
        return written.written.length === 1 ? { ok: true, value: rel } : { ok: false, reason: `${rel}: ${written.failed[0]?.reason ?? 'not written'}` };
      },
    }),
    locateVault,
    loadVaultConfig,
    readTemplates,
    readImportFile,
    loadRememberedMapping: async (root) => {
      const config = await readJsonObject(vscode.Uri.joinPath(root, IMPORT_CONFIG_FILE), IMPORT_CONFIG_FILE);
      if (config.kind === 'missing') return { mapping: null, warning: null };
      if (config.kind === 'bad') return { mapping: null, warning: config.reason };
      return { mapping: rememberedMapping(config.data), warning: null };
    },
    rememberMapping: async (root, mapping) => {
      const uri = vscode.Uri.joinPath(root, IMPORT_CONFIG_FILE);
      const config = await readJsonObject(uri, IMPORT_CONFIG_FILE);
      if (config.kind === 'bad') return { ok: false, reason: config.reason };
      const data = config.kind === 'ok' ? config.data : {};
      const section = data.import;
      if (section !== undefined && !isPlainObject(section)) return { ok: false, reason: `"import" in ${IMPORT_CONFIG_FILE} is not an object` };
      try {
        await fsApi().writeFile(uri, new TextEncoder().encode(JSON.stringify({ ...data, import: { ...(section ?? {}), mapping } }, null, 2) + '\n'));
        return { ok: true };
      } catch (e) {
        return { ok: false, reason: `${IMPORT_CONFIG_FILE} could not be written: ${message(e)}` };
      }
    },
    writeNewNotes,
    exists: async (uri) => {
      try {
        await fsApi().stat(uri);
        return true;
      } catch {
        return false;
      }
    },
  };
}

async function isFile(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await fsApi().stat(uri)).type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await fsApi().stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

async function looksLikeVault(dir: vscode.Uri): Promise<boolean> {
  for (const m of MARKERS) if (await isFile(vscode.Uri.joinPath(dir, m))) return true;
  return isFolder(vscode.Uri.joinPath(dir, 'contacts'));
}

/** As on the desktop, but `rapport.vaultPath` can only name a folder inside the first workspace folder. */
async function locateVault(config: RapportConfig): Promise<VaultLocation> {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri);
  const configured = config.vaultPath;
  if (configured !== '') {
    const root = folders[0] && folderIn(folders[0], configured, (base, ...parts) => vscode.Uri.joinPath(base, ...parts));
    if (root && (await isFolder(root))) return { kind: 'found', root, reason: 'rapport.vaultPath' };
    return { kind: 'none', reason: `rapport.vaultPath is set to ${configured}, which is not a folder inside the workspace.` };
  }
  for (const folder of folders) if (await looksLikeVault(folder)) return { kind: 'found', root: folder, reason: 'workspace folder' };
  for (const folder of folders) {
    let entries: [string, vscode.FileType][] = [];
    try {
      entries = await fsApi().readDirectory(folder);
    } catch {
      continue;
    }
    const dirs = entries.filter(([name, type]) => (type & vscode.FileType.Directory) !== 0 && !name.startsWith('.') && name !== 'node_modules').map(([name]) => name).sort((a, b) => a.localeCompare(b));
    for (const name of dirs) {
      const dir = vscode.Uri.joinPath(folder, name);
      if (await looksLikeVault(dir)) return { kind: 'found', root: dir, reason: `folder ${name} in the workspace` };
    }
  }
  return { kind: 'none', reason: 'No folder in this workspace looks like a Rapport vault.' };
}

type JsonRead = { kind: 'missing' } | { kind: 'ok'; data: Record<string, unknown> } | { kind: 'bad'; reason: string };

async function readText(uri: vscode.Uri, maxBytes: number): Promise<{ kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'bad'; reason: string }> {
  let st: vscode.FileStat;
  try {
    st = await fsApi().stat(uri);
  } catch {
    return { kind: 'missing' };
  }
  if ((st.type & vscode.FileType.File) === 0) return { kind: 'bad', reason: 'not a regular file' };
  if (st.size > maxBytes) return { kind: 'bad', reason: `too large (${st.size} bytes)` };
  try {
    return { kind: 'text', text: new TextDecoder().decode(await fsApi().readFile(uri)) };
  } catch (e) {
    return { kind: 'bad', reason: `could not be read (${message(e)})` };
  }
}

async function readJsonObject(uri: vscode.Uri, name: string): Promise<JsonRead> {
  const read = await readText(uri, MAX_CONFIG_BYTES);
  if (read.kind !== 'text') return read.kind === 'missing' ? read : { kind: 'bad', reason: `${name} ${read.reason}` };
  let data: unknown;
  try {
    data = JSON.parse(read.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { kind: 'bad', reason: `${name} is not valid JSON (${message(e)})` };
  }
  return isPlainObject(data) ? { kind: 'ok', data } : { kind: 'bad', reason: `${name} is not a JSON object` };
}

async function loadVaultConfig(root: vscode.Uri): Promise<VaultConfigRead> {
  for (const name of CONFIG_FILE_NAMES) {
    const read = await readText(vscode.Uri.joinPath(root, name), MAX_CONFIG_BYTES);
    if (read.kind === 'missing') continue;
    if (read.kind === 'bad') return { file: name, raw: undefined, errors: [`${name}: ${read.reason}; using the default settings.`], text: '' };
    try {
      return { file: name, raw: JSON.parse(read.text.replace(/^\uFEFF/, '')) as unknown, errors: [], text: read.text };
    } catch (e) {
      return { file: name, raw: undefined, errors: [`${name}: invalid JSON (${message(e).slice(0, 200)}); using the default settings.`], text: read.text };
    }
  }
  return { file: null, raw: undefined, errors: [], text: '' };
}

async function readTemplates(root: vscode.Uri | undefined, folder: string): Promise<LoadedTemplateSet & { warning?: string }> {
  const builtins: TemplateFile[] = builtinTemplates.map((t) => ({ path: `templates/${t.name}`, text: t.text }));
  const files: TemplateFile[] = [];
  const problems: TemplateProblem[] = [];
  let contactTemplate: string | null = null;
  let warning: string | undefined;
  const report = (file: string, text: string) => problems.push({ path: `templates/${file}`, source: 'vault', problem: problem(TemplateProblemCode.readError, 'error', text, lineRange(0)) });
  const dir = root && folderIn(root, folder, (base, ...parts) => vscode.Uri.joinPath(base, ...parts));
  if (root && !dir) warning = `rapport.templatesFolder (${folder}) is outside the vault and was ignored.`;
  if (dir) {
    let names: string[] = [];
    try {
      names = (await fsApi().readDirectory(dir)).filter(([n, type]) => (type & vscode.FileType.File) !== 0 && isNoteFile(n)).map(([n]) => n).sort();
    } catch {
      names = []; // no templates folder: only the built-ins
    }
    if (names.length > MAX_TEMPLATE_FILES) {
      report('', `The templates folder has ${names.length} files; only the first ${MAX_TEMPLATE_FILES} were read.`);
      names = names.slice(0, MAX_TEMPLATE_FILES);
    }
    for (const name of names) {
      const read = await readText(vscode.Uri.joinPath(dir, name), MAX_TEMPLATE_CHARS);
      if (read.kind === 'bad') report(name, `Template ${read.reason}. It was not read.`);
      else if (read.kind === 'text' && name.toLowerCase() === CONTACT_TEMPLATE_FILE) contactTemplate = read.text;
      else if (read.kind === 'text') files.push({ path: `templates/${name}`, text: read.text });
    }
  }
  return { registry: buildRegistry(builtins, files, problems), contactTemplate, warning };
}

async function readImportFile(file: vscode.Uri): Promise<ImportFileRead> {
  let st: vscode.FileStat;
  try {
    st = await fsApi().stat(file);
  } catch {
    return { kind: 'missing' };
  }
  if ((st.type & vscode.FileType.File) === 0) return { kind: 'not-a-file' };
  if (st.size > MAX_IMPORT_BYTES) return { kind: 'too-large', size: st.size, limit: MAX_IMPORT_BYTES };
  try {
    return decodeImportBytes(await fsApi().readFile(file));
  } catch (e) {
    return { kind: 'error', message: message(e) };
  }
}

/** Each note is its own `createFile` without overwrite: the workbench refuses it when the name is taken. */
async function writeNewNotes(root: vscode.Uri, notes: readonly { path: string; text: string }[]): Promise<NoteWriteResult> {
  const result: NoteWriteResult = { written: [], failed: [] };
  for (const note of notes) {
    const segments = note.path.split('/');
    if (note.path.startsWith('/') || note.path.includes('\\') || note.path.includes('\0') || segments.some((s) => s === '' || s === '.' || s === '..')) {
      result.failed.push({ path: note.path, reason: 'not a plain path inside the vault; not written' });
      continue;
    }
    const uri = vscode.Uri.joinPath(root, ...segments);
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(note.text) });
    if (await vscode.workspace.applyEdit(edit)) result.written.push(note.path);
    else result.failed.push({ path: note.path, reason: 'a file with that name already exists or could not be created; it was not overwritten' });
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
