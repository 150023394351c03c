import * as vscode from 'vscode';
import { toWorkspaceEdit } from './convert';
import type { EditResult } from '../core/edits';
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
