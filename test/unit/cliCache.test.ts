import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { RACY_MS } from '../../src/core/vault';
import { cacheFileFor, cacheFolder, cacheTiming } from '../../src/node/indexCache';

const SAMPLE = path.resolve(__dirname, '../../examples/vault');
const TODAY = '2026-11-25';

function bufferIO(cwd: string): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out(t: string) { io.stdout += t; }, err(t: string) { io.stderr += t; }, cwd, today: () => TODAY };
  return io;
}

async function run(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = bufferIO(cwd);
  const code = await runCli(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** Every file below `dir`, relative. */
function walk(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel === '' ? e.name : `${rel}/${e.name}`;
    return e.isDirectory() ? walk(dir, r) : [r];
  });
}

describe('CLI --cache', () => {
  let tmp: string;
  let vault: string;
  let savedXdg: string | undefined;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-cache-'));
    vault = path.join(tmp, 'vault');
    fs.cpSync(SAMPLE, vault, { recursive: true });
    savedXdg = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = path.join(tmp, 'xdg');
    // The copy was written just now: without this every note would be "racy" and re-read.
    cacheTiming.racyMs = 0;
  });

  afterEach(() => {
    cacheTiming.racyMs = RACY_MS;
    if (savedXdg === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = savedXdg;
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const cacheFile = () => cacheFileFor(fs.realpathSync(vault))!;

  it('prints exactly what the uncached check, list and agenda print, on the first run and from the cache', async () => {
    for (const argv of [['check'], ['check', '--format', 'json'], ['list'], ['agenda', '--days', '30'], ['list', '--format', 'json']]) {
      const plain = await run(tmp, ...argv, 'vault');
      assert.ok(plain.stdout.length > 100, argv.join(' '));
      const first = await run(tmp, ...argv, 'vault', '--cache');
      const second = await run(tmp, ...argv, 'vault', '--cache');
      assert.deepStrictEqual(first, plain, argv.join(' '));
      assert.deepStrictEqual(second, plain, argv.join(' '));
    }
    assert.ok(fs.existsSync(cacheFile()));
    assert.ok(cacheFile().startsWith(path.join(tmp, 'xdg', 'rapport') + path.sep));
  });

  it('sees an edited note at once: a size change, and a same-size edit with its mtime put back', async () => {
    await run(tmp, 'check', 'vault', '--cache');
    const note = path.join(vault, 'contacts', 'ingrid-halvorsen.md');
    const text = fs.readFileSync(note, 'utf8');
    assert.match(text, /follow_up: \d{4}-\d{2}-\d{2}/);
    fs.writeFileSync(note, text.replace(/follow_up: \d{4}-\d{2}-\d{2}/, 'follow_up: 2026-11-01') + '\nMore.\n');
    let cached = await run(tmp, 'check', 'vault', '--cache');
    assert.deepStrictEqual(cached, await run(tmp, 'check', 'vault'));
    assert.match(cached.stdout, /ingrid-halvorsen\.md:\d+:\d+: \w+ follow-up-due/);
    // Same size, and the modification time restored as `touch -r` or `rsync -t` would: the change time still moves.
    const before = fs.statSync(note);
    const same = fs.readFileSync(note, 'utf8').replace('follow_up: 2026-11-01', 'follow_up: 2026-12-09');
    assert.strictEqual(Buffer.byteLength(same), before.size);
    fs.writeFileSync(note, same);
    fs.utimesSync(note, before.atime, before.mtime);
    cached = await run(tmp, 'check', 'vault', '--cache');
    assert.deepStrictEqual(cached, await run(tmp, 'check', 'vault'));
    assert.doesNotMatch(cached.stdout, /ingrid-halvorsen\.md:\d+:\d+: \w+ follow-up-due/);
  });

  it('sees a deleted note and a new one', async () => {
    const before = await run(tmp, 'list', 'vault', '--cache');
    fs.rmSync(path.join(vault, 'contacts', 'ingrid-halvorsen.md'));
    fs.writeFileSync(path.join(vault, 'contacts', 'New Person.md'), '---\nname: New Person\nrole: faculty\n---\n');
    const after = await run(tmp, 'list', 'vault', '--cache');
    assert.deepStrictEqual(after, await run(tmp, 'list', 'vault'));
    assert.match(before.stdout, /Ingrid Halvorsen/);
    assert.doesNotMatch(after.stdout, /Ingrid Halvorsen/);
    assert.match(after.stdout, /New Person/);
  });

  it('re-reads a note written within the file system clock\'s resolution of the cache (racy), as git does', async () => {
    cacheTiming.racyMs = RACY_MS;
    await run(tmp, 'check', 'vault', '--cache');
    const note = path.join(vault, 'contacts', 'ingrid-halvorsen.md');
    const before = fs.statSync(note);
    const text = fs.readFileSync(note, 'utf8');
    const same = text.replace(/follow_up: \d{4}-\d{2}-\d{2}/, 'follow_up: 2026-11-02');
    assert.strictEqual(same.length, text.length);
    fs.writeFileSync(note, same);
    fs.utimesSync(note, before.atime, before.mtime);
    assert.deepStrictEqual(await run(tmp, 'check', 'vault', '--cache'), await run(tmp, 'check', 'vault'));
  });

  it('ignores a corrupt, truncated or foreign cache file and writes a good one', async () => {
    const plain = await run(tmp, 'check', 'vault');
    await run(tmp, 'check', 'vault', '--cache');
    const good = fs.readFileSync(cacheFile(), 'utf8');
    const lines = good.split('\n');
    // A forged output with a checksum that no longer matches, a cut file, garbage, a foreign vault's header.
    const forged = good.replace(/Ingrid Halvorsen/g, 'Jane Smyth');
    assert.notStrictEqual(forged, good);
    for (const bad of [forged, good.slice(0, good.length / 2), 'garbage', '', lines[0].replace('vault', 'vaulx') + '\n' + lines.slice(1).join('\n')]) {
      fs.writeFileSync(cacheFile(), bad);
      assert.deepStrictEqual(await run(tmp, 'check', 'vault', '--cache'), plain);
      assert.deepStrictEqual(await run(tmp, 'check', 'vault', '--cache'), plain);
    }
  });

  it('never writes the cache inside the vault, even when XDG_CACHE_HOME points into it', async () => {
    const files = walk(vault).sort();
    process.env.XDG_CACHE_HOME = path.join(vault, '.cache');
    assert.strictEqual(cacheFileFor(fs.realpathSync(vault)), null);
    assert.deepStrictEqual(await run(tmp, 'check', 'vault', '--cache'), await run(tmp, 'check', 'vault'));
    assert.deepStrictEqual(walk(vault).sort(), files);
    // The default folder is outside any vault: $XDG_CACHE_HOME/rapport, else ~/.cache/rapport.
    assert.strictEqual(cacheFolder({ XDG_CACHE_HOME: '/x/y' }), path.join('/x/y', 'rapport'));
    assert.strictEqual(cacheFolder({ XDG_CACHE_HOME: 'relative' }), path.join(os.homedir(), '.cache', 'rapport'));
    assert.strictEqual(cacheFolder({}), path.join(os.homedir(), '.cache', 'rapport'));
  });
});
