import { addDays } from '../dates';
import type { Finding, Rule } from './types';
import { displayName, firstOnOrAfter, keyLine, noteLine } from './facts';
import { defineRule, days } from './descriptor';

/**
 * rotation-thank-you: after a rotation (home or away) ends, thank each faculty
 * member and resident met on it (`met_at` the rotation, or listed in its
 * `contacts:`); fellow students are left out. Due `rotationThankYouDays` after the
 * end, reported on each contact. Any outbound message dated from
 * `rotationThankYouGraceDays` before the end onwards counts: a goodbye note on the
 * last Friday is a thank-you too.
 */
export const rotationThankYou: Rule = (note, ctx) => {
  if (note.kind !== 'contact' || note.role === 'student') return [];
  const out: Finding[] = [];
  const { rotationThankYouDays: days, rotationThankYouGraceDays: grace } = ctx.settings;
  for (const rotation of ctx.index().rotationsOf(note)) {
    if (!rotation.end || ctx.today <= rotation.end) continue;
    const since = addDays(rotation.end, -grace);
    if (firstOnOrAfter(note, since, (i) => i.direction === 'out')) continue;
    const due = addDays(rotation.end, days);
    const metThere = note.metAt !== null && ctx.vault.resolve(note.metAt) === rotation;
    const guide = days === PARAMS.rotationThankYouDays.default ? 'within a few days, as the guide suggests' : `within ${days} days`;
    // A coordinator organised the rotation rather than taught on it: thank them for that.
    const coordinator = note.role === 'coordinator';
    const forWhat = coordinator ? 'for organising the rotation and helping you settle in' : 'for the teaching';
    out.push({
      code: 'rotation-thank-you',
      severity: ctx.today > due ? 'warning' : 'info',
      due,
      showFrom: addDays(rotation.end, 1),
      line: (metThere ? keyLine(note, 'met_at', 'met_where', 'event') : undefined) ?? noteLine(note),
      message: `${metThere ? 'Met on' : 'Listed on'} ${rotation.name}, which ended ${rotation.end}; no thank-you logged since ${since}. Thank ${displayName(note)} ${forWhat} ${guide}, naming one specific thing you appreciated (by ${due}).`,
      action: 'Send a rotation thank-you',
      template: coordinator ? 'coordinator-thank-you' : 'rotation-thank-you',
      key: `rotation:${rotation.path}`,
    });
  }
  return out;
};

const PARAMS = {
  rotationThankYouDays: days(3, 'days after a rotation ends by which faculty and residents met on it should be thanked.'),
  rotationThankYouGraceDays: days(2, "an outbound message dated this many days before the rotation's end or later counts as the thank-you.", 0, 365),
} as const;

export const rotationThankYouRule = defineRule({
  code: 'rotation-thank-you',
  title: 'Rotation thank-you',
  when: 'a rotation ended and someone you met on it has not been thanked',
  severity: 'due [rotationThankYouDays] days after the end',
  defaultSeverity: 'warning',
  params: PARAMS,
  templates: ['rotation-thank-you', 'coordinator-thank-you', 'end-of-rotation-interest'],
  action: 'Send a rotation thank-you',
  evaluate: rotationThankYou,
});
