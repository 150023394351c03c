import { mergeSettings, type RapportSettings } from '../core/settings';
import { settingsMessageLine } from '../core/settingsLines';
import { VaultFiles } from './vaultFiles';

/** Looked for at the vault root, in this order. */
export const CONFIG_FILE_NAMES = ['rapport.config.json', '.rapport.json'] as const;

/** A settings file is a few hundred bytes; anything this large is not one. */
export const MAX_CONFIG_BYTES = 256 * 1024;

export interface VaultConfigFile {
  /** Vault-relative name of the file read, or null when there is none. */
  file: string | null;
  /** The parsed JSON, unvalidated (undefined when there is no file or it could not be read). */
  raw: unknown;
  /** Why the file could not be read: each message names the file. */
  errors: string[];
  /** The file's text, to place each settings problem on its line ('' when not read). */
  text: string;
}

/**
 * Reads the vault's settings file as JSON without judging its keys (the caller merges and
 * validates). Through the guarded layer: a settings file that is a link out of the vault,
 * a FIFO, a device or a /proc file is refused unread, and the read is capped.
 */
export function loadVaultConfig(root: string): VaultConfigFile {
  let files: VaultFiles;
  try {
    files = new VaultFiles(root);
  } catch (e) {
    return { file: null, raw: undefined, errors: [`the vault folder could not be read (${e instanceof Error ? e.message : String(e)})`], text: '' };
  }
  for (const name of CONFIG_FILE_NAMES) {
    const read = files.readText(name, MAX_CONFIG_BYTES);
    if (read.ok && read.value === null) continue;
    if (!read.ok) return { file: name, raw: undefined, errors: [`${read.reason}; using the default settings.`], text: '' };
    const text = read.value!;
    try {
      return { file: name, raw: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown, errors: [], text };
    } catch (e) {
      // The parser's message quotes the text; the file is the vault's own, and callers escape what they print.
      return { file: name, raw: undefined, errors: [`${name}: invalid JSON (${e instanceof Error ? e.message.slice(0, 200) : String(e)}); using the default settings.`], text };
    }
  }
  return { file: null, raw: undefined, errors: [], text: '' };
}

/** A settings problem and its 0-based line in the settings file. */
export interface SettingsProblem {
  message: string;
  line: number;
}

/** Each message placed on the line of the key it names. */
export function settingsProblems(file: VaultConfigFile, messages: readonly string[]): SettingsProblem[] {
  return messages.map((message) => ({ message, line: file.text === '' ? 0 : settingsMessageLine(file.text, message) }));
}

/** The vault's settings over the defaults, with every problem found (bad JSON, unknown keys, wrong types). */
export function loadSettings(root: string): { settings: RapportSettings; file: string | null; errors: string[]; problems: SettingsProblem[] } {
  const file = loadVaultConfig(root);
  const merged = mergeSettings(file.raw);
  const prefix = file.file ? `${file.file}: ` : '';
  const placed = settingsProblems(file, merged.errors);
  return {
    settings: merged.settings,
    file: file.file,
    errors: [...file.errors, ...placed.map((p) => `${prefix.replace(/: $/, `:${p.line + 1}: `)}${p.message}`)],
    problems: [...file.errors.map((message) => ({ message, line: 0 })), ...placed],
  };
}

/** `loadSettings`, reporting each problem through `warn` (the CLI's stderr): bad settings never stop a command. */
export function loadSettingsOrWarn(root: string, warn: (text: string) => void): RapportSettings {
  const { settings, errors } = loadSettings(root);
  for (const e of errors) warn(`rapport: warning: ${e}\n`);
  return settings;
}
