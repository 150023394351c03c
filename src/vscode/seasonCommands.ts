import * as vscode from 'vscode';
import { isCalendarDate } from '../core/dates';
import { SEASON_STEPS, seasonStepEdit, type SeasonStep } from '../core/season/edits';
import { withVault, type CommandTable } from './commands';
import { applyNoteEdit } from './noteEdits';
import type { SeasonNode } from './tree/seasonTree';

/** A step's command id: `rapport.season.letterUploaded`… */
export function seasonCommandId(step: SeasonStep): string {
  return `rapport.season.${step}`;
}

/** A Season view item, or a note's URI (quick fixes, the command palette's active editor). */
type Target = SeasonNode | vscode.Uri | undefined;

/**
 * Logging the season's steps: each sets one date under `letter:` or `interview:` as a
 * single undoable edit. Today's date, except the interview date, which is asked for.
 */
export const seasonCommands: CommandTable = Object.fromEntries((Object.keys(SEASON_STEPS) as SeasonStep[]).map((step) => [
  seasonCommandId(step),
  withVault(async ({ session }, target?: Target) => {
    const uri = target instanceof vscode.Uri ? target
      : target && (target.type === 'letter' || target.type === 'application') ? session.uriOf(target.row.path)
        : vscode.window.activeTextEditor?.document.uri;
    if (!uri) return false;
    let date: string | undefined = session.today;
    if (step === 'interviewScheduled') {
      date = await vscode.window.showInputBox({
        title: 'Log interview scheduled', prompt: 'Interview date (YYYY-MM-DD)', value: session.today,
        validateInput: (v) => (isCalendarDate(v.trim()) ? undefined : 'A date as YYYY-MM-DD'),
      });
      if (date === undefined) return false;
      date = date.trim();
    }
    return applyNoteEdit(session, uri, (text) => seasonStepEdit(text, step, date));
  }),
]));
