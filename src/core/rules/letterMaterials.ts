import { addDays } from '../dates';
import { seasonFields } from '../season';
import { displayName, relativeDays } from './facts';
import type { Rule } from './types';
import { defineRule, days } from './descriptor';

/**
 * letter-materials: the writer agreed and `materials_sent` is not recorded. Send what
 * you promised (CV, personal statement draft, the specialty's letter form) within
 * `letterMaterialsDays`: info from the day they agreed, a warning once that has passed.
 */
export const letterMaterials: Rule = (note, ctx) => {
  if (note.kind !== 'contact') return [];
  const letter = seasonFields(note).letter;
  if (!letter?.agreed || letter.declined || letter.materialsSent || letter.uploaded) return [];
  const agreed = letter.agreed.date;
  const due = addDays(agreed, ctx.settings.letterMaterialsDays);
  return [{
    code: 'letter-materials',
    severity: ctx.today > due ? 'warning' : 'info',
    due,
    showFrom: agreed,
    line: letter.agreed.line,
    message: `${displayName(note)} agreed to write a letter on ${agreed} (${relativeDays(agreed, ctx.today)}); no \`materials_sent\` yet. Send your CV, personal statement draft and the letter form by ${due}, then record \`materials_sent:\`.`,
    action: 'Send your letter materials',
    template: 'letter-materials',
    key: 'letter:materials',
  }];
};

const PARAMS = {
  letterMaterialsDays: days(3, 'days after a writer agrees by which your materials (CV, statement draft, letter form) should be sent.'),
} as const;

export const letterMaterialsRule = defineRule({
  code: 'letter-materials',
  title: 'Letter materials',
  when: 'a writer agreed and your materials are not sent: due [letterMaterialsDays] days after `agreed`',
  severity: 'info; warning once due',
  defaultSeverity: 'warning',
  params: PARAMS,
  templates: ['letter-materials'],
  action: 'Send your letter materials',
  evaluate: letterMaterials,
});
