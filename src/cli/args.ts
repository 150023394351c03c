/** A small, strict argument parser: unknown flags are usage errors, not silently ignored. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export class UsageError extends Error {}

export interface FlagSpec {
  /** Flags that take a value, e.g. `--today`. */
  values: string[];
  /** Flags that are switches, e.g. `--dry-run`. */
  switches?: string[];
  /** Short aliases, e.g. `{ o: 'output' }`. */
  aliases?: Record<string, string>;
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const out: ParsedArgs = { positionals: [], flags: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    let name = arg.replace(/^--?/, '');
    let value: string | undefined;
    if (eq !== -1) {
      name = arg.slice(arg.startsWith('--') ? 2 : 1, eq);
      value = arg.slice(eq + 1);
    }
    name = spec.aliases?.[name] ?? name;
    if (spec.values.includes(name)) {
      if (value === undefined) {
        if (i + 1 >= argv.length) throw new UsageError(`--${name} needs a value`);
        value = argv[++i];
      }
      out.flags.set(name, value);
    } else if (spec.switches?.includes(name) && value === undefined) {
      out.flags.set(name, true);
    } else {
      throw new UsageError(`unknown option ${arg}`);
    }
  }
  return out;
}

export function flag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function oneOf<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T): T {
  const v = flag(args, name);
  if (v === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  return v as T;
}
