import type * as vscode from 'vscode';
import { activateRapport } from './extension';
import type { RapportApi } from './api';
import { nodeEnvironment } from './node/nodeEnvironment';

/** The desktop entry point (`main`): the vault on the local disk, through `src/node`. */
export function activate(context: vscode.ExtensionContext): RapportApi {
  return activateRapport(context, nodeEnvironment(context));
}

export { deactivate } from './extension';
