import { buildRuleIndex, nextDue } from '../../core/rules';
import { GROUP_LABELS } from '../../core/types';
import { parseCommandArgs } from '../args';
import type { Command } from '../io';
import { todayArg, vaultArg, withVault } from '../vaultLoader';

export const listCommand: Command = {
  name: 'list',
  summary: 'List contacts by group, with institution and next follow-up',
  usage: 'rapport list [VAULT] [--today YYYY-MM-DD] [--format text|json] [--cache]',
  options: { cache: { help: 'Reuse the index cache in your cache folder (never inside the vault); the output is the same' } },
  async run(argv, io) {
    const { args, format } = parseCommandArgs(argv, this);
    const today = todayArg(args, io);
    return withVault(vaultArg(args), io, args.flags.has('cache'), ['list', ...argv], ({ vault, settings }, io) => {
      const index = buildRuleIndex(vault);
      // The follow-up engine's next due date: overdue ones first, then what is planned.
      const next = new Map(vault.contacts().map((c) => [c.path, nextDue(vault, c, today, settings, index)]));
      const nextPlanned = (c: { path: string }) => next.get(c.path) ?? null;
      const groups = [...vault.groups()].filter(([, contacts]) => contacts.length > 0);
      if (format === 'json') {
        const json = groups.map(([group, contacts]) => ({
          group,
          label: GROUP_LABELS[group],
          contacts: contacts.map((c) => ({
            name: c.name, file: c.path, role: c.role, institution: c.institution, status: c.status, nextFollowUp: nextPlanned(c),
          })),
        }));
        io.out(JSON.stringify({ groups: json }, null, 2) + '\n');
        return 0;
      }
      for (const [group, contacts] of groups) {
        io.out(`${GROUP_LABELS[group]} (${contacts.length})\n`);
        for (const c of contacts) {
          const parts = [c.institution ?? '—', nextPlanned(c) ? `next ${nextPlanned(c)}` : null, c.status !== 'active' ? c.status : null];
          io.out(`  ${c.title ? `${c.title} ` : ''}${c.name} · ${parts.filter(Boolean).join(' · ')}\n`);
        }
      }
      if (groups.length === 0) io.out('No contacts in this vault yet.\n');
      return 0;
    });
  },
};
