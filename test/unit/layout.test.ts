import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const REPO = path.resolve(__dirname, '../..');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(REPO, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...files(rel));
    else if (/\.(ts|js)$/.test(e.name)) out.push(rel);
  }
  return out;
}

/** Import specifiers of a TypeScript file (static imports, re-exports, require calls). */
function imports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"\n]+)['"]/gm)) out.push(m[1]);
  for (const m of text.matchAll(/^\s*import\s*['"]([^'"\n]+)['"]/gm)) out.push(m[1]);
  for (const m of text.matchAll(/\brequire\(\s*['"]([^'"\n]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

describe('the layout', () => {
  it('keeps src/core pure: no vscode, no Node built-ins, nothing from the edges', () => {
    const builtins = new Set(['fs', 'fs/promises', 'path', 'os', 'child_process', 'util', 'crypto', 'events', 'stream', 'url', 'worker_threads', 'readline']);
    const bad: string[] = [];
    for (const f of files('src/core')) {
      for (const spec of imports(fs.readFileSync(path.join(REPO, f), 'utf8'))) {
        if (spec === 'vscode' || spec.startsWith('node:') || builtins.has(spec) || /(^|\/)\.\.\/(node|cli|vscode)(\/|$)/.test(spec) || /^\.\.\/\.\.\/(node|cli|vscode)/.test(spec)) bad.push(`${f}: ${spec}`);
      }
    }
    assert.deepStrictEqual(bad, []);
  });

  it('keeps the VS Code API in src/vscode (and the tests that run inside VS Code)', () => {
    const allowed = (f: string) => f.startsWith('src/vscode/') || f.startsWith('test/integration/') || f === 'test/bench/extension.bench.ts';
    // A type-only import leaves nothing at run time (src/vscode/uris.ts is unit-tested that way).
    const usesVscode = (text: string) => /^\s*(?:import|export)\s+(?!type\b)[^;'"]*?\bfrom\s*['"]vscode['"]/m.test(text) || /\brequire\(\s*['"]vscode['"]\s*\)/.test(text);
    const bad = [...files('src'), ...files('test'), ...files('scripts')].filter((f) => !allowed(f) && usesVscode(fs.readFileSync(path.join(REPO, f), 'utf8')));
    assert.deepStrictEqual(bad, []);
  });

  it('registers commands only through the command table (src/vscode/commands.ts)', () => {
    const bad = files('src').filter((f) => f !== 'src/vscode/commands.ts' && /\bcommands\.registerCommand\(/.test(fs.readFileSync(path.join(REPO, f), 'utf8')));
    assert.deepStrictEqual(bad, []);
  });
});
