import * as fs from 'fs';
import * as path from 'path';
import { mergeSettings, type RapportSettings } from '../core/settings';

/** Looked for at the vault root, in this order. */
export const CONFIG_FILE_NAMES = ['rapport.config.json', '.rapport.json'] as const;

/** A settings file is a few hundred bytes; anything this large is not one. */
const MAX_CONFIG_BYTES = 256 * 1024;

export interface VaultConfigFile {
  /** Vault-relative name of the file read, or null when there is none. */
  file: string | null;
  /** The parsed JSON, unvalidated (undefined when there is no file or it could not be read). */
  raw: unknown;
  /** Why the file could not be read: each message names the file. */
  errors: string[];
  /** The file's text, when it could be read (to place a problem on its line). */
  text?: string;
}

/** Reads the vault's settings file as JSON without judging its keys (the caller merges and validates). */
export function loadVaultConfig(root: string): VaultConfigFile {
  for (const name of CONFIG_FILE_NAMES) {
    const abs = path.join(root, name);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      continue;
    }
    if (!st.isFile()) return { file: name, raw: undefined, errors: [`${name}: not a regular file; using the default settings.`] };
    if (st.size > MAX_CONFIG_BYTES) return { file: name, raw: undefined, errors: [`${name}: too large to be a settings file (${st.size} bytes); using the default settings.`] };
    let text: string;
    try {
      text = fs.readFileSync(abs, 'utf8');
    } catch (e) {
      return { file: name, raw: undefined, errors: [`${name}: could not be read (${e instanceof Error ? e.message : String(e)}); using the default settings.`] };
    }
    try {
      return { file: name, raw: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown, text, errors: [] };
    } catch (e) {
      return { file: name, raw: undefined, text, errors: [`${name}: invalid JSON (${e instanceof Error ? e.message : String(e)}); using the default settings.`] };
    }
  }
  return { file: null, raw: undefined, errors: [] };
}

/** The vault's settings over the defaults, with every problem found (bad JSON, unknown keys, wrong types). */
export function loadSettings(root: string): { settings: RapportSettings; file: string | null; errors: string[] } {
  const file = loadVaultConfig(root);
  const merged = mergeSettings(file.raw);
  const prefix = file.file ? `${file.file}: ` : '';
  return { settings: merged.settings, file: file.file, errors: [...file.errors, ...merged.errors.map((e) => prefix + e)] };
}

/** `loadSettings`, reporting each problem through `warn` (the CLI's stderr): bad settings never stop a command. */
export function loadSettingsOrWarn(root: string, warn: (text: string) => void): RapportSettings {
  const { settings, errors } = loadSettings(root);
  for (const e of errors) warn(`rapport: warning: ${e}\n`);
  return settings;
}
