import { singleLine } from './fields';
import { articleFor } from './names';
import { fieldLabel, placeholderPattern, readableLabel, segmentsOf, type Segment } from './placeholders';
import { renderPlainText } from './plainText';
import { escapeSnippetText, snippetTabStop } from './snippet';
import type { Template, TemplateFields } from './types';

export interface FilledTemplate {
  /** The subject with fields filled, or null for templates without one. */
  subject: string | null;
  /** Plain text, ready to paste into an email. Unknown fields read `[field name]`. */
  body: string;
  /** Labels of the fields Rapport could not fill, in order of first use. */
  missing: string[];
}

export interface SnippetOptions {
  /** Start with a `Subject: …` line and a blank line (default true when the template has a subject). */
  subject?: boolean;
}

/** Fills a template as plain text. */
export function fillTemplate(template: Template, fields: TemplateFields): FilledTemplate {
  const lookup = lookupOf(fields);
  const missing = new Map<string, string>();
  const render = (segments: Segment[]) => joinSegments(segments, lookup, (s) => s, (seg) => {
    if (!missing.has(seg.key)) missing.set(seg.key, seg.label);
    return `[${readableLabel(missing.get(seg.key)!)}]`;
  });
  const subject = template.subject === null ? null : render(segmentsOf(template.subject));
  const body = render(bodySegments(template.body));
  return { subject, body, missing: [...missing.values()] };
}

/**
 * Fills a template as a VS Code snippet string: each field Rapport does not know is a
 * tab stop whose default text is the field's name (the same field is the same tab stop
 * everywhere, so typing it once fills every use), known values and all template text are
 * escaped, and the cursor ends at `$0`. Pure: the extension wraps it in `vscode.SnippetString`.
 */
export function toSnippet(template: Template, fields: TemplateFields, options: SnippetOptions = {}): string {
  const lookup = lookupOf(fields);
  // One number and one default text per field: `{{topic}}` and `{{ Topic }}` are the same tab stop.
  const stops = new Map<string, { n: number; label: string }>();
  const render = (segments: Segment[]) => joinSegments(segments, lookup, escapeSnippetText, (seg) => {
    let stop = stops.get(seg.key);
    if (stop === undefined) stops.set(seg.key, (stop = { n: stops.size + 1, label: readableLabel(seg.label) }));
    return snippetTabStop(stop.n, stop.label);
  });
  const withSubject = (options.subject ?? true) && template.subject !== null;
  const subject = withSubject ? `Subject: ${render(segmentsOf(template.subject!))}\n\n` : '';
  return `${subject}${render(bodySegments(template.body))}$0`;
}

/** The fields a template uses, by label, in order of first use (subject first). */
export function fieldsUsed(template: Template): string[] {
  const seen = new Map<string, string>();
  for (const seg of [...segmentsOf(template.subject ?? ''), ...segmentsOf(template.body)]) {
    if (seg.kind === 'field' && !seen.has(seg.key)) seen.set(seg.key, seg.label);
  }
  return [...seen.values()];
}

function lookupOf(fields: TemplateFields): Map<string, string> {
  const map = new Map<string, string>();
  // Values may come from anywhere (a caller's own map): one line each, so a subject can never grow a header.
  for (const [name, value] of Object.entries(fields)) {
    const clean = typeof value === 'string' ? singleLine(value) : '';
    if (clean !== '') map.set(fieldLabel(name).toLowerCase(), clean); // empty is unknown: a tab stop, not a gap
  }
  return map;
}

function joinSegments(
  segments: Segment[],
  lookup: Map<string, string>,
  literal: (text: string) => string,
  unknown: (seg: Extract<Segment, { kind: 'field' }>) => string,
): string {
  const out: string[] = [];
  // Raw text of the literal just before each field, for the a/an fix.
  let previous = '';
  for (const seg of segments) {
    if (seg.kind === 'text') {
      out.push(literal(seg.text));
      previous = seg.text;
      continue;
    }
    const value = lookup.get(seg.key);
    if (value === undefined) {
      out.push(unknown(seg));
    } else {
      const article = /(^|[^\p{L}\p{N}_])(an?|An?|AN?) $/u.exec(previous);
      if (article && out.length > 0) {
        const wanted = articleFor(value);
        const written = article[2];
        const fixed = written === written.toUpperCase() && written.length > 1 ? wanted.toUpperCase()
          : written[0] === 'A' ? wanted[0].toUpperCase() + wanted.slice(1) : wanted;
        if (fixed !== written) {
          const raw = previous.slice(0, previous.length - written.length - 1) + fixed + ' ';
          out[out.length - 1] = literal(raw);
        }
      }
      out.push(literal(value));
    }
    previous = '';
  }
  return out.join('');
}

/**
 * The body as plain text, split at its fields. Fields are swapped for inert tokens
 * before the markdown is rendered, so a value with `*` or `_` in it (or a field name
 * with them) is never read as markdown, and a field inside a link URL survives.
 */
function bodySegments(body: string): Segment[] {
  let prefix = 'rpf';
  while (body.includes(prefix)) prefix += 'q';
  const found: Extract<Segment, { kind: 'field' }>[] = [];
  const tokenised = body.replace(placeholderPattern(), (whole: string) => {
    const segs = segmentsOf(whole);
    const seg = segs.length === 1 && segs[0].kind === 'field' ? segs[0] : null;
    if (!seg) return whole;
    found.push(seg);
    return `${prefix}${found.length - 1}x`;
  });
  const plain = renderPlainText(tokenised);
  const out: Segment[] = [];
  const re = new RegExp(`${prefix}(\\d+)x`, 'g');
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(plain)) !== null) {
    const seg = found[Number(m[1])];
    if (!seg) continue;
    if (m.index > last) out.push({ kind: 'text', text: plain.slice(last, m.index) });
    out.push(seg);
    last = m.index + m[0].length;
  }
  if (last < plain.length) out.push({ kind: 'text', text: plain.slice(last) });
  return out;
}
