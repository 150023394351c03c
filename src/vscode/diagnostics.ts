import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './convert';
import { PROFILE_FILE, missingProfile } from '../core/profile';
import type { VaultSession } from './session';

/** Mirrors the session's problems into the Problems panel, one note at a time. */
export class FollowUpDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('rapport');
  private readonly subscription: vscode.Disposable;
  private profileMissingShown = false;

  constructor(private readonly session: VaultSession) {
    this.subscription = session.onDidChange((change) => {
      if (change.all) {
        this.collection.clear();
        this.publishSettingsErrors();
      }
      for (const p of change.removed) this.collection.delete(session.uriOf(p));
      this.publishMissingProfile(change.all);
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

  /**
   * A vault with contacts and no profile has one problem, shown on the profile.md it lacks
   * (as `rapport check` prints it); "Rapport: Open My Profile" creates it from the template.
   */
  private publishMissingProfile(cleared: boolean): void {
    const missing = missingProfile(this.session.vault);
    const uri = this.session.uriOf(PROFILE_FILE);
    if (missing === null) {
      // Only the diagnostic set here is taken back: a profile.md that now exists publishes its own.
      if (this.profileMissingShown && !cleared) this.collection.delete(uri);
      this.profileMissingShown = false;
      return;
    }
    const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), missing.message, vscode.DiagnosticSeverity.Warning);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = missing.code;
    this.collection.set(uri, [d]);
    this.profileMissingShown = true;
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
