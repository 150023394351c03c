/**
 * The few inline rules the body scan needs, each linear in the line: code spans (so
 * that nothing inside backticks is a link) and `[[wiki links]]`.
 */

/** Spans `[start, end)` of the line's code spans from `from`, as CommonMark pairs backtick runs. */
export function codeSpans(line: string, from = 0): number[] {
  const first = line.indexOf('`', from);
  if (first === -1) return NO_SPANS;
  // Every run of backticks, then for each length the runs of that length in order:
  // an opener looks for the next run of its length through a pointer that only moves forward.
  const runs: number[] = [];
  for (let i = first; i < line.length;) {
    if (line.charCodeAt(i) !== 96) {
      i++;
      continue;
    }
    let j = i;
    while (line.charCodeAt(j) === 96) j++;
    runs.push(i, j - i);
    i = j;
  }
  const byLength = new Map<number, number[]>();
  for (let r = 0; r < runs.length; r += 2) {
    let list = byLength.get(runs[r + 1]);
    if (!list) byLength.set(runs[r + 1], (list = []));
    list.push(r);
  }
  const pointer = new Map<number, number>();
  const spans: number[] = [];
  for (let r = 0; r < runs.length;) {
    const length = runs[r + 1];
    const list = byLength.get(length)!;
    let p = pointer.get(length) ?? 0;
    while (p < list.length && list[p] <= r) p++;
    pointer.set(length, p);
    if (p === list.length) {
      r += 2;
      continue;
    }
    const closer = list[p];
    spans.push(runs[r], runs[closer] + length);
    r = closer + 2;
  }
  return spans;
}

const NO_SPANS: number[] = [];

export function inSpans(spans: readonly number[], at: number): boolean {
  for (let k = 0; k < spans.length; k += 2) {
    if (at < spans[k]) return false;
    if (at < spans[k + 1]) return true;
  }
  return false;
}

const MAX_LINK = 300;

/**
 * Each `[[inner]]` of the line from `from` (inner: 1–300 characters, no `]`), as
 * `[start, end, innerStart, innerEnd]` groups, outside the given code spans. The next
 * `]` is remembered, so a line of 100,000 `[[` is still read once.
 */
export function wikiLinks(line: string, from: number, spans: readonly number[]): number[] {
  const out: number[] = [];
  let close = -1;
  for (let open = line.indexOf('[[', from); open !== -1;) {
    if (close < open + 2) {
      close = line.indexOf(']', open + 2);
      if (close === -1) break;
    }
    if (line.charCodeAt(close + 1) !== 93) {
      // No `[[` before this `]` can make a link: start again after it.
      open = line.indexOf('[[', close + 1);
      continue;
    }
    const length = close - open - 2;
    if (length >= 1 && length <= MAX_LINK && !inSpans(spans, open)) {
      out.push(open, close + 2, open + 2, close);
      open = line.indexOf('[[', close + 2);
      continue;
    }
    // Too long: only a `[[` within MAX_LINK of this `]` can still make a link.
    open = line.indexOf('[[', Math.max(open + 1, close - 2 - MAX_LINK));
  }
  return out;
}
