import { addDays, parseCalendarDate, type CalendarDate } from '../dates';
import { currentSeason } from '../rules/erasUpdate';
import { DEFAULT_SETTINGS } from '../settings';
import type { Replacement } from './dateText';
import { shiftDateToken } from './dateText';

/**
 * The settings whose values are days, in one place. A path is a key of the settings file, or
 * `outer.inner` for a key inside an object (a later `season: { … }` object goes here as
 * `season.opens`, …). `dates` hold full `YYYY-MM-DD` dates and move like any other date;
 * `yearlyWindows` are `MM-DD` pairs that recur every year (the ERAS season): the occurrence
 * that holds the story day (or the next one) moves, and is written back as `MM-DD`.
 */
export const DATE_SETTINGS: { dates: readonly string[]; yearlyWindows: readonly { start: string; end: string }[] } = {
  dates: [],
  yearlyWindows: [{ start: 'erasUpdateDate', end: 'erasSeasonEndDate' }],
};

const MONTH_DAY = /^\d{2}-\d{2}$/;

/**
 * The new text of a settings file (`.rapport.json`) whose date-valued settings move by
 * `days`, as the story of the vault moves from `storyDay`. Only the JSON string values of
 * those settings change; every other byte stays. A yearly window the file does not set is
 * added with the default window moved, so that a copy lives in its own season whatever the
 * real calendar says (the story's `eras-update` fires on any day). Null when the file is not
 * a JSON object: it is then copied as it is, and the settings loader reports it.
 */
export function shiftSettingsText(text: string, storyDay: CalendarDate, days: number): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const strings = jsonStringValues(text);
  const replacements: Replacement[] = [];
  const missing: Record<string, string> = {};
  const replace = (key: string, value: string) => {
    const at = strings.get(key);
    if (at === undefined) missing[key] = value;
    else replacements.push({ start: at.start, end: at.end, text: JSON.stringify(value) });
  };
  for (const key of DATE_SETTINGS.dates) {
    const value = valueAt(parsed, key);
    if (typeof value !== 'string') continue;
    const moved = shiftDateToken(value, days);
    if (moved !== null) replace(key, moved);
  }
  for (const window of DATE_SETTINGS.yearlyWindows) {
    const start = monthDayAt(parsed, window.start);
    const end = monthDayAt(parsed, window.end);
    if (start === null || end === null) continue; // an invalid value stays, and the settings loader reports it
    const season = currentSeason(storyDay, start, end);
    replace(window.start, addDays(season.start, days).slice(5));
    replace(window.end, addDays(season.end, days).slice(5));
  }
  const edited = applyAll(text, replacements);
  return Object.keys(missing).length === 0 ? edited : addKeys(edited, missing);
}

/** The setting's `MM-DD` value in the file, the default when the file does not set it, null when invalid. */
function monthDayAt(parsed: unknown, key: string): string | null {
  const value = valueAt(parsed, key) ?? defaultAt(key);
  if (typeof value !== 'string' || !MONTH_DAY.test(value)) return null;
  return parseCalendarDate(`2000-${value}`).ok ? value : null;
}

function defaultAt(key: string): unknown {
  return valueAt(DEFAULT_SETTINGS, key);
}

function valueAt(root: unknown, path: string): unknown {
  let at: unknown = root;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object' || Array.isArray(at) || !Object.prototype.hasOwnProperty.call(at, part)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

function applyAll(text: string, replacements: readonly Replacement[]): string {
  let out = text;
  for (const r of [...replacements].sort((a, b) => b.start - a.start)) out = out.slice(0, r.start) + r.text + out.slice(r.end);
  return out;
}

/**
 * Adds top-level keys (a dotted path adds to the top level only when its object is absent
 * too — then as a new object) just after the opening `{`, in the file's own indentation
 * and line ending; the rest of the file is untouched.
 */
function addKeys(text: string, values: Record<string, string>): string {
  const open = text.indexOf('{');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const nested: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(values)) {
    const parts = path.split('.');
    let at = nested;
    for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[parts[parts.length - 1]] = value;
  }
  const empty = /^\{\s*\}/.test(text.slice(open));
  const lines = Object.entries(nested).map(([k, v]) => `${indent}${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `${text.slice(0, open + 1)}${eol}${lines.join(`,${eol}`)}${empty ? eol : ','}${empty ? text.slice(open + 1).trimStart() : text.slice(open + 1)}`;
}

/**
 * Where each string value of a JSON object text is, by its key path (`a.b`), as `[start, end)`
 * of the quoted string (values inside arrays have no path). One linear pass over a text already
 * known to be valid JSON.
 */
function jsonStringValues(text: string): Map<string, { start: number; end: number }> {
  interface Frame { object: boolean; name: string | null; key: string | null; awaitingKey: boolean }
  const found = new Map<string, { start: number; end: number }>();
  const stack: Frame[] = [];
  const top = () => stack[stack.length - 1] as Frame | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '[') {
      const parent = top();
      const name = parent?.object ? parent.key : null;
      stack.push({ object: c === '{', name, key: null, awaitingKey: c === '{' });
    } else if (c === '}' || c === ']') {
      stack.pop();
      const parent = top();
      if (parent?.object) parent.key = null;
    } else if (c === ',') {
      const frame = top();
      if (frame?.object) frame.awaitingKey = true;
    } else if (c === ':') {
      const frame = top();
      if (frame) frame.awaitingKey = false;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const frame = top();
      if (frame?.object && frame.awaitingKey) {
        frame.key = JSON.parse(text.slice(i, j + 1)) as string;
      } else if (frame?.object && frame.key !== null) {
        const names = stack.slice(1).map((f) => f.name);
        if (stack.every((f) => f.object) && names.every((n) => n !== null)) found.set([...names, frame.key].join('.'), { start: i, end: j + 1 });
        frame.key = null;
      }
      i = j;
    }
  }
  return found;
}
