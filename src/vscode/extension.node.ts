import type * as vscode from 'vscode';
import { activateRapport } from './extension';
import type { RapportHost } from './host';
import { nodeEnvironment } from './node/nodeEnvironment';

/** The desktop entry point (`main`): the vault on the local disk, through `src/node`. */
export function activate(context: vscode.ExtensionContext): RapportHost {
  return activateRapport(context, nodeEnvironment(context));
}

export { deactivate } from './extension';
