import * as vscode from 'vscode';
import { toDiagnostic } from './convert';
import type { VaultSession } from './session';

/** Mirrors the session's problems into the Problems panel, one note at a time. */
export class FollowUpDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('rapport');
  private readonly subscription: vscode.Disposable;

  constructor(private readonly session: VaultSession) {
    this.subscription = session.onDidChange((change) => {
      if (change.all) {
        this.collection.clear();
        this.publishSettingsErrors();
      }
      for (const p of change.removed) this.collection.delete(session.uriOf(p));
      // After a clear there is nothing to delete: publish only the notes that have problems.
      for (const p of change.changed) this.publish(p, !change.all);
    });
  }

  /** Mistakes in the vault's settings file show on that file, so they are not silently ignored. */
  private publishSettingsErrors(): void {
    const file = this.session.settingsFile;
    if (file === null || this.session.settingsProblems.length === 0) return;
    const uri = this.session.uriOf(file);
    this.collection.set(uri, this.session.settingsProblems.map(({ message, line }) => {
      const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), message, vscode.DiagnosticSeverity.Warning);
      d.source = 'rapport';
      d.code = 'invalid-setting';
      return d;
    }));
  }

  private publish(path: string, deleteEmpty: boolean): void {
    const problems = this.session.problems(path);
    if (problems.length > 0) this.collection.set(this.session.uriOf(path), problems.map(toDiagnostic));
    else if (deleteEmpty) this.collection.delete(this.session.uriOf(path));
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.clear();
    this.collection.dispose();
  }
}
