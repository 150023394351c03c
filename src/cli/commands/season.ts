import { seasonSummary, seasonText } from '../../core/season/summary';
import { oneOf, parseArgs } from '../args';
import type { Command } from '../io';
import { loadVault, todayArg } from '../vaultLoader';

export const seasonCommand: Command = {
  name: 'season',
  summary: 'The application season: letters by status, applications and interviews by program, the season dates',
  usage: 'rapport season [VAULT] [--today YYYY-MM-DD] [--format text|json]',
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['today', 'format'] });
    const format = oneOf(args, 'format', ['text', 'json'] as const, 'text');
    const today = todayArg(args, io);
    const { vault, settings } = await loadVault(args.positionals[0], io);
    const summary = seasonSummary(vault, today, settings);
    io.out(format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : seasonText(summary));
    return 0;
  },
};
