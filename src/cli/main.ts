import { processClock } from '../node/clock';
import { UsageError } from './args';
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
import { newCommand } from './commands/new';
import { logCommand } from './commands/log';
import { doneCommand } from './commands/done';
import { snoozeCommand } from './commands/snooze';
import { dormantCommand } from './commands/dormant';
import { profileCommand } from './commands/profile';
import type { CliIO, Command } from './io';
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

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'rapport — your residency networking vault, from the terminal',
    '',
    'Usage: rapport <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    ...COMMANDS.map((c) => `  ${c.usage}`),
    '',
    'VAULT defaults to the current folder; --today defaults to the local date.',
  ].join('\n') + '\n';
}

export async function runCli(argv: string[], given: CliIO): Promise<number> {
  // Everything a command prints passes one filter: no raw control character from a vault reaches the terminal.
  const io: CliIO = { ...given, out: (t) => given.out(visibleText(t)), err: (t) => given.err(visibleText(t)) };
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(help());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.out(`${process.env.RAPPORT_VERSION ?? 'dev'}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`rapport: unknown command '${name}' (try rapport --help)\n`);
    return 2;
  }
  try {
    return await command.run(rest, command.documentOutput ? { ...io, out: given.out } : io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`rapport ${name}: ${e.message}\nusage: ${command.usage}\n`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  const io: CliIO = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    today: () => processClock().today(),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      process.stderr.write(visibleText(`rapport: ${e instanceof Error ? e.message : String(e)}\n`));
      process.exitCode = 2;
    },
  );
}
