import { buildSeasonIndex, type SeasonIndex } from '../season';
import type { RuleContext } from './types';

/**
 * The season index of one evaluation, built once per context (it reads only the
 * program notes and the profile) and shared by the season's rules and policies.
 */
const cache = new WeakMap<RuleContext, SeasonIndex>();

export function seasonIndexOf(ctx: RuleContext): SeasonIndex {
  let found = cache.get(ctx);
  if (!found) {
    found = buildSeasonIndex(ctx.vault, ctx.settings);
    cache.set(ctx, found);
  }
  return found;
}
