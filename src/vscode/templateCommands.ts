import * as vscode from 'vscode';
import { appendInteraction } from '../core/edits';
import { safeNoteFileName } from '../core/fileNames';
import { mailtoComponents } from '../core/mailto';
import { isCalendarDate } from '../core/dates';
import { newContactNote } from '../core/newContact';
import { parsePastDate } from '../core/pastDate';
import { fillTemplate, rankTemplates, templateFields, templateFits, toSnippet, type Template } from '../core/templates';
import { ROLES, type ConferenceNote, type ContactNote, type RotationNote } from '../core/types';
import { withVault, type CommandTable } from './commands';
import type { RapportHost } from './host';
import { applyNoteEdit } from './noteEdits';
import type { VaultSession } from './session';
import type { TreeNode } from './tree/treeNodes';

type Target = TreeNode | vscode.Uri | undefined;

/** The contact a template is for: the one given, the active note, or one the user picks. */
async function pickContact(session: VaultSession, target: Target): Promise<ContactNote | undefined> {
  let rel: string | undefined;
  if (target instanceof vscode.Uri) rel = session.relative(target);
  else if (target && 'path' in target && target.path) rel = target.path;
  else {
    const editor = vscode.window.activeTextEditor;
    rel = editor ? session.relative(editor.document.uri) : undefined;
  }
  const note = rel === undefined ? undefined : session.vault.get(rel);
  if (note?.kind === 'contact') return note;
  const contacts = session.vault.contacts();
  if (contacts.length === 0) {
    void vscode.window.showInformationMessage('Rapport: there are no contacts in this vault yet. Run "Rapport: New Contact…" first.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    contacts.map((c) => ({ label: c.name, description: [c.role, c.institution].filter(Boolean).join(' · '), c })),
    { placeHolder: 'Which contact is this email for?', matchOnDescription: true },
  );
  return picked?.c;
}

/** Templates for a contact, those fitting its open follow-ups first, with a separator between. */
async function pickTemplate(host: RapportHost, session: VaultSession, contact: ContactNote, templateId?: string): Promise<Template | undefined> {
  const loaded = await host.loadTemplates();
  if (templateId) {
    const t = loaded.registry.get(templateId);
    if (t) return t;
  }
  const followUps = session.followUps(contact.path);
  const codes = followUps.map((f) => f.code);
  const ranked = rankTemplates(loaded.registry, { ruleCodes: codes, role: contact.role });
  type Item = vscode.QuickPickItem & { t?: Template };
  const items: Item[] = [];
  const fitting = ranked.filter((t) => templateFits(t, codes));
  if (fitting.length > 0) items.push({ label: 'Fits the open follow-up', kind: vscode.QuickPickItemKind.Separator });
  for (const t of fitting) items.push({ label: t.title, description: t.source === 'vault' ? 'vault' : t.kind, detail: t.description ?? undefined, t });
  items.push({ label: 'All templates', kind: vscode.QuickPickItemKind.Separator });
  for (const t of ranked.filter((x) => !fitting.includes(x))) items.push({ label: t.title, description: t.source === 'vault' ? 'vault' : t.kind, detail: t.description ?? undefined, t });
  const picked = await vscode.window.showQuickPick(items, { placeHolder: `Template for ${contact.name}`, matchOnDetail: true });
  return picked?.t;
}

/** The rotation or conference a command was run from (a pre-rotation email from the rotation note), so its dates fill in. */
function eventOf(session: VaultSession, target: Target): ConferenceNote | RotationNote | undefined {
  const rel = target instanceof vscode.Uri ? session.relative(target)
    : target && 'path' in target && target.path ? target.path
      : vscode.window.activeTextEditor ? session.relative(vscode.window.activeTextEditor.document.uri) : undefined;
  const note = rel === undefined ? undefined : session.vault.get(rel);
  return note?.kind === 'rotation' || note?.kind === 'conference' ? note : undefined;
}

function fieldsFor(session: VaultSession, contact: ContactNote, event?: ConferenceNote | RotationNote) {
  return templateFields(session.vault, contact, session.vault.profile(), session.today, event);
}

/** The contact and template a template command works on; undefined when the user backs out. */
async function chooseEmail(host: RapportHost, session: VaultSession, target: Target, templateId?: string): Promise<{ session: VaultSession; contact: ContactNote; template: Template; event?: ConferenceNote | RotationNote } | undefined> {
  const contact = await pickContact(session, target);
  if (!contact) return undefined;
  const template = await pickTemplate(host, session, contact, templateId);
  return template ? { session, contact, template, event: eventOf(session, target) } : undefined;
}

export function templateCommands(host: RapportHost): CommandTable {
  return {
    'rapport.insertTemplate': withVault(async ({ session: open }, target?: Target, templateId?: string) => {
      const chosen = await chooseEmail(host, open, target, templateId);
      if (!chosen) return;
      const { session, contact, template, event } = chosen;
      const snippet = toSnippet(template, fieldsFor(session, contact, event));

      // From a quick fix the target is the note itself: the draft goes at its end, never into the frontmatter.
      let editor = vscode.window.activeTextEditor;
      const targetUri = target instanceof vscode.Uri ? target : undefined;
      if (targetUri && editor?.document.uri.toString() !== targetUri.toString()) {
        editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(targetUri));
      }
      if (!editor) {
        editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: '' }));
      }
      const doc = editor.document;
      const note = session.note(doc.uri);
      const inFrontmatter = note !== undefined && note.frontmatterEnd >= 0 && editor.selection.active.line <= note.frontmatterEnd;
      if (targetUri || inFrontmatter) {
        const last = doc.lineAt(doc.lineCount - 1);
        const lead = last.text === '' ? (doc.lineCount > 1 && doc.lineAt(doc.lineCount - 2).text.trim() !== '' ? '\n' : '') : '\n\n';
        const heading = `## Draft: ${template.title.replace(/[$}\\]/g, '\\$&')} (${session.today})\n\n`;
        await editor.insertSnippet(new vscode.SnippetString(`${lead}${heading}${snippet}\n`), last.range.end);
      } else {
        await editor.insertSnippet(new vscode.SnippetString(snippet), editor.selection);
      }
    }),

    'rapport.composeEmail': withVault(async ({ session: open }, target?: Target, templateId?: string) => {
      const chosen = await chooseEmail(host, open, target, templateId);
      if (!chosen) return;
      const { session, contact, template, event } = chosen;
      const filled = fillTemplate(template, fieldsFor(session, contact, event));
      const text = `${filled.subject !== null ? `Subject: ${filled.subject}\n\n` : ''}${filled.body}\n`;
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'plaintext', content: text }));
      const missing = filled.missing.length > 0 ? ` Fill in: ${filled.missing.join(', ')}.` : '';
      const actions = contact.email ? ['Open in Mail App', 'Copy'] : ['Copy'];
      const choice = await vscode.window.showInformationMessage(`Email to ${contact.name} is ready.${missing}`, ...actions);
      if (choice === 'Open in Mail App' && contact.email) {
        // Components VS Code's own re-encoding leaves with subject and body only (see core/mailto).
        await vscode.env.openExternal(vscode.Uri.from(mailtoComponents(contact.email, filled.subject, filled.body)));
      } else if (choice === 'Copy') {
        await vscode.env.clipboard.writeText(text);
      }
      if (!choice) return;
      const followUp = session.followUps(contact.path).some((f) => f.code === 'awaiting-reply');
      const kind = followUp ? 'followed-up' : 'emailed';
      const log = await vscode.window.showInformationMessage(`Log this as "${kind}" today in ${contact.name}'s note?`, `Log as ${kind}`, kind === 'emailed' ? 'Log as followed-up' : 'Log as emailed');
      if (!log) return;
      const logged = log.endsWith('followed-up') ? 'followed-up' : 'emailed';
      await applyNoteEdit(session, session.uriOf(contact.path), (t) => appendInteraction(t, session.today, logged, template.title));
    }),

    /**
     * What the guide says to jot down after a conversation: name, role and position,
     * institution, where and when you met, key topics, a promised follow-up. Every step
     * but the name can be left empty; Escape at any step cancels and writes nothing.
     * Callers such as keybindings or tests may pass the answers instead of being asked.
     */
    'rapport.newContact': withVault(async ({ session }, given?: NewContactAnswers) => {
      await session.whenReady();
      const answers = given ?? await askNewContact(session);
      const name = answers?.name?.trim();
      if (!answers || !name) return;
      const where = answers.metAt?.trim() ?? '';
      const event = where === '' ? undefined : session.vault.resolve(where);
      const met = answers.met === undefined ? (where ? session.today : null) : parsePastDate(answers.met, session.today);
      if (met !== null && typeof met === 'object' && !met.ok) {
        void vscode.window.showWarningMessage(`Rapport: no contact created: the date met: ${met.reason}.`);
        return;
      }
      if (answers.promiseDue && !isCalendarDate(answers.promiseDue)) {
        void vscode.window.showWarningMessage(`Rapport: no contact created: the promise's date must be YYYY-MM-DD, not '${answers.promiseDue}'.`);
        return;
      }
      const role = answers.role ?? null;
      const institution = answers.institution ?? '';
      const capture = {
        position: answers.position ?? null, topics: answers.topics ?? null, promise: answers.promise ?? null,
        promiseDue: answers.promiseDue ?? null, logMeeting: answers.logMeeting ?? true,
      };
      const result = newContactNote({
        name, role, institution: institution.trim() || null, metAt: where || null, linkMetAt: event !== undefined,
        met: met === null ? null : typeof met === 'string' ? met : met.date, today: session.today, ...capture,
      }, (await host.loadTemplates()).contactTemplate);
      const taken = new Set(session.vault.paths().map((p) => p.toLowerCase()));
      // Files the index does not hold (ignored, or not yet seen) are taken too: ask the file system.
      const onDisk = await filesIn(session.uriOf('contacts'));
      const rel = safeNoteFileName(name, (p) => taken.has(p) || onDisk.has(p.toLowerCase()));
      // Written through the guarded layer: a contacts/ that links out of the vault is refused, and nothing is overwritten.
      const created = await session.files.create(rel, result.text);
      if (!created.ok) {
        void vscode.window.showErrorMessage(`Rapport: could not create ${rel}: ${created.reason}.`);
        return;
      }
      const uri = session.uriOf(rel);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      for (const p of result.problems) void vscode.window.showWarningMessage(`Rapport: templates/contact.md was not used: ${p}`);
      return uri;
    }),
  };
}

