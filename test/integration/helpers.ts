import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { RapportHost } from '../../src/vscode/host';

export const EXTENSION_ID = 'rapport-dev.rapport';

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test host opened no folder');
  return folder.uri.fsPath;
}

/** Activates Rapport and waits until the vault is indexed. */
export async function readyHost(): Promise<RapportHost> {
  const ext = vscode.extensions.getExtension<RapportHost>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in the test host`);
  const host = await ext.activate();
  for (let i = 0; i < 100 && !host.session; i++) await sleep(50);
  assert.ok(host.session, 'no vault session started');
  await host.session.whenReady();
  return host;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until `check` passes, re-checking on each diagnostics change (and every 100 ms as a fallback). */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 8000): Promise<T> {
  const started = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}${last ? `: ${last instanceof Error ? last.message : JSON.stringify(last)}` : ''}`);
    await new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => {
        sub.dispose();
        resolve();
      });
      setTimeout(() => {
        sub.dispose();
        resolve();
      }, 100);
    });
  }
}

export function writeNote(rel: string, text: string): vscode.Uri {
  const abs = path.join(workspaceRoot(), ...rel.split('/'));
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
  return vscode.Uri.file(abs);
}

export function rapportDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'rapport');
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** A date relative to the host's today, as the rules see it. */
export function daysFromToday(host: RapportHost, days: number): string {
  const [y, m, d] = host.session!.today.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** A tree item's label as text (VS Code allows a string or a label with highlights). */
export function labelText(label: string | vscode.TreeItemLabel | undefined): string {
  return typeof label === 'string' ? label : label?.label ?? '';
}

/** A tree item's tooltip as text (a string or markdown). */
export function tooltipText(tooltip: string | vscode.MarkdownString | undefined): string {
  return typeof tooltip === 'string' ? tooltip : tooltip?.value ?? '';
}
