import { version } from '../../package.json';
import { processClock } from '../node/clock';
import { UsageError, wantsHelp } from './args';
import { agendaCommand } from './commands/agenda';
import { checkCommand } from './commands/check';
import { icsCommand } from './commands/ics';
import { importCommand } from './commands/import';
import { initCommand } from './commands/init';
import { listCommand } from './commands/list';
import { programsCommand } from './commands/programs';
import { seasonCommand } from './commands/season';
import { templateCommand, templatesCommand } from './commands/template';
import { watchCommand } from './commands/watch';
import { commandHelp, overviewHelp } from './help';
import type { CliIO, Command } from './io';
import { nearest } from './suggest';
import { newCommand } from './commands/new';
import { logCommand } from './commands/log';
import { doneCommand } from './commands/done';
import { snoozeCommand } from './commands/snooze';
import { dormantCommand } from './commands/dormant';
import { profileCommand } from './commands/profile';
import { visibleText } from '../core/terminalText';

export const COMMANDS: Command[] = [initCommand, listCommand, checkCommand, agendaCommand, icsCommand, watchCommand, importCommand, templatesCommand, templateCommand, programsCommand,
  newCommand,
  logCommand,
  doneCommand,
  snoozeCommand,
  dormantCommand,
  seasonCommand,
  profileCommand,
];

/** package.json's version, bundled into dist/cli.js at build time. */
export const VERSION: string = version;

function findCommand(name: string, io: CliIO): Command | undefined {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  const near = nearest(name, COMMANDS.map((c) => c.name));
  io.err(`rapport: unknown command '${name}'${near ? ` (did you mean '${near}'?)` : ''}; see rapport --help\n`);
  return undefined;
}

export async function runCli(argv: string[], given: CliIO): Promise<number> {
  // Everything a command prints passes one filter: no raw control character from a vault reaches the terminal.
  const io: CliIO = { ...given, out: (t) => given.out(visibleText(t)), err: (t) => given.err(visibleText(t)) };
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(overviewHelp(COMMANDS));
    return 2;
  }
  if (name === '--help' || name === '-h') {
    io.out(overviewHelp(COMMANDS));
    return 0;
  }
  if (name === '--version' || name === '-V') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  if (name === 'help') {
    if (rest.length === 0) {
      io.out(overviewHelp(COMMANDS));
      return 0;
    }
    const command = findCommand(rest[0], io);
    if (!command) return 2;
    io.out(commandHelp(command));
    return 0;
  }
  if (name.startsWith('-')) {
    io.err(`rapport: ${name} is not a command; options come after the command (see rapport --help)\n`);
    return 2;
  }
  const command = findCommand(name, io);
  if (!command) return 2;
  if (wantsHelp(rest)) {
    io.out(commandHelp(command));
    return 0;
  }
  try {
    return await command.run(rest, command.documentOutput ? { ...io, out: (t) => given.out(t) } : io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`rapport ${name}: ${e.message}\nusage: ${command.usage} (see rapport ${name} --help)\n`);
      return 2;
    }
    throw e;
  }
}

/**
 * The process's streams. A reader that stops early (`rapport list | head -1`) closes the
 * pipe: that is the reader's choice, not an error, so Rapport stops quietly instead of
 * printing EPIPE's stack trace (Node ignores SIGPIPE and reports EPIPE on the stream).
 */
function processIO(): CliIO {
  const quietOnClosedPipe = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  };
  process.stdout.on('error', quietOnClosedPipe);
  process.stderr.on('error', quietOnClosedPipe);
  process.on('SIGPIPE', () => process.exit(0));
  return {
    out: (t) => { process.stdout.write(t); },
    err: (t) => { process.stderr.write(t); },
    cwd: process.cwd(),
    today: () => processClock().today(),
  };
}

if (require.main === module) {
  runCli(process.argv.slice(2), processIO()).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      process.stderr.write(visibleText(`rapport: ${e instanceof Error ? e.message : String(e)}\n`));
      process.exitCode = 2;
    },
  );
}
