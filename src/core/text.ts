/**
 * Text from a vault or an import going into one line (a subject, a YAML value or comment,
 * a sentence): line breaks, control characters, BOMs and noncharacters become spaces, runs
 * of white space one space.
 */
export function singleLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]+/g, ' ').replace(/\s+/g, ' ').trim();
}
