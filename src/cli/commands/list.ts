import { GROUP_LABELS, type ContactNote } from '../../core/types';
import { oneOf, parseArgs } from '../args';
import type { Command } from '../io';
import { loadVault } from '../vaultLoader';

/** The next date something is planned for: an explicit follow-up or the earliest open task. */
export function nextPlanned(c: ContactNote): string | null {
  const dates = c.tasks.filter((t) => !t.done && t.due !== null).map((t) => t.due as string);
  if (c.followUp) dates.push(c.followUp);
  return dates.length === 0 ? null : dates.sort()[0];
}

export const listCommand: Command = {
  name: 'list',
  summary: 'List contacts by group, with institution and next follow-up',
  usage: 'rapport list [VAULT] [--format text|json]',
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['format'] });
    const format = oneOf(args, 'format', ['text', 'json'] as const, 'text');
    const { vault } = await loadVault(args.positionals[0], io);
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
  },
};
