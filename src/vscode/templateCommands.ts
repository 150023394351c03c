import * as vscode from 'vscode';
import { appendInteraction } from '../core/edits';
import { safeNoteFileName } from '../core/fileNames';
import { mailtoComponents } from '../core/mailto';
import { newContactNote } from '../core/newContact';
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

    /** Asks for each field; callers such as keybindings or tests may pass them instead. */
    'rapport.newContact': withVault(async ({ session }, given?: { name?: string; role?: string; institution?: string; metAt?: string }) => {
      const name = (given?.name ?? await vscode.window.showInputBox({
        title: 'New contact (1/4)', prompt: 'Name', placeHolder: 'e.g. Dr. Jane Smith',
        validateInput: (v) => (v.trim() === '' ? 'A name is needed.' : v.length > 200 ? 'That name is too long.' : null),
      }))?.trim();
      if (!name) return;
      const role = given?.role ?? await vscode.window.showQuickPick([...ROLES], { title: 'New contact (2/4)', placeHolder: 'Role' });
      if (!role) return;
      const institution = given?.institution ?? await vscode.window.showInputBox({ title: 'New contact (3/4)', prompt: 'Institution (optional)', placeHolder: 'e.g. Lakeshore University' });
      if (institution === undefined) return;
      const events = [...session.vault.conferences(), ...session.vault.rotations()];
      const where = given ? { name: given.metAt ?? '' } : await vscode.window.showQuickPick(
        [{ label: 'Not at an event', name: '' }, ...events.map((e) => ({ label: e.name, description: e.kind === 'conference' ? 'conference' : 'rotation', name: e.name }))],
        { title: 'New contact (4/4)', placeHolder: 'Where did you meet?' },
      );
      if (!where) return;
      const result = newContactNote({
        name, role, institution: institution.trim() || null, metAt: where.name || null, linkMetAt: session.vault.resolve(where.name) !== undefined,
        met: where.name ? session.today : null, today: session.today,
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

/** The vault-relative, lower-cased paths of the files in a folder (empty when there is none). */
async function filesIn(folder: vscode.Uri): Promise<Set<string>> {
  const base = folder.path.slice(folder.path.lastIndexOf('/') + 1);
  try {
    return new Set((await vscode.workspace.fs.readDirectory(folder)).map(([name]) => `${base}/${name}`.toLowerCase()));
  } catch {
    return new Set();
  }
}
