/**
 * The line of a settings file a settings message is about, so a mistake shows where it
 * is. The message names its key as `'key'` or `'rules.code.field'` (an unknown rule as
 * `Unknown rule 'code'`); the JSON text is scanned once, linearly, for that key path.
 * 0-based; 0 when the key cannot be found.
 */
export function settingsMessageLine(text: string, message: string): number {
  const quoted = /'([^'\r\n]{1,200})'/.exec(message);
  if (!quoted) return 0;
  const path = message.startsWith('Unknown rule ') ? ['rules', quoted[1]] : quoted[1].split('.');
  return jsonKeyLine(text, path);
}

/** The 0-based line of the key at `path` (object keys from the top) in JSON `text`, or 0. */
export function jsonKeyLine(text: string, path: readonly string[]): number {
  const stack: (string | null)[] = [];
  let line = 0;
  let best = 0;
  let bestDepth = 0;
  let lastKey: { key: string; line: number } | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) {
      // A string: read it (escapes kept simple: only \" and \\ matter for its end).
      let j = i + 1;
      let value = '';
      while (j < text.length && text.charCodeAt(j) !== 34) {
        const escaped = text.charCodeAt(j) === 92;
        if (text.charCodeAt(j) === 10) line++;
        // Keys are short: a long string is skipped, not copied.
        if (value.length < 400) value += escaped ? text[j + 1] ?? '' : text[j];
        j += escaped ? 2 : 1;
      }
      let k = j + 1;
      while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r' || text[k] === '\n')) k++;
      if (text[k] === ':') {
        lastKey = { key: value, line };
        const depth = stack.length;
        let matches = depth >= 1 && depth <= path.length && value === path[depth - 1];
        for (let d = 1; matches && d < depth; d++) matches = stack[d] === path[d - 1];
        if (matches && depth > bestDepth) {
          best = line;
          bestDepth = depth;
        }
      }
      i = j;
    } else if (c === 123 || c === 91) {
      stack.push(c === 123 ? lastKey?.key ?? null : null);
      lastKey = null;
    } else if (c === 125 || c === 93) {
      stack.pop();
      lastKey = null;
    } else if (c === 44) lastKey = null;
  }
  return best;
}
