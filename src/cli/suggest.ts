/** Edit distance, capped: words longer than this are not typos of a command name. */
const MAX_WORD = 64;

/** Edit distance counting a swap of two neighbours as one edit (jsno → json): O(a·b) for two short words. */
function distance(a: string, b: string): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], before[j - 2] + 1);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length];
}

/**
 * The candidate a misspelled word most likely meant ("did you mean"): within a third
 * of its length in edits (at least one), or one that starts with it; undefined when none is close.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  if (w === '' || w.length > MAX_WORD) return undefined;
  let best: { name: string; d: number } | undefined;
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (best === undefined || d < best.d) best = { name: c, d };
  }
  if (best && best.d <= Math.max(1, Math.floor(w.length / 3))) return best.name;
  const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(w) && w.length >= 3);
  return prefixed.length === 1 ? prefixed[0] : undefined;
}
