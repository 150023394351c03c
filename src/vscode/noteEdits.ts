import * as vscode from 'vscode';
import { toRange, toWorkspaceEdit } from './convert';
import type { EditResult } from '../core/edits';
import { logInteractionInNotes } from '../core/logMany';
import type { InteractionKind } from '../core/types';
import type { VaultSession } from './session';

/**
 * Applies a core edit to a note through a WorkspaceEdit: computed from the editor's
 * buffer (unsaved typing included), undoable in one step, touching only its lines.
 * A note that was clean before is saved after, so an edit made from a tree does not
 * leave an invisible unsaved buffer behind.
 */
export async function applyNoteEdit(session: VaultSession, uri: vscode.Uri, compute: (text: string, doc: vscode.TextDocument) => EditResult): Promise<boolean> {
  // A note that is a link out of the vault (or a FIFO, a device) is never edited: saving would write the target.
  const refusal = session.editRefusal(uri);
  if (refusal !== null) {
    void vscode.window.showWarningMessage(`Rapport: not edited: ${refusal}.`);
    return false;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const wasDirty = doc.isDirty;
  const result = compute(doc.getText(), doc);
  if (!result.ok) {
    void vscode.window.showWarningMessage(`Rapport: ${result.reason}`);
    return false;
  }
  if (result.edits.length === 0) return true;
  const applied = await vscode.workspace.applyEdit(toWorkspaceEdit(uri, result.edits));
  const visible = vscode.window.visibleTextEditors.some((e) => e.document === doc);
  if (applied && !wasDirty && !visible) await doc.save();
  return applied;
}

/**
 * The same log entry in several notes as ONE WorkspaceEdit (one undo), each note's edit
 * computed from its buffer by the proven core edit. All or none: when any note refuses
 * (or is a link out of the vault), the refusals are named and nothing is applied.
 */
export async function applyLogToNotes(session: VaultSession, uris: readonly vscode.Uri[], date: string, kind: InteractionKind, summary: string): Promise<boolean> {
  const refused: string[] = [];
  const docs = new Map<string, vscode.TextDocument>();
  for (const uri of uris) {
    const refusal = session.editRefusal(uri);
    const name = session.relative(uri) ?? uri.toString();
    if (refusal !== null) refused.push(`${name}: ${refusal}`);
    else docs.set(uri.toString(), await vscode.workspace.openTextDocument(uri));
  }
  const result = logInteractionInNotes([...docs].map(([key, doc]) => ({ path: key, text: doc.getText() })), date, kind, summary);
  if (!result.ok) for (const r of result.refused) refused.push(`${session.relative(docs.get(r.path)!.uri) ?? r.path}: ${r.reason}`);
  if (refused.length > 0 || !result.ok) {
    void vscode.window.showWarningMessage(`Rapport: nothing logged; ${refused.length === 1 ? 'this note refused' : 'these notes refused'}: ${refused.join(' · ')}`);
    return false;
  }
  const we = new vscode.WorkspaceEdit();
  const wasDirty = new Map<string, boolean>();
  for (const { path, edits } of result.edits) {
    const doc = docs.get(path)!;
    wasDirty.set(path, doc.isDirty);
    for (const e of edits) we.replace(doc.uri, toRange(e.range), e.newText);
  }
  const applied = await vscode.workspace.applyEdit(we);
  if (!applied) return false;
  // As applyNoteEdit: a note that was clean and is not shown is saved, so no invisible unsaved buffer stays behind.
  for (const [key, doc] of docs) {
    const visible = vscode.window.visibleTextEditors.some((e) => e.document === doc);
    if (!wasDirty.get(key) && !visible) await doc.save();
  }
  return true;
}
