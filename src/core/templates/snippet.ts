/**
 * VS Code snippet syntax gives `$`, `}` and `\` a meaning. Everything that is not a
 * tab stop we made — template text, a contact's name, a field label — goes through
 * here, so `O'Brien $1 ${x}` is inserted as written, never as a tab stop or variable.
 */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** `${n:label}`; the label is escaped too, since it sits inside the braces. */
export function snippetTabStop(index: number, label: string): string {
  return `\${${index}:${escapeSnippetText(label)}}`;
}
