import * as assert from 'assert';

/**
 * Checks that work grows linearly, not by timing against a wall-clock budget (which a
 * loaded machine breaks) but by comparing the best of a few runs at n and at 4n: linear
 * work takes about 4x, quadratic 16x. Runs that finish under `floorMs` at 4n are too small
 * to tell apart and pass: quadratic work at the sizes these tests use takes seconds.
 */
export function assertLinear(label: string, make: (n: number) => () => void, n: number, floorMs = 100): void {
  const best = (size: number): number => {
    const run = make(size);
    let min = Infinity;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      run();
      min = Math.min(min, performance.now() - started);
    }
    return min;
  };
  const small = best(n);
  const large = best(4 * n);
  if (large < floorMs) return;
  const ratio = large / Math.max(small, 0.5);
  assert.ok(ratio < 10, `${label}: ${n} → ${Math.round(small)} ms, ${4 * n} → ${Math.round(large)} ms (×${ratio.toFixed(1)}; linear is ×4, quadratic ×16)`);
}
