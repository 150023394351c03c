import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseNote } from '../../src/core/parseNote';
import { INTERACTION_KINDS } from '../../src/core/types';

const REPO = path.join(__dirname, '..', '..');

interface Rule {
  match?: string;
  name?: string;
  include?: string;
  captures?: Record<string, { name: string }>;
}
interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

const grammar = JSON.parse(fs.readFileSync(path.join(REPO, 'syntaxes', 'rapport.injection.tmLanguage.json'), 'utf8')) as Grammar;

/**
 * TextMate uses Oniguruma; these patterns keep to the part of its syntax JavaScript shares
 * (fixed-length lookbehind alternatives, no inline flags), so compiling them here catches
 * typos, and running them shows what each scope covers.
 */
function regex(name: string): RegExp {
  const rule = grammar.repository[name];
  assert.ok(rule?.match, `rule ${name}`);
  return new RegExp(rule.match, 'gu');
}

function captured(name: string, line: string): Record<string, string>[] {
  const rule = grammar.repository[name];
  const out: Record<string, string>[] = [];
  for (const m of line.matchAll(regex(name))) {
    const groups: Record<string, string> = {};
    for (const [n, c] of Object.entries(rule.captures ?? {})) if (m[Number(n)] !== undefined) groups[c.name] = m[Number(n)];
    out.push(groups);
  }
  return out;
}

describe('injection grammar', () => {
  it('is injected into markdown, outside code, under its own scope name', () => {
    assert.strictEqual(grammar.scopeName, 'rapport.injection');
    assert.match(grammar.injectionSelector, /^L:text\.html\.markdown\b/);
    assert.match(grammar.injectionSelector, /-markup\.fenced_code/);
    assert.match(grammar.injectionSelector, /-markup\.inline\.raw/);
  });

  it('includes only rules that exist, each compiling, with captures inside its groups and scopes ending in .rapport', () => {
    for (const p of grammar.patterns) {
      assert.ok(p.include?.startsWith('#'), JSON.stringify(p));
      assert.ok(grammar.repository[p.include!.slice(1)], `missing rule ${p.include}`);
    }
    for (const [name, rule] of Object.entries(grammar.repository)) {
      const groups = new RegExp(`${rule.match}|`, 'u').exec('')!.length - 1;
      assert.ok(rule.name?.endsWith('.rapport'), name);
      for (const [n, c] of Object.entries(rule.captures ?? {})) {
        assert.ok(Number(n) >= 1 && Number(n) <= groups, `${name}: capture ${n} of ${groups}`);
        assert.match(c.name, /^(variable|constant|keyword|punctuation|meta)\.[a-z.-]+\.rapport$/, `${name}: ${c.name}`);
      }
    }
  });

  it('scopes placeholders as variables', () => {
    assert.deepStrictEqual(captured('placeholder', 'Dear {{contact.greetingName}}, about {{specific detail}} {{}} {{a{b}}'), [
      { 'punctuation.definition.placeholder.begin.rapport': '{{', 'variable.other.placeholder.rapport': 'contact.greetingName', 'punctuation.definition.placeholder.end.rapport': '}}' },
      { 'punctuation.definition.placeholder.begin.rapport': '{{', 'variable.other.placeholder.rapport': 'specific detail', 'punctuation.definition.placeholder.end.rapport': '}}' },
    ]);
  });

  it('scopes an interaction log entry\'s date and kind, for every kind, only after a list marker', () => {
    for (const kind of INTERACTION_KINDS) {
      assert.deepStrictEqual(captured('interaction', `- 2026-10-12 ${kind}: text`), [
        { 'constant.numeric.date.rapport': '2026-10-12', 'keyword.other.interaction.rapport': kind, 'punctuation.separator.interaction.rapport': ':' },
      ], kind);
    }
    assert.deepStrictEqual(captured('interaction', '  * 2026-10-12 — followed up — nudge')[0]?.['keyword.other.interaction.rapport'], 'followed up');
    assert.deepStrictEqual(captured('interaction', 'Met on 2026-10-12 met: x'), []);
    assert.deepStrictEqual(captured('interaction', '- 2026-10-12 metropolis'), []);
  });

  it('scopes task due dates in both notations', () => {
    assert.deepStrictEqual(captured('due-emoji', '- [ ] Send thanks 📅 2026-10-24')[0]?.['constant.numeric.date.due.rapport'], '2026-10-24');
    assert.deepStrictEqual(captured('due-emoji', '- [ ] Send thanks 📅\uFE0F2026-10-24')[0]?.['constant.numeric.date.due.rapport'], '2026-10-24');
    assert.deepStrictEqual(captured('due-field', '- [ ] Send [due:: 2026-10-24]')[0]?.['constant.numeric.date.due.rapport'], '2026-10-24');
  });
});

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

describe('markdown snippets', () => {
  const snippets = JSON.parse(fs.readFileSync(path.join(REPO, 'snippets', 'markdown.json'), 'utf8')) as Record<string, Snippet>;

  it('have unique prefixes, a description and a body', () => {
    const prefixes = Object.values(snippets).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
    assert.strictEqual(new Set(prefixes).size, prefixes.length, 'duplicate prefix');
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(s.description && s.body.length > 0, name);
      const body = Array.isArray(s.body) ? s.body.join('\n') : s.body;
      // Every `$` starts a tab stop, a choice or a date variable: a stray one would swallow text.
      for (const m of body.matchAll(/\$(\{?)([A-Za-z_]+|\d+)/g)) {
        if (/^[A-Za-z_]/.test(m[2])) assert.ok(['CURRENT_YEAR', 'CURRENT_MONTH', 'CURRENT_DATE'].includes(m[2]), `${name}: $${m[2]}`);
      }
    }
  });

  it('give a log line for every interaction kind, dated today, that Rapport reads', () => {
    for (const kind of INTERACTION_KINDS) {
      const s = Object.values(snippets).find((x) => (Array.isArray(x.prefix) ? x.prefix : [x.prefix]).includes(`log-${kind}`));
      assert.ok(s, kind);
      const line = (Array.isArray(s.body) ? s.body.join('\n') : s.body)
        .replace('$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE', '2026-10-12').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace('$0', '');
      assert.match(line, new RegExp(`^- 2026-10-12 ${kind}: \\S`));
      assert.strictEqual(captured('interaction', line)[0]?.['keyword.other.interaction.rapport'], kind);
    }
  });

  it('include the contact skeleton, the follow-up task and the three short emails', () => {
    const prefixes = Object.values(snippets).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
    for (const p of ['rapport-contact', 'rapport-task', 'rapport-email-conference', 'rapport-email-follow-up', 'rapport-email-thanks']) {
      assert.ok(prefixes.includes(p), p);
    }
    const skeleton = Object.values(snippets).find((s) => s.prefix.includes('rapport-contact'))!;
    const expanded = (skeleton.body as string[]).join('\n')
      .replace(/\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE/g, '2026-10-12')
      .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\{\d+\}|\$\d+/g, '');
    const note = parseNote('contacts/x.md', expanded);
    assert.strictEqual(note.kind, 'contact');
    assert.deepStrictEqual(note.problems.filter((p) => p.code !== 'unresolved-link'), []);
    assert.strictEqual(note.name, 'Full name');
    assert.deepStrictEqual(note.interactions.map((i) => [i.date, i.kind]), [['2026-10-12', 'met']]);
    const task = Object.values(snippets).find((s) => s.prefix.includes('rapport-task'))!;
    assert.match(String(task.body), /^- \[ \] .*📅 \$\{2:\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE\}/);
  });
});
