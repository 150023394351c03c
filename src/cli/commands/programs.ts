import { STRENGTH_RULE, programStrengths, strengthSummary } from '../../core/programs';
import { evaluateVault } from '../../core/rules';
import { parseCommandArgs } from '../args';
import type { Command } from '../io';
import { loadVault, todayArg, vaultArg } from '../vaultLoader';

export const programsCommand: Command = {
  name: 'programs',
  summary: 'Where your network is strongest: contacts, mentors, sponsors and rotations per program',
  usage: 'rapport programs [VAULT] [--today YYYY-MM-DD] [--format text|json]',
  async run(argv, io) {
    const { args, format } = parseCommandArgs(argv, this);
    const today = todayArg(args, io);
    const { vault, settings } = await loadVault(vaultArg(args), io);
    const followUps = evaluateVault(vault, today, settings);
    const programs = programStrengths(vault, today, (p) => followUps.get(p)?.length ?? 0);
    if (format === 'json') {
      io.out(JSON.stringify({ today, rule: STRENGTH_RULE, programs }, null, 2) + '\n');
      return 0;
    }
    if (programs.length === 0) {
      io.out('No programs or institutions in this vault yet.\n');
      return 0;
    }
    const width = Math.max(...programs.map((p) => p.name.length));
    for (const p of programs) {
      io.out(`${String(p.score).padStart(3)}  ${p.name.padEnd(width)}  ${strengthSummary(p)}${p.lastInteraction ? `; last contact ${p.lastInteraction}` : ''}\n`);
    }
    io.out(`\n${STRENGTH_RULE}\n`);
    return 0;
  },
};
