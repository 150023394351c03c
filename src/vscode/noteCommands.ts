import * as vscode from 'vscode';
import { isCalendarDate } from '../core/dates';
import { parsePastDate } from '../core/pastDate';
import { appendInteraction, setFrontmatterField } from '../core/edits';
import { canMarkDone, markDoneEdit, snoozeDate, snoozeEdit, suggestedKind } from '../core/resolutions';
import type { FollowUp } from '../core/rules/types';
import { INTERACTION_KINDS, type InteractionKind } from '../core/types';
import { anyTime, withVault, type CommandTable } from './commands';
import type { RapportHost } from './host';
import { applyLogToNotes, applyNoteEdit } from './noteEdits';
import type { VaultSession } from './session';
import type { TreeNode } from './tree/treeNodes';

/** What a command was invoked on: a tree node, a URI (quick fix, explorer) or nothing (the active editor). */
export type CommandTarget = TreeNode | vscode.Uri | undefined;

interface Resolved {
  session: VaultSession;
  uri: vscode.Uri;
  path: string;
  followUp?: FollowUp;
}

interface LogAnswers {
  kind?: InteractionKind;
  summary?: string;
  /** YYYY-MM-DD, today, yesterday or "N days ago". */
  date?: string;
}

const KIND_HELP: Record<InteractionKind, string> = {
  met: 'Met in person', call: 'Phone or video call', meeting: 'A scheduled meeting', emailed: 'You sent an email',
  'followed-up': 'You sent a follow-up', replied: 'They replied', received: 'They wrote first', thanked: 'You sent a thank-you',
  presented: 'You presented (poster, talk)', note: 'A note to self',
  advice: 'Advice they gave you (report back later)', feedback: 'You asked for feedback',
  'no-reply-needed': 'Their message needs no answer',
};

