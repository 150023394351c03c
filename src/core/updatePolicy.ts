/**
 * One update policy for every watcher: the extension (VS Code's FileSystemWatcher and
 * editor buffers) and `rapport watch` (chokidar) feed events in; the policy debounces
 * them, merges a burst per path (the last event wins), hands the handler one batch at a
 * time in path order (a batch never overlaps the previous one), and gives the handler a
 * slicer so a burst of thousands of notes never blocks the host for long.
 *
 * The core has no timers of its own: a `Scheduler` is injected (`standardScheduler`
 * uses the standard `setTimeout`, available in Node, Electron and web workers alike).
 */

/** How long the policy waits for a burst of events to end before updating. */
export const UPDATE_DEBOUNCE_MS = 100;
/** A burst that never ends (a long `git checkout`) still gets an update at least this often. */
export const UPDATE_MAX_WAIT_MS = 1000;
/** The longest stretch of work between two yields to the host's event loop. */
export const SLICE_MS = 20;

export interface TimerHandle {
  cancel(): void;
}

export interface Scheduler {
  /** Milliseconds, monotonic enough to measure a slice. */
  now(): number;
  setTimer(fn: () => void, ms: number): TimerHandle;
  /** Resolves after pending events (I/O, UI requests) have had their turn. */
  yieldToHost(): Promise<void>;
}

/** The standard timers: `setImmediate` where the host has it (Node, Electron), else `setTimeout(0)`. */
export function standardScheduler(): Scheduler {
  const clock = typeof performance !== 'undefined' ? () => performance.now() : () => Date.now();
  return {
    now: clock,
    setTimer(fn, ms) {
      const t = setTimeout(fn, ms);
      return { cancel: () => clearTimeout(t) };
    },
    yieldToHost: () => new Promise((resolve) => {
      // `setTimeout(0)` waits at least a millisecond; `setImmediate` does not (10,000 notes: ~45 ms less idle).
      const g = globalThis as { setImmediate?: (fn: () => void) => unknown };
      if (typeof g.setImmediate === 'function') g.setImmediate(resolve);
      else setTimeout(resolve, 0);
    }),
  };
}

/**
 * Cuts long work into slices: call `tick()` between units of work; it yields to the host
 * once the current slice has run for `budgetMs`. Counts slices and the longest one, so a
 * benchmark can say how long the host was blocked at most.
 */
export class Slicer {
  private started: number;
  /** The longest slice so far, in ms (the time between two yields). */
  longest = 0;
  slices = 0;

  constructor(private readonly scheduler: Scheduler, private readonly budgetMs = SLICE_MS) {
    this.started = scheduler.now();
  }

  /** Starts timing a new slice (call after an await that yielded anyway). */
  restart(): void {
    this.started = this.scheduler.now();
  }

  async tick(): Promise<void> {
    const elapsed = this.scheduler.now() - this.started;
    if (elapsed < this.budgetMs) return;
    this.finishSlice(elapsed);
    await this.scheduler.yieldToHost();
    this.started = this.scheduler.now();
  }

  /** Records the slice running now as finished (at the end of the work). */
  done(): void {
    this.finishSlice(this.scheduler.now() - this.started);
  }

  private finishSlice(elapsed: number): void {
    this.slices++;
    if (elapsed > this.longest) this.longest = elapsed;
  }
}

export interface UpdatePolicyOptions {
  debounceMs?: number;
  maxWaitMs?: number;
  sliceMs?: number;
  /** Told when a batch fails; the next batch still runs. */
  onError?: (error: unknown) => void;
}

/** What one flush hands the handler: every path with its last value, in path order. */
export type Batch<V> = [path: string, value: V][];

/**
 * Collects events per path and runs `handle` on them as one batch once they settle.
 * `V` is what an event carries: a file event kind for a watcher, a document for an editor.
 */
export class UpdatePolicy<V> {
  private readonly pending = new Map<string, V>();
  private timer: TimerHandle | undefined;
  private firstPending: number | undefined;
  private chain: Promise<void> = Promise.resolve();
  private disposed = false;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly sliceMs: number;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly handle: (batch: Batch<V>, slicer: Slicer) => Promise<void> | void,
    private readonly scheduler: Scheduler = standardScheduler(),
    options: UpdatePolicyOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? UPDATE_DEBOUNCE_MS;
    this.maxWaitMs = options.maxWaitMs ?? UPDATE_MAX_WAIT_MS;
    this.sliceMs = options.sliceMs ?? SLICE_MS;
    this.onError = options.onError ?? (() => undefined);
  }

  /** Records an event; a later event for the same path replaces it. */
  push(path: string, value: V): void {
    if (this.disposed) return;
    // Delete first so that the merged event keeps the order of its last arrival for equal paths.
    this.pending.delete(path);
    this.pending.set(path, value);
    this.schedule();
  }

  private schedule(): void {
    const now = this.scheduler.now();
    this.firstPending ??= now;
    this.timer?.cancel();
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstPending + this.maxWaitMs - now));
    this.timer = this.scheduler.setTimer(() => void this.flush(), wait);
  }

  /** Runs the pending batch now (after any batch still running); resolves when it is handled. */
  flush(): Promise<void> {
    this.timer?.cancel();
    this.timer = undefined;
    this.firstPending = undefined;
    const batch: Batch<V> = [...this.pending].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.pending.clear();
    const run = async () => {
      if (this.disposed || batch.length === 0) return;
      const slicer = new Slicer(this.scheduler, this.sliceMs);
      try {
        await this.handle(batch, slicer);
      } catch (e) {
        // A failed batch does not stop the next one.
        this.onError(e);
      }
      slicer.done();
    };
    // One batch at a time, in the order the flushes came.
    this.chain = this.chain.then(run);
    return this.chain;
  }

  /** Resolves once every batch started so far has been handled. */
  idle(): Promise<void> {
    return this.chain;
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.cancel();
    this.pending.clear();
  }
}
