export * from './types';
export { parseTemplate, TemplateProblemCode, MAX_TEMPLATE_CHARS, type ParsedTemplate } from './parse';
export { TemplateRegistry, buildRegistry, rankTemplates, templateFits, type RankContext } from './registry';
export { templateFields, singleLine } from './fields';
export { fillTemplate, toSnippet, fieldsUsed, type FilledTemplate, type SnippetOptions } from './fill';
export { escapeSnippetText, snippetTabStop } from './snippet';
export { renderPlainText, MAX_PLAIN_TEXT_CHARS, MAX_PLAIN_TEXT_DEPTH } from './plainText';
export { KNOWN_FIELDS, fieldKey, fieldLabel, isKnownField, segmentsOf, type Segment } from './placeholders';
export { greetingName, splitName, articleFor } from './names';