export function noteCommands(host: RapportHost): CommandTable {
  const resolve = (session: VaultSession, target: CommandTarget): Resolved | undefined => {
    if (target instanceof vscode.Uri) {
      const path = session.relative(target);
      return path === undefined ? undefined : { session, uri: target, path };
    }
    if (target && (target.type === 'contact' || target.type === 'event')) return { session, uri: session.uriOf(target.path), path: target.path };
    if (target && target.type === 'followUp') return { session, uri: session.uriOf(target.path), path: target.path, followUp: target.followUp };
    const editor = vscode.window.activeTextEditor;
    const path = editor ? session.relative(editor.document.uri) : undefined;
    if (!editor || path === undefined) {
      void vscode.window.showInformationMessage('Rapport: open a note of the vault, or pick a contact in the Rapport views.');
      return undefined;
    }
    return { session, uri: editor.document.uri, path };
  };

  /** The follow-up a command is about: given, on the cursor's line, or picked from the note's list. */
  const pickFollowUp = async (r: Resolved, code?: string, line?: number, filter: (f: FollowUp) => boolean = () => true): Promise<FollowUp | undefined> => {
    if (r.followUp) return r.followUp;
    const all = (host.session?.followUps(r.path) ?? []).filter(filter);
    const exact = all.find((f) => (code === undefined || f.code === code) && (line === undefined || f.range.start.line === line));
    if (exact && (code !== undefined || all.length === 1)) return exact;
    if (all.length === 0) {
      void vscode.window.showInformationMessage('Rapport: this note has no open follow-up.');
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(all.map((f) => ({ label: f.action, description: `due ${f.due}`, detail: f.message, f })), { placeHolder: 'Which follow-up?' });
    return picked?.f;
  };

  /** The note a command was run on; undefined when it was run from the palette on a contact (or on nothing), to pick several; null when it cannot be told. */
  const singleOrNone = (session: VaultSession, target: CommandTarget): Resolved | undefined | null => {
    if (target !== undefined) return resolve(session, target) ?? null;
    const editor = vscode.window.activeTextEditor;
    const note = editor ? session.note(editor.document.uri) : undefined;
    // A conference or rotation note open in the editor is logged in as before; a contact may be one of several.
    return note !== undefined && note.kind !== 'contact' ? resolve(session, undefined) ?? null : undefined;
  };

  /** Several contacts at once, the one open in the editor already ticked. */
  const pickContacts = async (session: VaultSession): Promise<vscode.Uri[] | undefined> => {
    await session.whenReady();
    const contacts = session.vault.contacts();
    if (contacts.length === 0) {
      void vscode.window.showInformationMessage('Rapport: there are no contacts in this vault yet. Run "Rapport: New Contact…" first.');
      return undefined;
    }
    const editor = vscode.window.activeTextEditor;
    const active = editor ? session.relative(editor.document.uri) : undefined;
    const items = contacts.map((c) => ({ label: c.name, description: [c.role, c.institution].filter(Boolean).join(' · '), picked: c.path === active, path: c.path }));
    items.sort((a, b) => Number(b.picked) - Number(a.picked));
    const picked = await vscode.window.showQuickPick(items, { canPickMany: true, placeHolder: 'Who was it with? (tick everyone: one log line each, one undo)', matchOnDescription: true });
    return picked?.map((p) => session.uriOf(p.path));
  };

  const today = () => host.session?.today ?? host.env.clock.today();

  return {
    'rapport.openNote': anyTime(async (_ctx, uri: vscode.Uri, line: number = 0) => {
      const doc = await vscode.workspace.openTextDocument(uri);
      const pos = new vscode.Position(Math.min(line, doc.lineCount - 1), 0);
      await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), preview: true });
    }),

    /**
     * On a note (a quick fix, a tree row) or, from the palette, on several contacts at once
     * ("met Dr. A and Dr. B at ASPS"), on a day up to today. Callers may pass the contacts as
     * URIs and `given` answers instead of being asked.
     */
    'rapport.logInteraction': withVault(async ({ session }, target: CommandTarget | vscode.Uri[], code?: string, given?: LogAnswers) => {
      const many = Array.isArray(target) ? target : undefined;
      const single = many ? undefined : singleOrNone(session, target as CommandTarget);
      if (single === null) return;
      const uris = many ?? (single ? [single.uri] : await pickContacts(session));
      if (!uris || uris.length === 0) return;
      const suggested = suggestedKind(code ?? single?.followUp?.code);
      const who = uris.length === 1 ? '' : ` with ${uris.length} contacts`;
      const items = INTERACTION_KINDS.map((k) => ({ label: k, description: KIND_HELP[k], picked: k === suggested }));
      items.sort((a, b) => (a.label === suggested ? -1 : b.label === suggested ? 1 : 0));
      const kind = given?.kind ?? (await vscode.window.showQuickPick(items, { placeHolder: `Log an interaction${who}` }))?.label;
      if (!kind) return;
      const summary = given?.summary ?? await vscode.window.showInputBox({ prompt: 'What happened? (optional)', placeHolder: 'e.g. thanked her for the advice on aways' });
      if (summary === undefined) return;
      const when = given?.date ?? await vscode.window.showInputBox({
        prompt: 'When? YYYY-MM-DD, today, yesterday or "3 days ago"', value: 'today',
        validateInput: (v) => { const d = parsePastDate(v, today()); return d.ok ? null : d.reason; },
      });
      if (when === undefined) return;
      const date = parsePastDate(when, today());
      if (!date.ok) {
        void vscode.window.showWarningMessage(`Rapport: not logged: ${date.reason}.`);
        return;
      }
      if (uris.length === 1) await applyNoteEdit(session, uris[0], (text) => appendInteraction(text, date.date, kind, summary));
      else await applyLogToNotes(session, uris, date.date, kind, summary);
    }),

    'rapport.markDone': withVault(async ({ session }, target: CommandTarget, code?: string, line?: number) => {
      const r = resolve(session, target);
      if (!r) return;
      const f = await pickFollowUp(r, code, line, (x) => canMarkDone(x.code));
      if (!f) return;
      await applyNoteEdit(r.session, r.uri, (text) => markDoneEdit(text, r.path, f, today()));
    }),

    'rapport.snooze': withVault(async ({ session }, target: CommandTarget, days?: number) => {
      const r = resolve(session, target);
      if (!r) return;
      let until: string | undefined = typeof days === 'number' ? snoozeDate(today(), days) : undefined;
      if (until === undefined) {
        const choice = await vscode.window.showQuickPick([
          { label: '3 days', until: snoozeDate(today(), 3) },
          { label: '1 week', until: snoozeDate(today(), 7) },
          { label: '2 weeks', until: snoozeDate(today(), 14) },
          { label: 'Until a date…', until: '' },
        ].map((c) => ({ ...c, description: c.until })), { placeHolder: 'Snooze this contact\'s reminders' });
        if (!choice) return;
        until = choice.until || await vscode.window.showInputBox({
          prompt: 'Snooze until (YYYY-MM-DD)',
          value: snoozeDate(today(), 30),
          validateInput: (v) => (isCalendarDate(v.trim()) ? (v.trim() > today() ? null : 'Pick a date after today.') : 'Use a date such as 2026-12-31.'),
        });
        if (!until) return;
      }
      await applyNoteEdit(r.session, r.uri, (text) => snoozeEdit(text, until.trim()));
    }),

    'rapport.setDormant': withVault(async ({ session }, target: CommandTarget) => {
      const r = resolve(session, target);
      if (!r) return;
      await applyNoteEdit(r.session, r.uri, (text) => setFrontmatterField(text, 'status', 'dormant'));
    }),
  };
}
