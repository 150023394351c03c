import * as vscode from 'vscode';
import { allParams, isRuleCode } from '../core/rules/catalog';
import { mergeSettings, type RapportSettings } from '../core/settings';

/** Settings that change which vault is open: changing one restarts the session. */
const SESSION_KEYS = ['rapport.vaultPath', 'rapport.templatesFolder'];

/** Every rule's numbers and dates, from the rule descriptors: `rapport.<name>`. */
const PARAM_KEYS: readonly string[] = allParams().map((p) => p.name);

/**
 * The one typed view of `rapport.*`. Only values the user actually set are passed
 * on, so a vault's `.rapport.json` still applies to everything else.
 */
export class RapportConfig {
  private get section(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration('rapport');
  }

  get vaultPath(): string {
    return (this.restricted('vaultPath') ?? '').trim();
  }

  get templatesFolder(): string {
    return (this.restricted('templatesFolder') ?? 'templates').trim() || 'templates';
  }

  /**
   * A setting that may point Rapport at other files. VS Code already ignores workspace
   * values of restricted settings in Restricted Mode; reading only the user's own value
   * there keeps that true even if the manifest and this code drift apart.
   */
  private restricted(key: string): string | undefined {
    if (vscode.workspace.isTrusted) return this.section.get<string>(key);
    return this.section.inspect<string>(key)?.globalValue;
  }

  /**
   * The follow-up settings: the vault's file first, then what the user set in VS Code on
   * top. Problems are told apart by source, so each is reported where it can be fixed.
   */
  followUpSettings(vaultFile: unknown): { settings: RapportSettings; fileErrors: string[]; vscodeErrors: string[] } {
    const base = vaultFile !== null && typeof vaultFile === 'object' && !Array.isArray(vaultFile) ? { ...(vaultFile as Record<string, unknown>) } : {};
    const overrides: Record<string, unknown> = {};
    for (const key of PARAM_KEYS) {
      const value = explicitValue(this.section, key);
      if (value !== undefined) overrides[key] = value;
    }
    // A templates folder set in VS Code wins over the vault's; in Restricted Mode only the user's own counts.
    const templates = vscode.workspace.isTrusted ? explicitValue(this.section, 'templatesFolder') : this.section.inspect('templatesFolder')?.globalValue;
    if (templates !== undefined) overrides.templatesFolder = templates;
    for (const key of ['privacyGuard', 'postInterviewPolicy']) {
      const value = explicitValue(this.section, key);
      if (value !== undefined) overrides[key] = value;
    }
    // Season dates merge key by key over the vault file's, like rules.
    const season = explicitValue(this.section, 'season');
    if (season !== null && typeof season === 'object' && !Array.isArray(season)) {
      const fileSeason = base.season !== null && typeof base.season === 'object' && !Array.isArray(base.season) ? (base.season as Record<string, unknown>) : {};
      overrides.season = { ...fileSeason, ...(season as Record<string, unknown>) };
    }
    const ownRules = explicitValue(this.section, 'rules');
    const checked: Record<string, unknown> = { ...overrides };
    if (season !== undefined) checked.season = season;
    if (ownRules !== undefined) checked.rules = ownRules;
    if (ownRules !== null && typeof ownRules === 'object') {
      const fileRules = base.rules !== null && typeof base.rules === 'object' ? (base.rules as Record<string, unknown>) : {};
      const picked = Object.fromEntries(Object.entries(ownRules as Record<string, unknown>).filter(([code]) => isRuleCode(code)));
      overrides.rules = { ...fileRules, ...picked };
    }
    const merged = mergeSettings({ ...base, ...overrides });
    const fileErrors = vaultFile === undefined ? [] : mergeSettings(vaultFile).errors;
    const ownErrors = mergeSettings(checked).errors;
    // What only the two together get wrong (a window whose ends come from both) is the VS Code side's to fix.
    const together = merged.errors.filter((e) => !fileErrors.includes(e) && !ownErrors.includes(e));
    return { settings: merged.settings, fileErrors, vscodeErrors: [...ownErrors, ...together].map(asVsCodeSetting) };
  }

  static affectsSession(e: vscode.ConfigurationChangeEvent): boolean {
    return SESSION_KEYS.some((k) => e.affectsConfiguration(k));
  }

  static affectsRules(e: vscode.ConfigurationChangeEvent): boolean {
    return e.affectsConfiguration('rapport') && !RapportConfig.affectsSession(e);
  }
}

/** A settings message names its key as in `.rapport.json`; in VS Code the key is `rapport.` and that. */
function asVsCodeSetting(message: string): string {
  return message.replace(/'([A-Za-z][\w.-]*)'/, "'rapport.$1'");
}

/** The value the user set at any level, or undefined when only the default applies. */
function explicitValue(section: vscode.WorkspaceConfiguration, key: string): unknown {
  const i = section.inspect(key);
  if (!i) return undefined;
  return i.workspaceFolderValue ?? i.workspaceValue ?? i.globalValue;
}
