import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { DEFAULT_SETTINGS, mergeSettings } from '../../src/core/settings';
import { jsonKeyLine } from '../../src/core/settingsLines';
import { loadSettings } from '../../src/node/config';

/** A vault's settings file is untrusted: Object-member keys, links out, special files. */
let dir: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd: dir, today: () => '2026-11-25' };
  return { code: await runCli(argv, io), out, err };
}

describe('hostile settings files', () => {
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-settings-'));
    fs.mkdirSync(path.join(dir, 'vault', 'contacts'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'vault', 'contacts', 'a.md'), '---\nname: A\n---\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports keys named like Object members as unknown settings, on their line', async () => {
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const text = `{\n  "maxAttempts": 3,\n  "${key}": 5,\n  "rules": { "${key}": "off", "reply-owed": { "${key}": 1 } }\n}\n`;
      const merged = mergeSettings(JSON.parse(text));
      assert.strictEqual(merged.settings.maxAttempts, 3);
      assert.ok(merged.errors.length === 3, `${key}: ${merged.errors.join(' | ')}`);
      fs.writeFileSync(path.join(dir, 'vault', '.rapport.json'), text);
      const loaded = loadSettings(path.join(dir, 'vault'));
      assert.deepStrictEqual(loaded.problems.map((p) => p.line), [2, 3, 3], key);
      for (const verb of ['list', 'agenda', 'check']) {
        const r = await cli(verb, 'vault');
        assert.notStrictEqual(r.code, 2, `${verb} with ${key}: ${r.err}`);
        assert.match(r.err, new RegExp(`\\.rapport\\.json:3: Unknown setting '${key.replace(/\$/g, '')}'`));
      }
    }
    assert.deepStrictEqual(mergeSettings(JSON.parse('{"__proto__": {"maxAttempts": 9}}')).settings, DEFAULT_SETTINGS);
  });

  it('finds a key line in nested JSON', () => {
    assert.strictEqual(jsonKeyLine('{\n"a": {"b": 1},\n"rules": {\n  "x": {\n    "enabled": 3 } } }', ['rules', 'x', 'enabled']), 4);
    assert.strictEqual(jsonKeyLine('{"a": 1}', ['missing']), 0);
  });

  it('refuses a settings file that links out of the vault, a FIFO and /proc without reading them', async function () {
    fs.writeFileSync(path.join(dir, 'secret.json'), '{"SECRET-TOKEN": 1}');
    const config = path.join(dir, 'vault', '.rapport.json');
    fs.symlinkSync(path.join(dir, 'secret.json'), config);
    let r = await cli('list', 'vault');
    assert.strictEqual(r.code, 0);
    assert.match(r.err, /outside the vault/);
    assert.ok(!r.err.includes('SECRET'));
    fs.rmSync(config);
    execFileSync('mkfifo', [config]);
    r = await cli('list', 'vault');
    assert.strictEqual(r.code, 0);
    assert.match(r.err, /not a regular file/);
    fs.rmSync(config);
    if (fs.existsSync('/proc/self/pagemap')) {
      fs.symlinkSync('/proc/self/pagemap', path.join(dir, 'vault', 'rapport.config.json'));
      const before = process.memoryUsage().rss;
      const started = performance.now();
      r = await cli('list', 'vault');
      assert.strictEqual(r.code, 0);
      assert.ok(performance.now() - started < 5000);
      assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024);
    }
  });
});
