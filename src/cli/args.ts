import { parseArgs as nodeParseArgs } from 'node:util';
import { nearest } from './suggest';

/**
 * Command-line options on `node:util`'s `parseArgs` in strict mode: an unknown option,
 * a missing value or a value that looks like another option is a usage error, never
 * silently taken. Each command declares its options once; help is drawn from the same table.
 */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export class UsageError extends Error {}

/** One option as a command declares it: what it takes, and the line `--help` shows. */
export interface OptionDecl {
  /** The value's placeholder (`YYYY-MM-DD`, `N`, `FILE`); absent for a switch. */
  value?: string;
  /** What a missing value is called in the error, e.g. "a date" for `--today needs a date`. */
  needs?: string;
  short?: string;
  help: string;
}

export type OptionTable = Readonly<Record<string, OptionDecl>>;

/** The older list form (`values`, `switches`, `aliases`); still accepted so a command can be a table row either way. */
export interface FlagSpec {
  values: string[];
  switches?: string[];
  aliases?: Record<string, string>;
}

/** Options every command takes, so a script can pass them to any command. */
export const COMMON_OPTIONS: OptionTable = {
  today: { value: 'YYYY-MM-DD', needs: 'a date', help: 'The day to judge follow-ups from (default: RAPPORT_TODAY, else the local date)' },
  format: { value: 'FORMAT', needs: 'a format', help: 'Output format' },
  help: { short: 'h', help: 'Show this help' },
};

function toTable(spec: FlagSpec | OptionTable): OptionTable {
  if (!('values' in spec && Array.isArray(spec.values))) return spec as OptionTable;
  const flags = spec as FlagSpec;
  const table: Record<string, OptionDecl> = {};
  for (const v of flags.values) table[v] = COMMON_OPTIONS[v] ?? { value: v.toUpperCase(), help: '' };
  for (const s of flags.switches ?? []) table[s] = { help: '' };
  for (const [short, long] of Object.entries(flags.aliases ?? {})) if (table[long]) table[long] = { ...table[long], short };
  return table;
}

/** The declared options plus the common ones (a command's own declaration of `today` or `format` wins). */
export function allOptions(spec: FlagSpec | OptionTable): OptionTable {
  return { ...COMMON_OPTIONS, ...toTable(spec) };
}

interface NodeParseError extends Error {
  code?: string;
}

/** Turns node's error into one sentence naming the option, with a suggestion for a misspelling. */
function usageFrom(e: NodeParseError, argv: readonly string[], table: OptionTable): UsageError {
  const names = Object.keys(table);
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const token = /'([^']+)'/.exec(e.message)?.[1] ?? '';
    const name = token.replace(/^--?/, '').replace(/=.*$/, '');
    const near = token.startsWith('--') ? nearest(name, names) : undefined;
    return new UsageError(`unknown option ${token}${near ? ` (did you mean --${near}?)` : ''}`);
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /'--([a-z-]+)/.exec(e.message)?.[1];
    const decl = name === undefined ? undefined : table[name];
    if (name !== undefined && decl?.value !== undefined) return new UsageError(`--${name} needs ${decl.needs ?? 'a value'} (${decl.value})`);
    if (name !== undefined) return new UsageError(`--${name} takes no value`);
  }
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UsageError(`unexpected argument in ${argv.join(' ')}`);
  return new UsageError(e.message);
}

/** Parses `argv` against the declared options (and the common ones) in strict mode. */
export function parseArgs(argv: readonly string[], spec: FlagSpec | OptionTable): ParsedArgs {
  const table = allOptions(spec);
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, decl] of Object.entries(table)) {
    options[name] = { type: decl.value === undefined ? 'boolean' : 'string', ...(decl.short ? { short: decl.short } : {}) };
  }
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = nodeParseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (e) {
    throw usageFrom(e as NodeParseError, argv, table);
  }
  const flags = new Map<string, string | true>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (typeof value === 'string') flags.set(name, value);
    else if (value === true) flags.set(name, true);
  }
  return { positionals: parsed.positionals, flags };
}

/** Whether `--help` or `-h` is among the options (before a `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

export function flag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function oneOf<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T): T {
  const v = flag(args, name);
  if (v === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(v)) {
    const near = nearest(v, allowed);
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not '${v}'${near ? ` (did you mean ${near}?)` : ''}`);
  }
  return v as T;
}

/** Parses a command's arguments with its declared options; `format` is checked against its formats. */
export function parseCommandArgs(
  argv: readonly string[],
  command: { options?: FlagSpec | OptionTable; formats?: readonly string[] },
): { args: ParsedArgs; format: string } {
  const args = parseArgs(argv, command.options ?? {});
  const formats = command.formats ?? DEFAULT_FORMATS;
  return { args, format: oneOf(args, 'format', formats, formats[0]) };
}

export const DEFAULT_FORMATS = ['text', 'json'] as const;
