import type { CalendarDate } from '../dates';
import { applyEdits, yamlScalar, type EditResult, type TextEdit } from '../edits';
import { provenFieldChange, readRawFrontmatter, sameValue } from '../editProof';
import { normalizeKey, readFrontmatter } from '../frontmatter';
import { splitLines } from '../parseNote';
import { nestedKeyLines } from './fields';

const BROKEN = 'The frontmatter of this note cannot be read; fix the problem shown on its first lines, then try again.';

/**
 * Sets one field of a nested block (`letter:` → `uploaded: 2026-09-10`), changing only
 * the line of that field (or adding one line, or a two-line block when `parent` is
 * missing). A block written on one line (`{ a: 1 }`) is refused: rewriting it would
 * touch more than the field.
 */
export function setNestedField(text: string, parent: string, key: string, value: string): EditResult {
  const result = nestedEdit(text, parent, key, value);
  if (!result.ok) return result;
  return proven(text, result.edits, parent, key, value);
}

/**
 * The proof the core edits give: read the edited text again; only `parent.key` may
 * differ, and it must read as the new value. Anything else refuses the edit.
 */
function proven(text: string, edits: TextEdit[], parent: string, key: string, value: string): EditResult {
  const before = readRawFrontmatter(text);
  const after = readRawFrontmatter(applyEdits(text, edits));
  const rawParent = (after.ok ? Object.keys(after.data) : []).find((k) => normalizeKey(k) === normalizeKey(parent)) ?? parent;
  const old = before.ok && Object.hasOwn(before.data, rawParent) ? before.data[rawParent] : undefined;
  const oldMap = old !== null && typeof old === 'object' && !Array.isArray(old) ? (old as Record<string, unknown>) : {};
  const expected = (v: unknown): boolean => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
    const map = v as Record<string, unknown>;
    const rawKey = Object.keys(map).find((k) => normalizeKey(k) === normalizeKey(key));
    if (rawKey === undefined || map[rawKey] !== value) return false;
    const others = (m: Record<string, unknown>) => Object.keys(m).filter((k) => k !== rawKey);
    return others(map).length === others(oldMap).length && others(oldMap).every((k) => Object.hasOwn(map, k) && sameValue(oldMap[k], map[k]));
  };
  const why = provenFieldChange(before, after, rawParent, expected);
  return why === null ? { ok: true, edits } : { ok: false, reason: `Rapport could not set ${parent}.${key} safely: ${why}. Edit it by hand.` };
}

function nestedEdit(text: string, parent: string, key: string, value: string): EditResult {
  const { lines, eol } = splitLines(text);
  const fm = readFrontmatter(lines);
  if (fm.broken) return { ok: false, reason: BROKEN };
  const rendered = yamlScalar(value);
  if (fm.end === -1) {
    return { ok: true, edits: [{ range: at(0, 0), newText: `---${eol}${parent}:${eol}  ${key}: ${rendered}${eol}---${eol}` }] };
  }
  const p = normalizeKey(parent);
  const line = fm.keyLines[p];
  if (line === undefined) return { ok: true, edits: [{ range: at(fm.end, 0), newText: `${parent}:${eol}  ${key}: ${rendered}${eol}` }] };
  const afterColon = lines[line].slice(lines[line].indexOf(':') + 1).replace(/\s+#.*$/, '').trim();
  if (afterColon !== '') return { ok: false, reason: `'${parent}' is written on one line; add ${key}: ${value} to it by hand.` };
  const children = nestedKeyLines(lines, line, fm.end);
  const existing = children.get(normalizeKey(key));
  if (existing !== undefined) {
    const original = lines[existing];
    const colon = original.indexOf(':');
    return { ok: true, edits: [{ range: { start: { line: existing, character: colon + 1 }, end: { line: existing, character: original.length } }, newText: ` ${rendered}` }] };
  }
  const indent = children.size > 0 ? lines[Math.min(...children.values())].length - lines[Math.min(...children.values())].trimStart().length : 2;
  const last = children.size > 0 ? Math.max(...children.values()) : line;
  return { ok: true, edits: [{ range: at(last + 1, 0), newText: `${' '.repeat(indent)}${key}: ${rendered}${eol}` }] };
}

function at(line: number, character: number) {
  return { start: { line, character }, end: { line, character } };
}

/** The steps the Season view and quick fixes log, each one field set to a date. */
export const SEASON_STEPS = {
  letterAgreed: { parent: 'letter', key: 'agreed', title: 'Mark letter agreed' },
  letterDeclined: { parent: 'letter', key: 'declined', title: 'Mark letter declined' },
  materialsSent: { parent: 'letter', key: 'materials_sent', title: 'Mark letter materials sent' },
  letterUploaded: { parent: 'letter', key: 'uploaded', title: 'Mark letter uploaded' },
  letterThanked: { parent: 'letter', key: 'thanked', title: 'Mark letter writer thanked' },
  interviewScheduled: { parent: 'interview', key: 'date', title: 'Log interview scheduled' },
  interviewDeclined: { parent: 'interview', key: 'declined', title: 'Log interview declined' },
} as const;
export type SeasonStep = keyof typeof SEASON_STEPS;

export function seasonStepEdit(text: string, step: SeasonStep, date: CalendarDate): EditResult {
  const s = SEASON_STEPS[step];
  return setNestedField(text, s.parent, s.key, date);
}

/** The quick fixes each season rule offers (the interview date is asked for, so it is a command). */
export const SEASON_FIXES: Readonly<Record<string, readonly SeasonStep[]>> = {
  'letter-no-answer': ['letterAgreed', 'letterDeclined'],
  'letter-materials': ['materialsSent'],
  'letter-reminder': ['letterUploaded'],
  'letter-thank-you': ['letterThanked'],
  'interview-respond': ['interviewScheduled', 'interviewDeclined'],
};
