import type { FlagSpec, OptionTable } from './args';

/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** The local calendar date, unless a test pins it. */
  today(): string;
}

/**
 * One row of the command table. `options` declares the command's own options (the
 * common `--today`, `--format` and `--help` come on top); `run` parses with the same table.
 */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options?: FlagSpec | OptionTable;
  /** The values `--format` takes; the first is the default. Default: text, json. */
  formats?: readonly string[];
  /** When the command exits 1 (findings, refused); absent when it never does. */
  exit1?: string;
  /** May be synchronous: main awaits whatever it returns, and a throw is caught either way. */
  run(argv: string[], io: CliIO): Promise<number> | number;
  /**
   * Standard output is a document (an .ics feed), written exactly: the command itself
   * guarantees it holds no C0/C1 control character, and what the terminal filter would
   * turn into `\u202e` (bidi marks in a name) is data a calendar must get as it is.
   */
  documentOutput?: boolean;
}
