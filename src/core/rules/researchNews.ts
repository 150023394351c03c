import { addDays, type CalendarDate } from '../dates';
import type { ProjectNote } from '../types';
import { displayName, firstOnOrAfter, isSilenced, keyLine, noteLine, ordered } from './facts';
import { projectPeople } from './projects';
import type { Rule } from './types';
import { defineRule, days } from './descriptor';

/**
 * research-news: a project that was accepted or presented is news worth telling your
 * mentors and sponsors who are not on it (the guide: "presentations from these
 * projects get you noticed"; "maintain contact … share updates"). Counted from the
 * day of the news (`accepted:` / `presented:` / `status_date:`, else the project's
 * latest log entry); cleared once every such mentor has had an outbound message since.
 * With no date at all it shows as due today and asks for one, so it never ages.
 */
export const researchNews: Rule = (note, ctx) => {
  if (note.kind !== 'project' || (note.status !== 'accepted' && note.status !== 'presented')) return [];
  const date = newsDate(note);
  const onProject = new Set(projectPeople(note, ctx.vault).map((p) => p.path));
  const untold = ctx.vault.contacts().filter((c) => (c.mentor !== null || c.sponsor) && !onProject.has(c.path)
    && !isSilenced(c, ctx.today)
    && !(date !== null && firstOnOrAfter(c, date, (i) => i.direction === 'out' || i.direction === 'both')));
  if (untold.length === 0) return [];
  const due = date === null ? ctx.today : addDays(date, ctx.settings.researchNewsDays);
  const names = untold.slice(0, 5).map(displayName).join(', ') + (untold.length > 5 ? ` and ${untold.length - 5} more` : '');
  const when = date === null ? ' (add `' + note.status + ': YYYY-MM-DD` so Rapport can tell what you sent since)' : ` on ${date}`;
  return [{
    code: 'research-news',
    severity: 'info',
    due,
    showFrom: date ?? ctx.today,
    line: keyLine(note, 'status') ?? noteLine(note),
    message: `${note.name} was ${note.status}${when}; no message since to ${names}. Share the news in a short update and thank them for the advice that led to it.`,
    action: 'Tell your mentors the news',
    template: 'keep-in-touch',
    key: `news:${note.status}`,
  }];
};

function newsDate(project: ProjectNote): CalendarDate | null {
  if (project.newsDate) return project.newsDate;
  const log = ordered(project);
  return log.length > 0 ? log[log.length - 1].date : null;
}

const PARAMS = {
  researchNewsDays: days(7, 'days after a project is accepted or presented by which your mentors should hear of it.', 0, 365),
} as const;

export const researchNewsRule = defineRule({
  code: 'research-news',
  title: 'Research news',
  when: 'a research project was accepted or presented and a mentor or sponsor not on it has not heard since',
  severity: 'info, due [researchNewsDays] days after the news',
  defaultSeverity: 'info',
  params: PARAMS,
  templates: ['keep-in-touch'],
  action: 'Tell your mentors the news',
  evaluate: researchNews,
});
