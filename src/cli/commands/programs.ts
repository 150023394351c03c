import { STRENGTH_RULE, contactsOutsidePrograms, programStrengths, strengthSummary } from '../../core/programs';
import { evaluateVault } from '../../core/rules';
import { parseCommandArgs } from '../args';
import type { Command } from '../io';
import { loadVault, todayArg, vaultArg } from '../vaultLoader';

export const programsCommand: Command = {
  name: 'programs',
  summary: 'Where your network is strongest: contacts, mentors, sponsors and rotations per residency program (program notes)',
  usage: 'rapport programs [VAULT] [--today YYYY-MM-DD] [--format text|json]',
  async run(argv, io) {
    const { args, format } = parseCommandArgs(argv, this);
    const today = todayArg(args, io);
    const { vault, settings } = await loadVault(vaultArg(args), io);
    const followUps = evaluateVault(vault, today, settings);
    const programs = programStrengths(vault, today, (p) => followUps.get(p)?.length ?? 0);
    const outside = contactsOutsidePrograms(vault).map((c) => c.path).sort();
    if (format === 'json') {
      io.out(JSON.stringify({ today, rule: STRENGTH_RULE, programs, outside }, null, 2) + '\n');
      return 0;
    }
    // Nothing silently left out: the contacts at a school, a lab or no institution are counted, not ranked.
    const outsideLine = outside.length === 0 ? '' : `${outside.length} contact${outside.length === 1 ? ' is' : 's are'} at no residency program of the vault (add a note in programs/ with their institution to count them).\n`;
    if (programs.length === 0) {
      io.out(`No residency programs in this vault yet: add program notes in programs/ (type: program, institution: …).\n${outsideLine}`);
      return 0;
    }
    const width = Math.max(...programs.map((p) => p.name.length));
    for (const p of programs) {
      io.out(`${String(p.score).padStart(3)}  ${p.name.padEnd(width)}  ${strengthSummary(p)}${p.lastInteraction ? `; last contact ${p.lastInteraction}` : ''}\n`);
    }
    if (outsideLine) io.out(`\n${outsideLine}`);
    io.out(`\n${STRENGTH_RULE}\n`);
    return 0;
  },
};
