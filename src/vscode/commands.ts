import * as vscode from 'vscode';
import type { RapportHost } from './host';
import type { VaultSession } from './session';

/** What every command handler receives: the host, which outlives vault sessions. */
export interface HostContext {
  host: RapportHost;
}

/** What a vault command receives: the host and the open, indexed session. */
export interface VaultContext extends HostContext {
  session: VaultSession;
}

/**
 * One row of the command table (rust-analyzer's client keeps its commands the same way:
 * an id, and a factory given the context). Arguments come from VS Code untyped — from a
 * tree item, a quick fix, a keybinding or a test — so each handler declares what it takes.
 */
export type CommandSpec =
  | { needsVault: false; run: (ctx: HostContext, ...args: unknown[]) => unknown }
  | { needsVault: true; run: (ctx: VaultContext, ...args: unknown[]) => unknown };

export type CommandTable = Readonly<Record<string, CommandSpec>>;

/** A command that works on the open vault; without one, the registrar says so and does nothing. */
export function withVault<A extends unknown[]>(run: (ctx: VaultContext, ...args: A) => unknown): CommandSpec {
  return { needsVault: true, run: run as (ctx: VaultContext, ...args: unknown[]) => unknown };
}

/** A command that works with or without a vault (open a folder, regroup a view, re-index). */
export function anyTime<A extends unknown[]>(run: (ctx: HostContext, ...args: A) => unknown): CommandSpec {
  return { needsVault: false, run: run as (ctx: HostContext, ...args: unknown[]) => unknown };
}

export const OPEN_A_VAULT_FIRST = 'Rapport: open a vault first.';

/**
 * Registers every row of the tables, with the one "open a vault first" guard: a vault
 * command runs only with a session, after its first index. An id in two tables is a bug.
 */
export function registerCommands(host: RapportHost, tables: readonly CommandTable[]): { ids: string[]; disposables: vscode.Disposable[] } {
  const ids: string[] = [];
  const disposables: vscode.Disposable[] = [];
  for (const table of tables) {
    for (const [id, spec] of Object.entries(table)) {
      if (ids.includes(id)) throw new Error(`command ${id} is in two command tables`);
      ids.push(id);
      disposables.push(vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        if (!spec.needsVault) return spec.run({ host }, ...args);
        const session = host.session;
        if (!session) {
          void vscode.window.showInformationMessage(OPEN_A_VAULT_FIRST);
          return undefined;
        }
        await session.whenReady();
        return spec.run({ host, session }, ...args);
      }));
    }
  }
  return { ids, disposables };
}
