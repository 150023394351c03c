import { dateReplacement, type Replacement, type SourceLine } from './dateText';

/**
 * The dates of a note's body that are fields, never prose: the date that starts an entry
 * of the interaction log (`- 2026-11-10 emailed: …`, `- [[2026-11-10]] …`, `- **2026-11-10** …`)
 * and a task's dates (`📅 2026-11-10` and the other Tasks emoji, `[due:: 2026-11-10]` and the
 * other Dataview task fields, or a leading `- [ ] 2026-11-10 …` when the task has no other due
 * date — the precedence the note parser uses). The log section, headings and fences are found
 * as the note parser finds them (src/core/body.ts): the first `## Interactions` / `## Log`
 * section, until a heading of its level or higher; nothing inside a fenced code block.
 */
export function bodyDateReplacements(lines: readonly SourceLine[], from: number, days: number): Replacement[] {
  const out: Replacement[] = [];
  let fence: string | null = null;
  let sectionLevel = 0;
  let sectionSeen = false;
  for (let i = from; i < lines.length; i++) {
    const { text, start } = lines[i];
    const f = FENCE.exec(text);
    if (fence !== null) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    const heading = atxHeading(text);
    if (heading) {
      const level = heading.level;
      if (sectionLevel > 0 && level <= sectionLevel) sectionLevel = 0;
      if (sectionLevel === 0 && !sectionSeen && SECTION_NAMES.test(heading.title)) {
        sectionLevel = level;
        sectionSeen = true;
      }
      continue;
    }
    const task = TASK.exec(text);
    if (task) {
      taskDates(text, start, text.length - task[1].length, days, out);
      continue;
    }
    if (sectionLevel > 0) {
      const entry = LOG_DATE.exec(text);
      if (entry) push(out, dateReplacement(entry[3], start + entry[1].length + (entry[2]?.length ?? 0), days));
    }
  }
  return out;
}

/**
 * An ATX heading as the note parser reads it (`^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$`), read
 * without a regex so that a long run of blanks and `#` cannot make it backtrack.
 */
function atxHeading(text: string): { level: number; title: string } | null {
  let i = 0;
  while (i < 3 && text[i] === ' ') i++;
  let level = 0;
  while (text[i + level] === '#') level++;
  if (level < 1 || level > 6) return null;
  i += level;
  if (text[i] !== ' ' && text[i] !== '\t') return null;
  let end = text.length;
  while (end > i && (text[end - 1] === ' ' || text[end - 1] === '\t' || text[end - 1] === '#')) end--;
  return { level, title: text.slice(i, end).trim() };
}

// The same shapes as the note parser's (src/core/body.ts).
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SECTION_NAMES = /^(?:interactions?|log|interaction log|contact log)$/i;
const DATE = String.raw`\d{4}[-.]\d{1,2}[-.]\d{1,2}(?:T[\d:.]+(?:Z|[+-][\d:]+)?)?`;
/** A list item whose text starts with a date, bare, as a link `[[…]]` or in bold `**…**`. */
const LOG_DATE = new RegExp(String.raw`^([ \t]*[-*+][ \t]+)(\[\[|\*\*|__)?(${DATE})\b`);
const TASK = /^[ \t]*[-*+][ \t]+\[[ xX\-/]\][ \t]+(.*)$/;
/** Tasks-plugin dates: due, scheduled, start, done, created, cancelled. */
const TASK_EMOJI_DATE = new RegExp(String.raw`(?:📅|⏳|🛫|✅|➕|❌)\uFE0F?[ \t]*(\S+)`, 'gu');
/** Dataview task fields holding a date. */
const TASK_FIELD_DATE = /\[(due|scheduled|start|completion|created|cancelled)::[ \t]*([^[\]]*)\]/gi;
const LEADING_DATE = new RegExp(String.raw`^(${DATE})\b`);

/** The dates of the task whose text (after `- [ ] `) starts at `textAt` in the line. */
function taskDates(line: string, lineStart: number, textAt: number, days: number, out: Replacement[]): void {
  let hasDue = false;
  TASK_EMOJI_DATE.lastIndex = textAt;
  for (let m = TASK_EMOJI_DATE.exec(line); m; m = TASK_EMOJI_DATE.exec(line)) {
    if (m[0].startsWith('📅')) hasDue = true;
    push(out, dateReplacement(m[1], lineStart + m.index + m[0].length - m[1].length, days));
  }
  TASK_FIELD_DATE.lastIndex = textAt;
  for (let m = TASK_FIELD_DATE.exec(line); m; m = TASK_FIELD_DATE.exec(line)) {
    if (m[1].toLowerCase() === 'due') hasDue = true;
    const value = m[2].trim();
    const at = m.index + m[0].indexOf(value, m[1].length + 3);
    push(out, dateReplacement(value, lineStart + at, days));
  }
  if (hasDue) return;
  const leading = LEADING_DATE.exec(line.slice(textAt));
  if (leading) push(out, dateReplacement(leading[1], lineStart + textAt, days));
}

function push(out: Replacement[], r: Replacement | null): void {
  if (r) out.push(r);
}
