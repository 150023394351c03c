import { addDays, maxDate } from '../dates';
import type { Note, RotationNote } from '../types';
import type { Vault } from '../vault';
import { keyLine, noteLine, relativeDays } from './facts';
import type { Rule } from './types';
import { defineRule, days } from './descriptor';

/** The guide's words for telling a program you would like to train there. */
const INTEREST = /\binterest|excited to train|train (?:here|there|at)|additional steps/i;

/**
 * rotation-interest: in the last `rotationInterestDays` of an away rotation, tell a
 * faculty member or the program director, once, that you would be excited to train
 * there (the guide: "near the end of the rotation, express …"). Info, due on the last
 * day; gone after it. Cleared by a log entry within the rotation (on the rotation note
 * or one of its contacts) or a ticked task that mentions interest.
 */
export const rotationInterest: Rule = (note, ctx) => {
  if (note.kind !== 'rotation' || note.rotationKind !== 'away' || !note.start || !note.end || note.end < note.start) return [];
  const end = note.end;
  if (expressed(note, ctx.vault)) return [];
  return [{
    code: 'rotation-interest',
    severity: 'info',
    due: end,
    showFrom: maxDate(note.start, addDays(end, -(ctx.settings.rotationInterestDays - 1))) ?? note.start,
    showUntil: end,
    line: keyLine(note, 'end', 'end_date') ?? noteLine(note),
    message: `${note.name} ends ${end} (${relativeDays(end, ctx.today)}). Before you leave, tell a faculty member or the program director, once and without pushing, that you would be excited to train there, and ask what else they would suggest; log it with a line that mentions your interest.`,
    action: 'Express your interest before the rotation ends',
    template: 'end-of-rotation-interest',
    key: `interest:${end}`,
  }];
};

function expressed(rotation: RotationNote, vault: Vault): boolean {
  const within = (n: Note) => n.interactions.some((i) => i.date >= rotation.start! && i.date <= rotation.end! && INTEREST.test(i.text));
  if (within(rotation)) return true;
  if (rotation.tasks.some((t) => t.done && INTEREST.test(t.text))) return true;
  return vault.contactsOf(rotation).some(within);
}

const PARAMS = {
  rotationInterestDays: days(5, 'the last this-many days of an away rotation, when expressing interest in the program is suggested.', 1, 60),
} as const;

export const rotationInterestRule = defineRule({
  code: 'rotation-interest',
  title: 'Interest at the end of a rotation',
  when: 'the last [rotationInterestDays] days of an away rotation, no expression of interest logged',
  severity: 'info',
  defaultSeverity: 'info',
  params: PARAMS,
  templates: ['end-of-rotation-interest'],
  action: 'Express your interest before the rotation ends',
  evaluate: rotationInterest,
});
