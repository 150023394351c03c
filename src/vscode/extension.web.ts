import * as vscode from 'vscode';
import { clockFrom } from '../core/clock';
import { activateRapport } from './extension';
import type { RapportApi } from './api';
import { webEnvironment } from './web/webEnvironment';

/** Set by esbuild.js: true only in the browser-only variant built for the test run. */
declare const RAPPORT_TEST_BUILD: boolean;

/**
 * The browser entry point (`browser`): a web worker with no disk, no environment and no
 * Node; the vault through `vscode.workspace.fs`. Today is the browser's date; only the
 * test build reads the hidden setting `rapport.testing.today`, so the browser tests are
 * date-pinned like the desktop ones (which use RAPPORT_TODAY) and nobody else can be.
 */
export function activate(context: vscode.ExtensionContext): RapportApi {
  const pinned = RAPPORT_TEST_BUILD ? vscode.workspace.getConfiguration('rapport').get<string>('testing.today') : undefined;
  return activateRapport(context, webEnvironment(clockFrom(pinned)));
}

export { deactivate } from './extension';
