import * as vscode from 'vscode';
import { KNOWN_FIELDS, fieldLabel } from '../core/templates';
import { MENTOR_KINDS, ROLES, STATUSES } from '../core/types';
import type { RapportHost } from './host';

// A Map: a key named `constructor` or `toString` must find nothing, not Object's own members.
const VALUE_LISTS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([['role', ROLES], ['mentor', MENTOR_KINDS], ['status', STATUSES], ['sponsor', ['true', 'false']]]);

/**
 * How far back from the cursor completions look. A link target is at most 300 characters
 * and a field 80 (as the reader takes them), so a longer look finds nothing more; on an
 * 80 KB line it would make every keystroke scan the whole line, once per `[[`.
 */
const LOOK_BACK = 400;

/** The frontmatter block's last line, or -1: completions for keys only make sense inside it. */
function frontmatterEnd(doc: vscode.TextDocument): number {
  if (!/^---\s*$/.test(doc.lineAt(0).text)) return -1;
  for (let i = 1; i < Math.min(doc.lineCount, 500); i++) if (/^(---|\.\.\.)\s*$/.test(doc.lineAt(i).text)) return i;
  return -1;
}

/**
 * Completions in vault notes: allowed values after `role:`, `mentor:`, `status:`,
 * conference and rotation names after `met_at:`, note names after `[[`, and the
 * known fields after `{{` in templates. Everything comes from the index: no I/O.
 */
export class RapportCompletions implements vscode.CompletionItemProvider {
  static readonly triggers = ['[', '{', ':', ' '];

  constructor(private readonly host: RapportHost) {}

  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionItem[] | undefined {
    const session = this.host.session;
    if (!session) return undefined;
    const lineText = doc.lineAt(pos.line).text;
    const before = lineText.slice(Math.max(0, pos.character - LOOK_BACK), pos.character);

    const field = /\{\{\s*([\w.]*)$/.exec(before);
    if (field) {
      const range = new vscode.Range(pos.line, pos.character - field[1].length, pos.line, pos.character);
      return KNOWN_FIELDS.map((f) => {
        const item = new vscode.CompletionItem(f, vscode.CompletionItemKind.Variable);
        item.detail = fieldLabel(f);
        item.range = range;
        item.insertText = lineText.startsWith('}}', pos.character) ? f : `${f}}}`;
        return item;
      });
    }

    const link = /\[\[([^\]|#]*)$/.exec(before);
    if (link) {
      const range = new vscode.Range(pos.line, pos.character - link[1].length, pos.line, pos.character);
      const closes = lineText.startsWith(']]', pos.character);
      return [...session.vault.notes()].filter((n) => n.kind !== 'other' || n.problems.length === 0).map((n) => {
        const item = new vscode.CompletionItem(n.name, n.kind === 'contact' ? vscode.CompletionItemKind.User : vscode.CompletionItemKind.File);
        item.detail = n.kind === 'contact' ? [(n).role, (n).institution].filter(Boolean).join(' · ') : n.kind;
        item.range = range;
        item.insertText = closes ? n.name : `${n.name}]]`;
        return item;
      });
    }

    const end = frontmatterEnd(doc);
    // A key's value completes only on a line of ordinary length: the key is at the line's start.
    if (end === -1 || pos.line >= end || pos.line === 0 || pos.character > LOOK_BACK) return undefined;
    const key = /^([A-Za-z_-]+):\s*["']?([^"']*)$/.exec(before);
    if (!key) return undefined;
    const name = key[1].toLowerCase().replace(/-/g, '_');
    const range = new vscode.Range(pos.line, pos.character - key[2].length, pos.line, pos.character);
    if (name === 'met_at') {
      return [...session.vault.conferences(), ...session.vault.rotations()].map((e) => {
        const item = new vscode.CompletionItem(e.name, vscode.CompletionItemKind.Event);
        item.detail = `${e.kind}${e.start ? ` · ${e.start}` : ''}`;
        item.range = range;
        // Quoted, or YAML would read [[...]] as a nested list.
        item.insertText = before.endsWith('"') || before.endsWith("'") ? `[[${e.name}]]` : `"[[${e.name}]]"`;
        item.filterText = e.name;
        return item;
      });
    }
    const values = VALUE_LISTS.get(name);
    if (!values) return undefined;
    return values.map((v, i) => {
      const item = new vscode.CompletionItem(v, vscode.CompletionItemKind.EnumMember);
      item.range = range;
      item.sortText = String(i).padStart(2, '0');
      return item;
    });
  }
}

/** Hovering `[[Someone]]` shows who they are and the last contact, as plain text. */
export class RapportHovers implements vscode.HoverProvider {
  constructor(private readonly host: RapportHost) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const session = this.host.session;
    if (!session) return undefined;
    const range = doc.getWordRangeAtPosition(pos, /\[\[[^\]\n]{1,300}?\]\]/);
    if (!range) return undefined;
    const inner = doc.getText(range).slice(2, -2).split('|')[0].split('#')[0].trim();
    const note = session.vault.resolve(inner);
    if (!note) return new vscode.Hover(new vscode.MarkdownString().appendText(`No note named "${inner}" in the vault.`), range);
    const lines: string[] = [];
    if (note.kind === 'contact') {
      lines.push(`${note.title ? `${note.title} ` : ''}${note.name}`);
      const role = [note.role, note.mentor ? `${note.mentor} mentor` : null, note.sponsor ? 'sponsor' : null].filter(Boolean).join(', ');
      if (role) lines.push(role);
      if (note.institution || note.position) lines.push([note.position, note.institution].filter(Boolean).join(', '));
      const last = [...note.interactions].sort((a, b) => (a.date < b.date ? 1 : -1))[0];
      if (last) lines.push(`Last: ${last.date} ${last.kind}${last.text ? ` — ${last.text}` : ''}`);
      const next = session.followUps(note.path)[0];
      if (next) lines.push(`Next: ${next.action} (due ${next.due})`);
    } else {
      lines.push(`${note.name} (${note.kind})`);
    }
    // appendText escapes markdown: note text is shown, never interpreted (no links, no commands).
    const md = new vscode.MarkdownString();
    lines.forEach((l, i) => {
      md.appendText(l);
      if (i < lines.length - 1) md.appendMarkdown('  \n');
    });
    return new vscode.Hover(md, range);
  }
}
