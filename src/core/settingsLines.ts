/**
 * Where in a settings file (JSON) a problem lies, so it shows on its line and not on
 * line 1: the key a message names (`'rules.keep-in-touch.severity'` → `"severity"` after
 * `"keep-in-touch"`), or the position a JSON parse error gives. Line 0 when unsure.
 */
export function settingsProblemLine(text: string, message: string): number {
  const position = /\bposition (\d+)/.exec(message);
  if (position) return lineAt(text, Math.min(Number(position[1]), text.length));
  const quoted = /'([A-Za-z][\w.-]*)'/.exec(message);
  if (!quoted) return 0;
  let from = 0;
  let found = -1;
  // Each part of a dotted key is looked for after the previous one: nested keys resolve in order.
  for (const part of quoted[1].split('.')) {
    const at = keyOffset(text, part, from);
    if (at === -1) break;
    found = at;
    from = at + part.length;
  }
  return found === -1 ? 0 : lineAt(text, found);
}

/** The offset of `"key"` used as a key (a colon follows), from `from` on; -1 when absent. Linear in the text. */
function keyOffset(text: string, key: string, from: number): number {
  const needle = `"${key}"`;
  for (let at = text.indexOf(needle, from); at !== -1; at = text.indexOf(needle, at + 1)) {
    let i = at + needle.length;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r' || text[i] === '\n')) i++;
    if (text[i] === ':') return at;
  }
  return -1;
}

function lineAt(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
