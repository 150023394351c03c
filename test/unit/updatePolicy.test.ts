import * as assert from 'assert';
import { SLICE_MS, Slicer, UPDATE_DEBOUNCE_MS, UPDATE_MAX_WAIT_MS, UpdatePolicy, type Batch, type Scheduler } from '../../src/core/updatePolicy';
import { Vault } from '../../src/core/vault';
import { MemoryFs } from '../../src/core/vaultFs';

/** Virtual time: timers fire when the test advances the clock; yields are counted. */
class VirtualTime implements Scheduler {
  t = 0;
  yields = 0;
  private timers: { at: number; fn: () => void; live: boolean }[] = [];
  now(): number {
    return this.t;
  }
  setTimer(fn: () => void, ms: number) {
    const timer = { at: this.t + ms, fn, live: true };
    this.timers.push(timer);
    return { cancel: () => { timer.live = false; } };
  }
  yieldToHost(): Promise<void> {
    this.yields++;
    return Promise.resolve();
  }
  /** Moves time forward, firing due timers in order. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      const next = this.timers.filter((x) => x.live && x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.t = next.at;
      next.live = false;
      next.fn();
      await new Promise((r) => setImmediate(r));
    }
    this.t = end;
  }
}

describe('update policy', () => {
  it('debounces a burst into one batch, the last event per path winning, in path order', async () => {
    const time = new VirtualTime();
    const batches: Batch<string>[] = [];
    const policy = new UpdatePolicy<string>((b) => { batches.push(b); }, time);
    policy.push('b.md', 'change');
    await time.advance(UPDATE_DEBOUNCE_MS - 1);
    policy.push('a.md', 'change');
    policy.push('b.md', 'delete');
    await time.advance(UPDATE_DEBOUNCE_MS - 1);
    assert.strictEqual(batches.length, 0, 'still inside the debounce');
    await time.advance(1);
    await policy.idle();
    assert.deepStrictEqual(batches, [[['a.md', 'change'], ['b.md', 'delete']]]);
  });

  it('a burst that never pauses still gets an update every max-wait', async () => {
    const time = new VirtualTime();
    const batches: Batch<number>[] = [];
    const policy = new UpdatePolicy<number>((b) => { batches.push(b); }, time);
    for (let i = 0; i < 30; i++) {
      policy.push(`n${i}.md`, i);
      await time.advance(UPDATE_DEBOUNCE_MS / 2);
    }
    // 30 events, 50 ms apart: 1,500 ms of burst; without a max wait nothing would have run
    assert.ok(batches.length >= 1, 'an update within the burst');
    assert.ok(batches[0].length <= UPDATE_MAX_WAIT_MS / (UPDATE_DEBOUNCE_MS / 2) + 1);
  });

  it('runs batches one at a time, never overlapping, and a failed batch does not stop the next', async () => {
    const time = new VirtualTime();
    const log: string[] = [];
    const errors: unknown[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const policy = new UpdatePolicy<string>(async (b) => {
      log.push(`start ${b[0][0]}`);
      if (b[0][0] === 'one.md') await gate;
      if (b[0][0] === 'two.md') throw new Error('boom');
      log.push(`end ${b[0][0]}`);
    }, time, { onError: (e) => errors.push(e) });
    policy.push('one.md', 'x');
    void policy.flush();
    policy.push('two.md', 'x');
    void policy.flush();
    policy.push('three.md', 'x');
    const done = policy.flush();
    await new Promise((r) => setImmediate(r));
    assert.deepStrictEqual(log, ['start one.md'], 'the second batch waits for the first');
    release();
    await done;
    assert.deepStrictEqual(log, ['start one.md', 'end one.md', 'start two.md', 'start three.md', 'end three.md']);
    assert.strictEqual(errors.length, 1);
  });

  it('a slicer yields once a slice has used its budget, and records the longest slice', async () => {
    const time = new VirtualTime();
    const slicer = new Slicer(time, SLICE_MS);
    for (let i = 0; i < 100; i++) {
      time.t += 1; // 1 ms of work per unit
      await slicer.tick();
    }
    slicer.done();
    assert.strictEqual(time.yields, Math.floor(100 / SLICE_MS));
    assert.strictEqual(slicer.longest, SLICE_MS);
  });

  it('the cold scan yields whenever a slice has used its budget, however slow each note is', async () => {
    const time = new VirtualTime();
    const files: Record<string, string> = {};
    for (let i = 0; i < 500; i++) files[`contacts/c${i}.md`] = `---\nname: Contact ${i}\nrole: resident\n---\n`;
    // each read costs 3 ms of (virtual) time: a slow disk, or a note that is slow to parse
    const fs = new MemoryFs(files);
    const read = fs.read.bind(fs);
    fs.read = async (p, max) => {
      time.t += 3;
      return read(p, max);
    };
    const vault = new Vault(fs, { scheduler: time });
    const stats = await vault.scan();
    assert.strictEqual(stats.indexed, 500);
    assert.ok(stats.longestSliceMs <= SLICE_MS + 3, `longest slice ${stats.longestSliceMs} ms`);
    assert.ok(time.yields >= Math.floor((500 * 3) / (SLICE_MS + 3)), `${time.yields} yields`);
  });
});
