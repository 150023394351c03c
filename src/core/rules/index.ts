import type { CalendarDate } from '../dates';
import type { RapportSettings } from '../settings';
import type { Note, Range } from '../types';
import type { Vault } from '../vault';
import { RULE_DESCRIPTORS } from './catalog';
import { isSilenced } from './facts';
import { applyPolicies } from './policies';
import { buildRuleIndex, type RuleIndex } from './ruleIndex';
import type { FollowUp, RuleContext, ScheduledFollowUp } from './types';

export type { FollowUp, OtherReminder, ScheduledFollowUp } from './types';
export { buildRuleIndex, type RuleIndex } from './ruleIndex';

/** The whole line: follow-ups are about a field or a log entry, not a word in it. */
function lineSpan(line: number): Range {
  return { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
}

function context(vault: Vault, today: CalendarDate, settings: RapportSettings, index?: RuleIndex): RuleContext {
  let built = index;
  return { vault, today, settings, index: () => (built ??= buildRuleIndex(vault)) };
}

function schedule(note: Note, ctx: RuleContext): ScheduledFollowUp[] {
  if (note.kind === 'contact' && isSilenced(note, ctx.today)) return [];
  if (note.frontmatterBroken) return [];
  const out: ScheduledFollowUp[] = [];
  for (const rule of RULE_DESCRIPTORS) {
    const setting = ctx.settings.rules[rule.code];
    if (!setting.enabled) continue;
    for (const f of rule.evaluate(note, ctx)) {
      if (f.showUntil !== undefined && ctx.today > f.showUntil) continue;
      out.push({
        code: f.code,
        severity: setting.severity === 'default' ? f.severity : setting.severity,
        message: f.message,
        range: lineSpan(f.line),
        due: f.due,
        contact: note.kind === 'contact' ? note.name : null,
        action: f.action,
        ...(f.template !== undefined ? { template: f.template } : {}),
        key: f.key,
        showFrom: f.showFrom,
        active: ctx.today >= f.showFrom,
      });
    }
  }
  return applyPolicies(out, note, ctx)
    .sort((a, b) => a.range.start.line - b.range.start.line || a.code.localeCompare(b.code) || a.key.localeCompare(b.key));
}

function strip(s: ScheduledFollowUp): FollowUp {
  const followUp: FollowUp & Partial<Pick<ScheduledFollowUp, 'showFrom' | 'active'>> = { ...s };
  delete followUp.showFrom;
  delete followUp.active;
  return followUp;
}

/**
 * Every follow-up of one note, shown or not yet (`active`), for the agenda and
 * "next due" columns. Pass an index from `buildRuleIndex` when evaluating many
 * notes one by one; without it each call looks at the vault's rotations once.
 */
export function scheduleNote(vault: Vault, note: Note, today: CalendarDate, settings: RapportSettings, index?: RuleIndex): ScheduledFollowUp[] {
  return schedule(note, context(vault, today, settings, index));
}

/** The follow-ups that show today as problems on one note. */
export function evaluateNote(vault: Vault, note: Note, today: CalendarDate, settings: RapportSettings, index?: RuleIndex): FollowUp[] {
  return scheduleNote(vault, note, today, settings, index).filter((s) => s.active).map(strip);
}

/** Every note's follow-ups (shown or not yet), keyed by path; notes without any are left out. */
export function scheduleVault(vault: Vault, today: CalendarDate, settings: RapportSettings): Map<string, ScheduledFollowUp[]> {
  const ctx = context(vault, today, settings);
  const out = new Map<string, ScheduledFollowUp[]>();
  for (const note of vault.notes()) {
    const found = schedule(note, ctx);
    if (found.length > 0) out.set(note.path, found);
  }
  return out;
}

/** The follow-ups that show today, keyed by path; notes without any are left out. */
export function evaluateVault(vault: Vault, today: CalendarDate, settings: RapportSettings): Map<string, FollowUp[]> {
  const ctx = context(vault, today, settings);
  const out = new Map<string, FollowUp[]>();
  for (const note of vault.notes()) {
    const found = schedule(note, ctx).filter((s) => s.active).map(strip);
    if (found.length > 0) out.set(note.path, found);
  }
  return out;
}

/** The earliest due date among a note's follow-ups, shown or not yet; null when nothing is planned. */
export function nextDue(vault: Vault, note: Note, today: CalendarDate, settings: RapportSettings, index?: RuleIndex): CalendarDate | null {
  let best: CalendarDate | null = null;
  for (const s of scheduleNote(vault, note, today, settings, index)) if (best === null || s.due < best) best = s.due;
  return best;
}

/**
 * The follow-ups that show today for some notes (say, the paths of a `ChangeSet`),
 * sharing one index; every path gets an entry, empty when nothing shows or the note
 * is gone.
 */
export function evaluateNotes(vault: Vault, paths: Iterable<string>, today: CalendarDate, settings: RapportSettings): Map<string, FollowUp[]> {
  const ctx = context(vault, today, settings);
  const out = new Map<string, FollowUp[]>();
  for (const path of paths) {
    const note = vault.get(path);
    out.set(path, note ? schedule(note, ctx).filter((s) => s.active).map(strip) : []);
  }
  return out;
}
