import { daysBetween, type CalendarDate } from '../dates';
import { readFrontmatter } from '../frontmatter';
import { bodyDateReplacements } from './bodyDates';
import { applyReplacements, sourceLines } from './dateText';
import { frontmatterDateReplacements } from './frontmatterDates';
import { shiftSettingsText } from './settingsDates';

export { DATE_SETTINGS, shiftSettingsText } from './settingsDates';
export { shiftDateToken } from './dateText';

/**
 * Moving a story in time. A vault written as a story on one day (the sample's story day)
 * is copied to another: every date that is a field — frontmatter values at any depth, the
 * dates that start interaction-log entries, task dates, date-valued settings — moves by the
 * same number of days, so that on the day of the copy the story reads the same (the same
 * follow-ups overdue, due today and this week, the same rules firing). Every other byte
 * stays: line endings, BOM, quotes, comments, and dates inside prose.
 */

/** The new text of a markdown note, its field dates moved by `days`. */
export function shiftNoteText(text: string, days: number): string {
  if (days === 0) return text;
  const lines = sourceLines(text);
  const fm = readFrontmatter(lines.map((l) => l.text));
  // A block the parser cannot read (broken YAML, `---js`, unclosed) is copied as it is: its
  // problems stay where they were, and nothing in it is guessed at.
  const replacements = fm.end > 0 && !fm.broken ? frontmatterDateReplacements(lines, 1, fm.end, days) : [];
  replacements.push(...bodyDateReplacements(lines, fm.bodyStart, days));
  return applyReplacements(text, replacements);
}

export type VaultFileKind = 'note' | 'settings' | 'other';

/**
 * A file of a vault copied from a story told on `storyDay` into a copy living on `targetDay`:
 * notes and the settings file move by the days between them; anything else is copied as it is.
 */
export function shiftVaultFile(kind: VaultFileKind, text: string, storyDay: CalendarDate, targetDay: CalendarDate): string {
  const days = daysBetween(storyDay, targetDay);
  if (kind === 'note') return shiftNoteText(text, days);
  if (kind === 'settings') return shiftSettingsText(text, storyDay, days) ?? text;
  return text;
}