/** The answers of New Contact, asked one step at a time or passed by a caller. */
export interface NewContactAnswers {
  name?: string;
  role?: string | null;
  institution?: string;
  position?: string | null;
  /** A conference or rotation of the vault (written as a link), or any place as text. */
  metAt?: string;
  /** YYYY-MM-DD, today, yesterday or "N days ago"; default today when `metAt` is given. */
  met?: string;
  topics?: string | null;
  promise?: string | null;
  promiseDue?: string | null;
  logMeeting?: boolean;
}

/** The steps of New Contact. Empty answers skip a step; Escape (undefined) cancels the whole. */
async function askNewContact(session: VaultSession): Promise<NewContactAnswers | undefined> {
  const title = (n: number) => `New contact (${n}/8)`;
  const text = (n: number, prompt: string, placeHolder: string, validate?: (v: string) => string | null) =>
    vscode.window.showInputBox({ title: title(n), prompt, placeHolder, validateInput: validate, ignoreFocusOut: true });
  const name = (await text(1, 'Name', 'e.g. Dr. Jane Smith',
    (v) => (v.trim() === '' ? 'A name is needed.' : v.length > 200 ? 'That name is too long.' : null)))?.trim();
  if (!name) return undefined;
  const rolePick = await vscode.window.showQuickPick([{ label: 'Skip', description: 'decide later', role: null as string | null }, ...ROLES.map((r) => ({ label: r, role: r }))],
    { title: title(2), placeHolder: 'Role (what kind of contact: faculty, resident, program-director…)', ignoreFocusOut: true });
  if (!rolePick) return undefined;
  const institution = await text(3, 'Institution (optional: Enter to skip)', 'e.g. Lakeshore University');
  if (institution === undefined) return undefined;
  const position = await text(4, 'Position (optional: Enter to skip)', 'e.g. Associate Professor, PGY-4, Chief of Hand Surgery');
  if (position === undefined) return undefined;
  const events = [...session.vault.conferences(), ...session.vault.rotations()]
    .sort((a, b) => (b.start ?? '').localeCompare(a.start ?? ''));
  const wherePick = await vscode.window.showQuickPick([
    { label: 'Not at an event', description: 'skip', name: '' },
    ...events.map((e) => ({ label: e.name, description: [e.kind, e.start].filter(Boolean).join(' · '), name: e.name })),
    { label: 'Somewhere else…', description: 'type the place', name: '\u0000other' },
  ], { title: title(5), placeHolder: 'Where did you meet?', ignoreFocusOut: true });
  if (!wherePick) return undefined;
  let metAt = wherePick.name;
  if (metAt === '\u0000other') {
    const typed = await text(5, 'Where did you meet? (Enter to skip)', 'e.g. Grand rounds, Zoom open house');
    if (typed === undefined) return undefined;
    metAt = typed.trim();
  }
  let met: string | undefined;
  if (metAt !== '') {
    met = await vscode.window.showInputBox({
      title: title(5), prompt: 'When did you meet? (logged as "met" in the note) YYYY-MM-DD, today, yesterday or "3 days ago"', value: 'today', ignoreFocusOut: true,
      validateInput: (v) => { const d = parsePastDate(v, session.today); return d.ok ? null : d.reason; },
    });
    if (met === undefined) return undefined;
  }
  const topics = await text(6, 'Key topics you discussed (optional, separated by commas)', 'e.g. microsurgery outcomes, away rotations');
  if (topics === undefined) return undefined;
  const promise = await text(7, 'Any follow-up you promised? (optional)', 'e.g. send her my abstract');
  if (promise === undefined) return undefined;
  let promiseDue: string | undefined = '';
  if (promise.trim() !== '') {
    promiseDue = await text(8, 'By when? YYYY-MM-DD (optional: Enter for no date)', 'e.g. 2026-12-01',
      (v) => (v.trim() === '' || isCalendarDate(v.trim()) ? null : 'Use a date such as 2026-12-01, or leave it empty.'));
    if (promiseDue === undefined) return undefined;
  }
  return {
    name, role: rolePick.role, institution, position: position.trim() || null, metAt, met, topics: topics.trim() || null,
    promise: promise.trim() || null, promiseDue: promiseDue.trim() || null,
  };
}

/** The vault-relative, lower-cased paths of the files in a folder (empty when there is none). */
async function filesIn(folder: vscode.Uri): Promise<Set<string>> {
  const base = folder.path.slice(folder.path.lastIndexOf('/') + 1);
  try {
    return new Set((await vscode.workspace.fs.readDirectory(folder)).map(([name]) => `${base}/${name}`.toLowerCase()));
  } catch {
    return new Set();
  }
}
