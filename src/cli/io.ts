/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** The local calendar date, unless a test pins it. */
  today(): string;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
  /**
   * Standard output is a document (an .ics feed), written exactly: the command itself
   * guarantees it holds no C0/C1 control character, and what the terminal filter would
   * turn into `\u202e` (bidi marks in a name) is data a calendar must get as it is.
   */
  documentOutput?: boolean;
}
