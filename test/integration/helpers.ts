import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { RapportApi } from '../../src/vscode/api';
import type { VaultSession } from '../../src/vscode/session';

export const EXTENSION_ID = 'rapport-dev.rapport';

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test host opened no folder');
  return folder.uri.fsPath;
}

/** Activates Rapport and waits until a vault session has started and indexed. */
export async function readyHost(): Promise<RapportApi> {
  const ext = vscode.extensions.getExtension<RapportApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in the test host`);
  const api = await ext.activate();
  const session = api.session ?? await nextSession(api);
  await session.whenReady();
  return api;
}

/** The next session the extension starts, or a failure after a while: an event, not a polling loop. */
function nextSession(api: RapportApi, timeoutMs = 5000): Promise<VaultSession> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error('no vault session started'));
    }, timeoutMs);
    const sub = api.onDidStartSession((s) => {
      if (!s) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(s);
    });
  });
}

/** Resolves when `event` fires with a value `accept` takes; rejects after `timeoutMs` naming `what`. */
export function nextEvent<T>(event: vscode.Event<T>, accept: (value: T) => boolean, what: string, timeoutMs = 8000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const sub = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(value);
    });
  });
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
export function daysFromToday(host: RapportApi, days: number): string {
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
