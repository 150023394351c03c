import type { CalendarDate } from '../../src/core/dates';
import { evaluateNote, type FollowUp } from '../../src/core/rules';
import { DEFAULT_SETTINGS, mergeSettings, type RapportSettings } from '../../src/core/settings';
import { Vault } from '../../src/core/vault';
import { MemoryFs } from '../../src/core/vaultFs';

/** Shared helpers for the follow-up rule tests: small in-memory vaults, one line per fact. */
export async function vaultOf(files: Record<string, string>): Promise<Vault> {
  const vault = new Vault(new MemoryFs(files), { yieldToHost: () => Promise.resolve() });
  await vault.scan();
  return vault;
}

/** A note from frontmatter lines, log entries (under `## Interactions`) and other body lines. */
export function note(frontmatter: string[], log: string[] = [], body: string[] = []): string {
  const lines = ['---', ...frontmatter, '---', '# Note', ''];
  if (body.length > 0) lines.push(...body, '');
  if (log.length > 0) lines.push('## Interactions', ...log.map((l) => `- ${l}`), '');
  return lines.join('\n');
}

export function settingsWith(partial: Record<string, unknown>): RapportSettings {
  const { settings, errors } = mergeSettings(partial);
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return settings;
}

/** The follow-ups showing on one note on `today`. */
export function on(vault: Vault, path: string, today: CalendarDate, settings: RapportSettings = DEFAULT_SETTINGS): FollowUp[] {
  const n = vault.get(path);
  if (!n) throw new Error(`no note ${path}`);
  return evaluateNote(vault, n, today, settings);
}

/** `code:severity` of each follow-up showing, for compact assertions. */
export function summary(vault: Vault, path: string, today: CalendarDate, settings: RapportSettings = DEFAULT_SETTINGS): string[] {
  return on(vault, path, today, settings).map((f) => `${f.code}:${f.severity}`);
}

/**
 * `code:severity` of each reminder on `today`, the ones the one-primary-per-person
 * policy folded into another included (after it): what the rules found, before the
 * policy decided what shows as a row.
 */
export function found(vault: Vault, path: string, today: CalendarDate, settings: RapportSettings = DEFAULT_SETTINGS): string[] {
  return on(vault, path, today, settings).flatMap((f) => [
    `${f.code}:${f.severity}`,
    ...(f.code === 'reconnect' ? [] : (f.others ?? []).map((o) => `${o.code}:${o.severity}`)),
  ]);
}

/** Severity of one rule on each day, `-` when it does not show: boundaries read as one line. */
export function timeline(vault: Vault, path: string, code: string, days: CalendarDate[], settings: RapportSettings = DEFAULT_SETTINGS): string[] {
  return days.map((d) => {
    const found = on(vault, path, d, settings).filter((f) => f.code === code);
    return found.length === 0 ? `${d} -` : `${d} ${found.map((f) => f.severity).join(',')}`;
  });
}

