export * from './types';
export { parseTemplate, TemplateProblemCode, MAX_TEMPLATE_CHARS } from './parse';
export { TemplateRegistry, buildRegistry, rankTemplates, templateFits } from './registry';
export { templateFields } from './fields';
export { fillTemplate, toSnippet, fieldsUsed } from './fill';
export { KNOWN_FIELDS, fieldLabel } from './placeholders';
