import { seasonFields } from '../season';
import type { ContactNote } from '../types';
import { displayName, firstOnOrAfter, keyLine, noteLine, relativeDays } from './facts';
import { seasonIndexOf } from './seasonContext';
import type { Rule } from './types';
import { defineRule } from './descriptor';

/**
 * match-news: from the Match (the profile's `match.date`, else `season.matchDay`),
 * every mentor, sponsor and letter writer not written to since: tell them the
 * outcome. The template follows what the profile records (matched or not).
 */
export const matchNews: Rule = (note, ctx) => {
  if (note.kind !== 'contact') return [];
  const season = seasonIndexOf(ctx);
  const day = season.matchDate;
  if (day === null) return [];
  const why = reason(note);
  if (!why) return [];
  if (firstOnOrAfter(note, day, (i) => i.direction === 'out' || i.direction === 'both')) return [];
  const match = season.match;
  const outcome = match?.unmatched ? 'that you did not match this year and what comes next'
    : match?.program ? `that you matched at ${match.program}`
      : 'the outcome (and record it in profile.md: `match: { program: … }` or `unmatched: true`)';
  return [{
    code: 'match-news',
    severity: 'info',
    due: day,
    showFrom: day,
    line: why.line,
    message: `The Match was ${day} (${relativeDays(day, ctx.today)}) and ${displayName(note)} (${why.text}) has not heard from you since. Tell them ${outcome}, and thank them for their support.`,
    action: 'Share your Match news',
    ...(match?.unmatched ? { template: 'match-news-unmatched' } : match?.program ? { template: 'match-news-matched' } : {}),
    key: `match:${day}`,
  }];
};

function reason(contact: ContactNote): { text: string; line: number } | null {
  if (contact.mentor) return { text: 'your mentor', line: keyLine(contact, 'mentor', 'mentor_type', 'mentor_kind') ?? noteLine(contact) };
  if (contact.sponsor) return { text: 'your sponsor', line: keyLine(contact, 'sponsor') ?? noteLine(contact) };
  const letter = seasonFields(contact).letter;
  if (letter && !letter.declined && (letter.agreed || letter.uploaded)) return { text: 'your letter writer', line: letter.line };
  return null;
}

export const matchNewsRule = defineRule({
  code: 'match-news',
  title: 'Match news',
  when: 'from the Match date (`match.date` in profile.md, else `season.matchDay`): every mentor, sponsor and letter writer not written to since',
  severity: 'info',
  defaultSeverity: 'info',
  params: {},
  templates: ['match-news-matched', 'match-news-unmatched'],
  action: 'Share your Match news',
  evaluate: matchNews,
});
