/**
 * Helpers shared by the template tests. Not a test file itself (no `.test.ts`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Vault } from '../../src/core/vault';
import { MemoryFs } from '../../src/core/vaultFs';
import type { TemplateFile } from '../../src/core/templates';

export const REPO = path.join(__dirname, '..', '..');

export function builtinFiles(): TemplateFile[] {
  const dir = path.join(REPO, 'templates');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort()
    .map((f) => ({ path: `templates/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** Reads a folder of notes into a MemoryFs, so the sample vault is tested without touching the disk again. */
export function filesOf(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const stack = [''];
  while (stack.length > 0) {
    const rel = stack.pop()!;
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) stack.push(r);
      else if (e.name.endsWith('.md')) out[r] = fs.readFileSync(path.join(root, r), 'utf8');
    }
  }
  return out;
}

/** One contact per role, plus the awkward cases: no title, a surname particle, a name only in the file name, a hostile name. */
export const ROLE_VAULT: Record<string, string> = {
  'profile.md': '---\nname: Alex Chen\nschool: Northfield School of Medicine\nyear: M3\ninterests: [microsurgery, hand surgery]\nemail: alex@northfield.example\n---\n',
  'conferences/asps-2026.md': '---\nname: ASPS 2026\nstart: 2026-10-09\nend: 2026-10-12\nlocation: San Diego\n---\n',
  'rotations/lakeside-away.md': '---\nname: Lakeside Away Rotation\nkind: away\ninstitution: Lakeside Medical Center\nstart: 2026-11-02\nend: 2026-11-27\n---\n',
  'programs/lakeside.md': '---\nname: Lakeside Plastic Surgery\ninstitution: Lakeside Medical Center\n---\n',
  'contacts/faculty.md': '---\nname: Jane Smith\ntitle: Dr.\nrole: faculty\ninstitution: UCSF\nmet_at: "[[ASPS 2026]]"\n---\n',
  'contacts/resident.md': '---\nname: Omar Haddad\ntitle: Dr.\nrole: resident\nprogram: "[[Lakeside Plastic Surgery]]"\nmet_at: "[[Lakeside Away Rotation]]"\n---\n',
  'contacts/pd.md': '---\nname: Maria de la Cruz, MD\ntitle: Dr.\nrole: program-director\nprogram: "[[Lakeside Plastic Surgery]]"\n---\n',
  'contacts/apd.md': '---\nname: Ravi Patel\nrole: associate-program-director\n---\n',
  'contacts/chair.md': '---\nname: Prof. Hans van der Berg\ntitle: Professor\nrole: chair\n---\n',
  'contacts/coordinator.md': '---\nname: Linda Marsh\nrole: coordinator\ninstitution: Lakeside Medical Center\n---\n',
  'contacts/student.md': '---\nname: Sam Lee\nrole: student\nmet_at: Regional meeting\n---\n',
  'contacts/researcher.md': '---\nname: Kim Park\nrole: researcher\n---\n',
  'contacts/other.md': '---\nname: Jo Bloggs\nrole: other\n---\n',
  'contacts/no-role.md': '---\nname: Pat Nobody\n---\n',
  'contacts/from-file-name.md': '---\nrole: faculty\n---\n',
  'contacts/hostile.md': '---\nname: "O\'Brien $1 ${x} }} {{contact.name}} \\\\ *bold*"\ntitle: "Dr."\nrole: faculty\n---\n',
};

export async function vaultOf(files: Record<string, string>): Promise<Vault> {
  const vault = new Vault(new MemoryFs(files), { yieldToHost: () => Promise.resolve() });
  await vault.scan();
  return vault;
}

export interface SnippetParse {
  /** The text with every tab stop replaced by its default. */
  text: string;
  /** Tab stop number → the default texts it appears with, in order. */
  stops: Map<number, string[]>;
  /** Offset of `$0` in `text`, or -1. */
  final: number;
}

/**
 * A strict reader of VS Code snippet syntax, enough to check what `toSnippet` makes:
 * `\$ \} \\` escapes, `$n`, `${n}`, `${n:default}` (default may hold escapes). A
 * variable (`$NAME`), a choice, or a `$`/`}` that is not escaped is an error, because
 * VS Code would treat it as syntax and the student would not get the text they expect.
 */
export function parseSnippet(snippet: string): SnippetParse {
  let text = '';
  const stops = new Map<number, string[]>();
  let final = -1;
  let i = 0;
  const readEscaped = (stopAt: string | null): string => {
    let out = '';
    while (i < snippet.length) {
      const c = snippet[i];
      if (c === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1])) {
        out += snippet[i + 1];
        i += 2;
        continue;
      }
      if (stopAt !== null && c === stopAt) return out;
      if (c === '$') {
        if (stopAt !== null) throw new Error(`unescaped '$' in a placeholder default at ${i}`);
        return out;
      }
      if (c === '}') throw new Error(`unescaped '}' at ${i}`);
      out += c;
      i++;
    }
    if (stopAt !== null) throw new Error('placeholder not closed');
    return out;
  };
  while (i < snippet.length) {
    text += readEscaped(null);
    if (i >= snippet.length) break;
    // at a '$'
    const simple = /^\$(\d+)/.exec(snippet.slice(i));
    const braced = /^\$\{(\d+)(:|\})/.exec(snippet.slice(i));
    if (simple) {
      const n = Number(simple[1]);
      i += simple[0].length;
      if (n === 0) final = text.length;
      else stops.set(n, [...(stops.get(n) ?? []), '']);
    } else if (braced) {
      const n = Number(braced[1]);
      i += braced[0].length;
      let value = '';
      if (braced[2] === ':') {
        value = readEscaped('}');
        i++; // the closing brace
      }
      if (n === 0) final = text.length;
      stops.set(n, [...(stops.get(n) ?? []), value]);
      text += value;
    } else {
      throw new Error(`'$' that is neither escaped nor a tab stop at ${i}: ${snippet.slice(i, i + 20)}`);
    }
  }
  return { text, stops, final };
}
