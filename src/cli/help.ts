import { COMMON_OPTIONS, DEFAULT_FORMATS, allOptions, type OptionDecl } from './args';
import type { Command } from './io';

export const VAULT_HELP =
  'VAULT is the vault\'s folder. Without it, Rapport uses the current folder or the nearest parent ' +
  'holding profile.md, .rapport.json, rapport.config.json or contacts/ (as git finds .git); ' +
  'anywhere else it says so and exits 2.';

/** The exit statuses, the same for every command (1 only where the command says when). */
function exitHelp(command?: Command): string[] {
  const one = command === undefined ? ['  1  findings or refused (check: problems at --fail-on; import: nothing read or a note not written)'] : command.exit1 ? [`  1  ${command.exit1}`] : [];
  return ['Exit status:', '  0  done', ...one, '  2  usage error: unknown command or option, a bad value, no vault'];
}

function optionLine(name: string, decl: OptionDecl, formats: readonly string[]): [string, string] {
  const value = name === 'format' ? formats.join('|') : decl.value;
  const left = `${decl.short ? `-${decl.short}, ` : '    '}--${name}${value ? ` ${value}` : ''}`;
  const help = name === 'format' ? `Output format (default ${formats[0]})` : decl.help;
  return [left, help];
}

/** `rapport CMD --help` and `rapport help CMD`. */
export function commandHelp(command: Command): string {
  const formats = command.formats ?? DEFAULT_FORMATS;
  const all = allOptions(command.options ?? {});
  // The command's own options first, then the common ones.
  const ordered = [...Object.keys(all).filter((n) => !(n in COMMON_OPTIONS)), ...Object.keys(COMMON_OPTIONS)];
  const lines = ordered.map((n) => [n, all[n]] as const).map(([n, d]) => optionLine(n, d, formats));
  const width = Math.max(...lines.map(([l]) => l.length));
  return [
    `rapport ${command.name} — ${command.summary}`,
    '',
    `Usage: ${command.usage}`,
    '',
    'Options:',
    ...lines.map(([l, h]) => `  ${l.padEnd(width)}  ${h}`.trimEnd()),
    '',
    ...(command.usage.includes('VAULT') ? [VAULT_HELP, ''] : []),
    ...exitHelp(command),
  ].join('\n') + '\n';
}

/** `rapport --help`: every command, one line each. */
export function overviewHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'rapport — your residency networking vault, from the terminal',
    '',
    'Usage: rapport <command> [options]',
    '       rapport help <command>      rapport <command> --help      rapport --version',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --today YYYY-MM-DD and --format, and -h/--help.',
    VAULT_HELP,
    '',
    ...exitHelp(),
  ].join('\n') + '\n';
}
