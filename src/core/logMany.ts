import { appendInteraction, type TextEdit } from './edits';
import type { InteractionKind } from './types';

/** One note to log in: its vault path and its current text (an editor's buffer or the file). */
export interface LogTarget {
  path: string;
  text: string;
}

export type LogManyResult =
  | { ok: true; edits: { path: string; edits: TextEdit[] }[] }
  | { ok: false; refused: { path: string; reason: string }[] };

/**
 * The same log entry (`- DATE KIND: summary`) in several notes at once: "met Dr. A and
 * Dr. B at ASPS". Each note's edit is the proven `appendInteraction`. All or none: when
 * any note refuses, no edit is returned and every refusal is named, because half a
 * logged event is a record that silently disagrees with what happened; the student
 * fixes the named notes and logs again.
 */
export function logInteractionInNotes(targets: readonly LogTarget[], date: string, kind: InteractionKind, summary: string): LogManyResult {
  const edits: { path: string; edits: TextEdit[] }[] = [];
  const refused: { path: string; reason: string }[] = [];
  const seen = new Set<string>();
  for (const t of targets) {
    if (seen.has(t.path)) continue; // the same note picked twice is logged once
    seen.add(t.path);
    const result = appendInteraction(t.text, date, kind, summary);
    if (result.ok) edits.push({ path: t.path, edits: result.edits });
    else refused.push({ path: t.path, reason: result.reason });
  }
  return refused.length > 0 ? { ok: false, refused } : { ok: true, edits };
}
