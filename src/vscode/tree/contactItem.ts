import * as vscode from 'vscode';
import { contactState, relativeDue, type ContactState } from '../../core/contactState';
import { nextDue } from '../../core/rules';
import type { ContactNote } from '../../core/types';
import type { VaultSession } from '../session';

const STATE_ICON: Record<ContactState, vscode.ThemeIcon> = {
  overdue: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  'due-soon': new vscode.ThemeIcon('clock', new vscode.ThemeColor('charts.blue')),
  waiting: new vscode.ThemeIcon('mail'),
  dormant: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')),
  ok: new vscode.ThemeIcon('person'),
};

/** Said in words too: colour is never the only signal. */
const STATE_WORDS: Record<ContactState, string> = {
  overdue: 'overdue',
  'due-soon': 'due soon',
  waiting: 'waiting for a reply',
  dormant: 'dormant',
  ok: 'on track',
};

export function openNoteCommand(session: VaultSession, path: string, line: number): vscode.Command {
  return { command: 'rapport.openNote', title: 'Open Note', arguments: [session.uriOf(path), line] };
}

export function contactItem(session: VaultSession, contact: ContactNote, id: string): vscode.TreeItem {
  const followUps = session.followUps(contact.path);
  const state = contactState(contact, followUps, session.today);
  // The same date `rapport list` prints: the earliest follow-up, shown yet or still to come.
  const due = nextDue(session.vault, contact, session.today, session.settings);
  const label = `${contact.title ? `${contact.title} ` : ''}${contact.name}`;
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = id;
  item.iconPath = STATE_ICON[state];
  const parts = [contact.institution, due ? `${state === 'overdue' ? 'overdue ' : 'due '}${relativeDue(due, session.today)}` : null];
  if (state === 'dormant') parts.push(contact.status);
  item.description = parts.filter(Boolean).join(' · ');
  item.tooltip = contactTooltip(contact, state, due);
  item.contextValue = `contact.${state}`;
  item.resourceUri = session.uriOf(contact.path);
  item.command = openNoteCommand(session, contact.path, 0);
  item.accessibilityInformation = { label: `${label}, ${contact.institution ?? 'no institution'}, ${STATE_WORDS[state]}${due ? `, next due ${due}` : ''}`, role: 'treeitem' };
  return item;
}

/**
 * Plain text on purpose: a string tooltip is never rendered as markdown, so note text
 * (which anyone could have written) cannot carry command links or images.
 */
function contactTooltip(c: ContactNote, state: ContactState, due: string | null): string {
  const lines = [
    `${c.title ? `${c.title} ` : ''}${c.name}`,
    [c.position, c.institution].filter(Boolean).join(', '),
    `Status: ${STATE_WORDS[state]}${due ? ` · next due ${due}` : ''}`,
  ];
  const recent = [...c.interactions].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)).slice(0, 3);
  if (recent.length > 0) {
    lines.push('', 'Last interactions:');
    for (const i of recent) lines.push(`  ${i.date} ${i.kind}${i.text ? `: ${i.text.length > 80 ? `${i.text.slice(0, 79)}…` : i.text}` : ''}`);
  }
  return lines.filter((l, idx) => l !== '' || idx > 0).join('\n');
}
