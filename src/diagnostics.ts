import * as vscode from 'vscode';
import { toDiagnostic } from './convert';
import type { VaultSession } from './session';

/** Mirrors the session's problems into the Problems panel, one note at a time. */
export class FollowUpDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('rapport');
  private readonly subscription: vscode.Disposable;

  constructor(private readonly session: VaultSession) {
    this.subscription = session.onDidChange((change) => {
      if (change.all) this.collection.clear();
      for (const p of change.removed) this.collection.delete(session.uriOf(p));
      for (const p of change.changed) this.publish(p);
    });
  }

  private publish(path: string): void {
    const uri = this.session.uriOf(path);
    const problems = this.session.problems(path);
    if (problems.length === 0) this.collection.delete(uri);
    else this.collection.set(uri, problems.map(toDiagnostic));
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.clear();
    this.collection.dispose();
  }
}
