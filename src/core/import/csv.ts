import type { ImportIssue } from './types';

/** One record of a CSV file and the 1-based line it starts on (a quoted field may span lines). */
export interface CsvRow {
  fields: string[];
  line: number;
}

export interface CsvResult {
  rows: CsvRow[];
  issues: ImportIssue[];
}

export interface CsvOptions {
  /** Field separator; `,` unless the caller sniffed another. */
  delimiter?: string;
  /** Line number of the text's first line, when the text is a slice of a larger file. */
  firstLine?: number;
}

/**
 * An RFC 4180 reader that is lenient where spreadsheets are sloppy: any line ending
 * (CRLF, LF, lone CR), a leading BOM, a quote inside an unquoted field kept as text,
 * text after a closing quote appended. Blank lines and rows of empty fields (`,,,`,
 * which spreadsheets leave at the end) are not records. The one fatal
 * error is a quote that never closes: rows before it are kept and it is reported.
 * Linear in the input: one pass, no backtracking.
 */
export function parseCsv(input: string, options: CsvOptions = {}): CsvResult {
  const delimiter = options.delimiter ?? ',';
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: CsvRow[] = [];
  const issues: ImportIssue[] = [];
  const n = text.length;
  let line = options.firstLine ?? 1;
  let i = 0;

  let fields: string[] = [];
  let rowLine = line;
  let rowHasContent = false;

  const endRow = (): void => {
    if (rowHasContent) rows.push({ fields, line: rowLine });
    fields = [];
    rowHasContent = false;
  };

  while (i <= n) {
    if (fields.length === 0 && !rowHasContent) rowLine = line;
    if (i < n && text[i] === '"') {
      // Quoted field: runs to the next quote not doubled, across line breaks.
      const openLine = line;
      let value = '';
      let j = i + 1;
      let closed = false;
      while (j < n) {
        const q = text.indexOf('"', j);
        const chunk = text.slice(j, q === -1 ? n : q);
        line += countLineBreaks(chunk);
        value += chunk;
        if (q === -1) {
          j = n;
          break;
        }
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        closed = true;
        break;
      }
      if (!closed) {
        issues.push({
          line: openLine,
          reason: `a quoted field opened on line ${openLine} is never closed, so the rest of the file from line ${rowLine} was not read; add the missing " and import again`,
        });
        return { rows, issues };
      }
      // Tolerate `"abc"def`: keep the stray text rather than lose it.
      const rest = readUnquoted(text, j, delimiter);
      fields.push(value + rest.value);
      rowHasContent = true;
      i = rest.end;
    } else {
      const field = readUnquoted(text, i, delimiter);
      fields.push(field.value);
      if (field.value !== '') rowHasContent = true;
      i = field.end;
    }
    // Now at a delimiter, a line break or the end.
    if (i >= n) {
      endRow();
      break;
    }
    const c = text[i];
    if (c === delimiter) {
      i++;
      if (i === n) {
        fields.push('');
        endRow();
        break;
      }
      continue;
    }
    // A line break: CRLF, LF or lone CR.
    i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line++;
    endRow();
    if (i === n) break;
  }
  return { rows, issues };
}

function readUnquoted(text: string, start: number, delimiter: string): { value: string; end: number } {
  let j = start;
  const n = text.length;
  while (j < n) {
    const c = text[j];
    if (c === delimiter || c === '\n' || c === '\r') break;
    j++;
  }
  return { value: text.slice(start, j), end: j };
}

function countLineBreaks(chunk: string): number {
  let count = 0;
  for (let k = 0; k < chunk.length; k++) {
    const c = chunk.charCodeAt(k);
    if (c === 10) count++;
    else if (c === 13) {
      count++;
      if (chunk.charCodeAt(k + 1) === 10) k++;
    }
  }
  return count;
}

/**
 * Rows whose field count differs from the header's are reported and left out: a
 * shifted row would put an email in the position column, which is worse than asking.
 */
export function checkRowWidths(rows: readonly CsvRow[], width: number): { rows: CsvRow[]; issues: ImportIssue[] } {
  const kept: CsvRow[] = [];
  const issues: ImportIssue[] = [];
  for (const row of rows) {
    if (row.fields.length === width) kept.push(row);
    else {
      issues.push({
        line: row.line,
        reason: `row has ${row.fields.length} field${row.fields.length === 1 ? '' : 's'} but the header has ${width}; check for an unquoted comma or a missing quote`,
      });
    }
  }
  return { rows: kept, issues };
}

/** Picks `,`, `;` or tab by counting them, outside quotes, on the first non-blank line. */
export function sniffDelimiter(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of firstLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c in counts) counts[c]++;
  }
  let best = ',';
  for (const d of [';', '\t']) if (counts[d] > counts[best]) best = d;
  return best;
}
