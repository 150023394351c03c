// Writes what the rule descriptors say into README.md and package.json: the rule table,
// the rules' settings table and `contributes.configuration`. Run by `npm run docs`;
// test/unit/ruleDescriptors.test.ts fails when the files are not up to date.
import * as fs from 'fs';
import * as path from 'path';
import { configurationProperties, replaceBlock, ruleTableRows, settingsTableRows } from '../src/core/rules/docs';

const ROOT = path.resolve(__dirname, '..');

export function generatedReadme(readme: string): string {
  const withRules = replaceBlock(readme, 'rules', ruleTableRows());
  if (withRules === null) throw new Error('README.md has no <!-- rules:start --> … <!-- rules:end --> block');
  const withSettings = replaceBlock(withRules, 'rule-settings', settingsTableRows());
  if (withSettings === null) throw new Error('README.md has no <!-- rule-settings:start --> … <!-- rule-settings:end --> block');
  return withSettings;
}

interface Manifest { contributes: { configuration: { properties: Record<string, unknown> } } }

/** package.json with the rule params' settings replaced, the other settings kept in place. */
export function generatedManifest(text: string): string {
  const manifest = JSON.parse(text) as Manifest;
  const generated = configurationProperties();
  const props: Record<string, unknown> = {};
  let inserted = false;
  for (const [key, value] of Object.entries(manifest.contributes.configuration.properties)) {
    const isParam = key in generated || /^rapport\.[a-zA-Z]+(Days|Date|Min|Attempts)$/.test(key);
    if (isParam) {
      if (!inserted) Object.assign(props, generated);
      inserted = true;
      continue;
    }
    props[key] = value;
  }
  if (!inserted) Object.assign(props, generated);
  manifest.contributes.configuration.properties = props;
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

if (require.main === module) {
  const readmePath = path.join(ROOT, 'README.md');
  const manifestPath = path.join(ROOT, 'package.json');
  fs.writeFileSync(readmePath, generatedReadme(fs.readFileSync(readmePath, 'utf8')));
  fs.writeFileSync(manifestPath, generatedManifest(fs.readFileSync(manifestPath, 'utf8')));
  console.log('README.md and package.json now match the rule descriptors.');
}
