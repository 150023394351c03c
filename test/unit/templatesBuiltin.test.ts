import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FOLLOW_UP_RULE_CODES, buildRegistry, fillTemplate, parseTemplate, templateFields, toSnippet, type Template } from '../../src/core/templates';
import { readableLabel } from '../../src/core/templates/placeholders';
import type { ContactNote } from '../../src/core/types';
import type { Vault } from '../../src/core/vault';
import { REPO, ROLE_VAULT, builtinFiles, filesOf, parseSnippet, vaultOf } from './templatesSupport';

const TODAY = '2026-10-14';
const SAMPLE_VAULT = path.join(REPO, 'examples', 'vault');

function builtins(): Template[] {
  const registry = buildRegistry(builtinFiles(), []);
  assert.deepStrictEqual(registry.problems.map((p) => `${p.path}: ${p.problem.message}`), []);
  return registry.all();
}

/** The guide's scripts and situations, by the id of the template that carries each. */
const REQUIRED = [
  'intro-meeting-request', 'resident-career-chat', 'research-inquiry', 'conference-approach', 'ask-to-follow-up',
  'conference-follow-up', 'poster-overview', 'polite-follow-up', 'pre-rotation', 'mid-rotation-feedback',
  'end-of-rotation-interest', 'rotation-thank-you', 'eras-update', 'mentor-meeting-agenda', 'social-media-comment',
  'virtual-open-house-thank-you', 'remote-research-proposal', 'keep-in-touch', 'reply',
];

async function vaults(): Promise<[string, Vault][]> {
  const out: [string, Vault][] = [['role vault', await vaultOf(ROLE_VAULT)]];
  if (fs.existsSync(SAMPLE_VAULT)) out.push(['examples/vault', await vaultOf(filesOf(SAMPLE_VAULT))]);
  return out;
}

describe('built-in templates', () => {
  it('parse without a single problem and include every script the guide gives', () => {
    const ids = builtins().map((t) => t.id);
    for (const id of REQUIRED) assert.ok(ids.includes(id), `missing built-in '${id}'`);
    assert.ok(ids.length >= REQUIRED.length);
  });

  it('cover every follow-up rule that calls for a message', () => {
    const fitted = new Set(builtins().flatMap((t) => t.fits));
    // attempts-exhausted and post-interview-contact mean "stop writing" (the latter is the ACEPS
    // post-interview policy): no template answers them. interview-prep is reading, not a message.
    const silent = ['attempts-exhausted', 'post-interview-contact', 'interview-prep'];
    for (const code of FOLLOW_UP_RULE_CODES.filter((c) => !silent.includes(c))) assert.ok(fitted.has(code), `no template fits ${code}`);
  });

  it('exist for every template id a follow-up rule names', () => {
    const dir = path.join(REPO, 'src', 'core', 'rules');
    if (!fs.existsSync(dir)) return;
    const ids = new Set(builtins().map((t) => t.id));
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const m of text.matchAll(/\btemplate: '([a-z0-9-]+)'/g)) assert.ok(ids.has(m[1]), `${file} names template '${m[1]}', which does not exist`);
      for (const m of text.matchAll(/return '([a-z0-9-]+)';/g)) {
        if (/function templateFor/.test(text)) assert.ok(ids.has(m[1]), `${file} returns template '${m[1]}', which does not exist`);
      }
    }
  });

  it('are short, have a subject when they are emails, and attach a CV only for the remote research proposal', () => {
    for (const t of builtins()) {
      const words = t.body.split(/\s+/).length;
      if (t.kind === 'email') {
        assert.ok(t.subject, `${t.id} has no subject`);
        assert.ok(words <= 200, `${t.id} is ${words} words; busy surgeons appreciate brevity`);
      }
      const attachesCv = /attached my CV|CV attached|attach(ing)? my CV/i.test(t.body);
      assert.strictEqual(attachesCv, t.id === 'remote-research-proposal', `${t.id}: CV only when asked or clearly relevant`);
      assert.ok(!/\{\{\s*\}\}/.test(t.body), `${t.id} has an empty placeholder`);
    }
  });

  it('fill for every contact of every role and of the sample vault, leaving no {{ behind', async () => {
    let checked = 0;
    const all = builtins();
    for (const [label, vault] of await vaults()) {
      const contacts = vault.contacts();
      assert.ok(contacts.length >= 5, `${label} has contacts`);
      for (const contact of contacts) {
        const fields = templateFields(vault, contact, vault.profile(), TODAY);
        // A hostile name may itself contain "{{"; it must come through literally, never be filled again.
        const hostile = /[{}$\\]/.test(contact.name);
        for (const t of all) {
          const filled = fillTemplate(t, fields);
          const text = `${filled.subject ?? ''}\n${filled.body}`;
          if (!hostile) assert.ok(!/\{\{|\}\}/.test(text), `${label} ${contact.path} ${t.id}: stray braces in\n${text}`);
          for (const m of filled.missing) assert.ok(text.includes(`[${readableLabel(m)}]`));
          if (t.body.includes('{{contact.greetingName}}')) assert.ok(text.includes(fields['contact.greetingName']), `${t.id} greets ${contact.name}`);
          if (t.kind === 'email') assert.ok(!filled.missing.includes('me.name'), `${label}: profile name is known`);

          const parsed = parseSnippet(toSnippet(t, fields));
          assert.ok(!hostile ? !parsed.text.includes('{{') : true);
          assert.strictEqual(parsed.final, parsed.text.length);
          assert.strictEqual(parsed.stops.size, filled.missing.length, `${t.id}: one tab stop per missing field`);
          checked++;
        }
      }
    }
    assert.ok(checked > 300, `checked ${checked} fills`);
  });

  it('insert a hostile name literally in both plain text and snippet', async () => {
    const vault = await vaultOf(ROLE_VAULT);
    const contact = vault.get('contacts/hostile.md') as ContactNote;
    const fields = templateFields(vault, contact, vault.profile(), TODAY);
    const t = builtins().find((x) => x.id === 'conference-follow-up')!;
    const name = "O'Brien $1 ${x} }} {{contact.name}} \\ *bold*";
    assert.strictEqual(contact.name, name);
    assert.ok(fillTemplate(t, fields).body.startsWith(`Dear Dr. ${name},`) === false, 'the surname is the last word');
    assert.ok(fillTemplate(t, fields).body.startsWith('Dear Dr. *bold*,'));
    const greetName = { ...fields, 'contact.greetingName': name };
    assert.ok(fillTemplate(t, greetName).body.startsWith(`Dear ${name},`));
    assert.ok(parseSnippet(toSnippet(t, greetName)).text.includes(`Dear ${name},`));
  });

  it('read the same through parseTemplate as a built-in and as a vault copy (so a copy is a working override)', () => {
    for (const f of builtinFiles()) {
      const a = parseTemplate(f.path, f.text, 'builtin');
      const b = parseTemplate(f.path, f.text, 'vault');
      assert.deepStrictEqual({ ...a.template, source: 'vault' }, b.template);
    }
  });
});
