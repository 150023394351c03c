import * as vscode from 'vscode';
import {
  FORMAT_LABELS, MAPPING_FIELDS, planImport, readImport, type ColumnMapping, type ImportPlan, type MappingField,
} from '../core/import';
import { withVault, type CommandTable } from './commands';

const FIELD_LABELS: Record<MappingField, string> = {
  name: 'Full name', firstName: 'First name', lastName: 'Last name', email: 'Email', institution: 'Institution',
  position: 'Position', phone: 'Phone', met: 'Date met', notes: 'Notes', url: 'Web page',
  prefix: 'Title (Dr., Prof.)', middleName: 'Middle name', suffix: 'Credentials (MD, PhD, Jr.)', department: 'Department',
};

/** The preview shown before anything is written: new, already in the vault, skipped (with why). */
export function previewText(file: string, format: string, plan: ImportPlan): string {
  const lines = [`# Import preview: ${file}`, '', `Format: ${format}. Nothing has been written yet.`, ''];
  lines.push(`## New (${plan.create.length})`, '');
  for (const n of plan.create) {
    lines.push(`- ${n.person.name ?? '(no name)'} → \`${n.path}\`${n.role.from ? ` (role guessed from "${n.role.from}": ${n.role.role})` : ''}`);
    if (n.sameNameAs.length > 0) lines.push(`  - same name as an existing contact: ${n.sameNameAs.map((p) => `\`${p}\``).join(', ')} (merge by hand if it is the same person)`);
  }
  lines.push('', `## Already in the vault (${plan.existing.length})`, '');
  for (const e of plan.existing) lines.push(`- ${e.person.name ?? '(no name)'}: ${e.reason}, \`${e.matchedPath}\``);
  lines.push('', `## Skipped (${plan.skipped.length})`, '');
  for (const s of plan.skipped) lines.push(`- line ${s.line}: ${s.kind === 'undecodable' ? 'undecodable: ' : ''}${s.reason}`);
  return `${lines.join('\n')}\n`;
}

/** Asks once which column holds which field, starting from the guess; the answer is remembered in the vault. */
async function confirmMapping(headers: readonly string[], guessed: ColumnMapping): Promise<ColumnMapping | undefined> {
  const describe = (m: ColumnMapping) => MAPPING_FIELDS.filter((f) => m[f]).map((f) => `${FIELD_LABELS[f]} ← "${m[f]}"`).join(', ');
  const choice = await vscode.window.showQuickPick(
    [{ label: 'Use these columns', detail: describe(guessed) || '(no column recognised)', keep: true }, { label: 'Choose the columns…', detail: 'Pick the column for each field', keep: false }],
    { placeHolder: 'This CSV is not a LinkedIn export. Which columns hold what?', ignoreFocusOut: true },
  );
  if (!choice) return undefined;
  if (choice.keep) return guessed;
  const mapping: ColumnMapping = {};
  for (const field of MAPPING_FIELDS) {
    const items = [{ label: '(none)', header: '' }, ...headers.map((h) => ({ label: h, header: h }))];
    const picked = await vscode.window.showQuickPick(items.map((i) => ({ ...i, picked: guessed[field] === i.header, description: guessed[field] === i.header ? 'guessed' : undefined })), {
      placeHolder: `Column for ${FIELD_LABELS[field]}`, ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    if (picked.header) mapping[field] = picked.header;
  }
  return mapping;
}

export const importCommands: CommandTable = {
  /** `options.assumeYes` skips the confirmation and the mapping questions (for keybindings and tests); the preview still opens. */
  'rapport.importContacts': withVault(async ({ host, session }, file?: vscode.Uri, options?: { assumeYes?: boolean }) => {
    const yes = options?.assumeYes === true;
    const uri = file ?? (await vscode.window.showOpenDialog({
      canSelectMany: false, openLabel: 'Import',
      filters: { 'Contacts (LinkedIn CSV, vCard, CSV)': ['csv', 'vcf', 'vcard'], 'All files': ['*'] },
      title: 'Import contacts from LinkedIn (Connections.csv), a phone (.vcf) or a spreadsheet (.csv)',
    }))?.[0];
    if (!uri) return undefined;
    const fileName = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const read = await host.env.readImportFile(uri);
    if (read.kind !== 'text') {
      const why = read.kind === 'too-large' ? 'it is too large' : read.kind === 'binary' ? 'it is not a text file' : read.kind === 'error' ? read.message : 'it could not be read';
      void vscode.window.showErrorMessage(`Rapport: cannot import ${fileName}: ${why}.`);
      return undefined;
    }
    const remembered = await host.env.loadRememberedMapping(session.rootUri);
    let result = readImport(fileName, read.text, { bytes: read.bytes, remembered: remembered.mapping });
    let mappingToRemember: ColumnMapping | null = null;
    if (result.ok && result.format === 'csv' && result.headers && !remembered.mapping && !yes) {
      const confirmed = await confirmMapping(result.headers, result.mapping ?? {});
      if (!confirmed) return undefined;
      result = readImport(fileName, read.text, { bytes: read.bytes, remembered: confirmed });
      mappingToRemember = confirmed;
    } else if (!result.ok && result.headers && !yes) {
      const confirmed = await confirmMapping(result.headers, {});
      if (!confirmed) return undefined;
      result = readImport(fileName, read.text, { bytes: read.bytes, remembered: confirmed });
      mappingToRemember = confirmed;
    }
    if (!result.ok) {
      void vscode.window.showErrorMessage(`Rapport: cannot import ${fileName}: ${result.message}.`);
      return undefined;
    }
    const plan = planImport(result.parsed.people, session.vault, session.today, { issues: result.parsed.issues });
    const preview = await vscode.workspace.openTextDocument({ language: 'markdown', content: previewText(fileName, FORMAT_LABELS[result.format], plan) });
    await vscode.window.showTextDocument(preview, { preview: true });
    if (plan.create.length === 0) {
      void vscode.window.showInformationMessage(`Rapport: nothing new to import (${plan.existing.length} already in the vault, ${plan.skipped.length} skipped).`);
      return plan;
    }
    const go = yes ? 'Import' : await vscode.window.showInformationMessage(
      `Import ${plan.create.length} new contact${plan.create.length === 1 ? '' : 's'} into contacts/? ${plan.existing.length} already in the vault and ${plan.skipped.length} skipped rows are left alone; no note is overwritten.`,
      { modal: true }, 'Import');
    if (go !== 'Import') return plan;
    const written = await host.env.writeNewNotes(session.rootUri, plan.create);
    if (mappingToRemember) await host.env.rememberMapping(session.rootUri, mappingToRemember);
    const failed = written.failed.length > 0 ? ` ${written.failed.length} failed: ${written.failed.map((f) => `${f.path} (${f.reason})`).join('; ')}.` : '';
    void vscode.window.showInformationMessage(`Rapport: imported ${written.written.length} contact${written.written.length === 1 ? '' : 's'}.${failed}`);
    return plan;
  }),
};
