import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULE_DESCRIPTORS, allParams } from '../../src/core/rules/catalog';
import type { RuleDescriptor } from '../../src/core/rules/descriptor';
import { DEFAULT_SETTINGS, mergeSettings } from '../../src/core/settings';
import { buildRegistry } from '../../src/core/templates';
import { generatedManifest, generatedReadme } from '../../scripts/generate-docs';
import { REPO, builtinFiles } from './templatesSupport';

const RULES_DIR = path.join(REPO, 'src', 'core', 'rules');
const descriptors: readonly RuleDescriptor[] = RULE_DESCRIPTORS;

describe('rule descriptors: a rule is one file', () => {
  it('every rule file in src/core/rules is registered in the catalog, once', () => {
    const catalog = fs.readFileSync(path.join(RULES_DIR, 'catalog.ts'), 'utf8');
    const declared: string[] = [];
    for (const file of fs.readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts'))) {
      const text = fs.readFileSync(path.join(RULES_DIR, file), 'utf8');
      for (const m of text.matchAll(/export const (\w+) = defineRule\(/g)) declared.push(m[1]);
    }
    assert.ok(declared.length >= 10);
    for (const name of declared) assert.match(catalog, new RegExp(`^  ${name},$`, 'm'), `${name} is not in RULE_DESCRIPTORS (src/core/rules/catalog.ts)`);
    assert.strictEqual(descriptors.length, declared.length);
    assert.strictEqual(new Set(descriptors.map((d) => d.code)).size, descriptors.length, 'codes are unique');
  });

  it('param names are unique across rules, have sane bounds, and ordered pairs name the rule\'s own params', () => {
    const names = allParams().map((p) => p.name);
    assert.strictEqual(new Set(names).size, names.length);
    for (const { name, param } of allParams()) {
      if (param.kind === 'number') {
        assert.ok(param.min <= param.default && param.default <= param.max, `${name}: default within bounds`);
        assert.ok(Number.isInteger(param.min) && Number.isInteger(param.max), name);
      } else {
        assert.match(param.default, /^\d{2}-\d{2}$/, name);
      }
      assert.ok(param.description.length > 10, `${name} is described`);
    }
    for (const d of descriptors) {
      for (const [a, b] of d.ordered ?? []) {
        assert.ok(a in d.params && b in d.params, `${d.code}: ${a}, ${b}`);
      }
    }
  });

  it('settings are derived from the descriptors: defaults, bounds and order checks', () => {
    for (const { name, param } of allParams()) {
      assert.strictEqual((DEFAULT_SETTINGS as unknown as Record<string, unknown>)[name], param.default, name);
      if (param.kind === 'number') {
        assert.deepStrictEqual(mergeSettings({ [name]: param.max + 1 }).errors.length, 1, `${name} above max`);
        assert.deepStrictEqual(mergeSettings({ [name]: param.min - 1 }).errors.length, 1, `${name} below min`);
        assert.deepStrictEqual(mergeSettings({ [name]: param.min }).errors.filter((e) => e.includes('whole number')), [], `${name} at min`);
      } else {
        assert.strictEqual(mergeSettings({ [name]: '13-01' }).errors.length, 1, name);
      }
    }
  });

  it('templates and rules name each other: a rule\'s templates fit it, and every template that fits a rule is listed by it', () => {
    const registry = buildRegistry(builtinFiles(), []);
    const templates = registry.all();
    for (const d of descriptors) {
      for (const id of d.templates) {
        const t = templates.find((x) => x.id === id);
        assert.ok(t, `${d.code}: template ${id} exists`);
        assert.ok(t.fits.includes(d.code), `template ${id} fits ${d.code}`);
      }
    }
    for (const t of templates) {
      for (const code of t.fits) {
        const d = descriptors.find((x) => x.code === code);
        assert.ok(d?.templates.includes(t.id), `${code} lists template ${t.id}`);
      }
    }
  });

  it('README.md and package.json say what the descriptors say (run `npm run docs` when this fails)', () => {
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    assert.strictEqual(generatedReadme(readme), readme);
    const manifest = fs.readFileSync(path.join(REPO, 'package.json'), 'utf8');
    assert.strictEqual(generatedManifest(manifest), manifest);
  });
});
