/**
 * Notes built to find super-linear scans: each repeats one pathological piece until
 * the note has `bytes` characters. Used by the linear-time test and `npm run bench`.
 */
export const ADVERSARIAL_PIECES: Readonly<Record<string, (n: number) => string>> = {
  spaces: (n) => `## Log\n- 2026-01-01${' '.repeat(n)}!`,
  'heading spaces': (n) => `#${' '.repeat(n)}x${' '.repeat(n)}#x`,
  brackets: (n) => `## Log\n- [ ] ${'['.repeat(n / 2)}${']'.repeat(n / 2)}x`,
  'wiki brackets': (n) => `${'[['.repeat(n / 2)}`,
  'closing brackets': (n) => `[[a${']'.repeat(n)}x`,
  backticks: (n) => Array.from({ length: n / 8 }, (_, i) => '`'.repeat(1 + (i % 5)) + 'ab').join(''),
  'comment openers': (n) => '<!--'.repeat(n / 4),
  'html attributes': (n) => `<a${' b'.repeat(n / 2)}`,
  'bad dates': (n) => `## Interactions\n${'- 2026-02-31 met: x\n'.repeat(n / 20)}`,
  'loose dates': (n) => `## Interactions\n${'- Oct 12, 2026 called\n'.repeat(n / 22)}`,
  'nested items': (n) => '- '.repeat(n / 2) + 'x\n\n\n' + '\n'.repeat(1000),
  'nested quotes': (n) => '> '.repeat(n / 2) + 'x',
  'frontmatter spaces': (n) => `---\nname${' '.repeat(n)}x\n---\n`,
  'met_at brackets': (n) => `---\nmet_at: "[[${']'.repeat(n)}"\n---\n`,
  'due fields': (n) => `- [ ] x ${'[due:: '.repeat(n / 7)}`,
  percent: (n) => '%%\n'.repeat(n / 3),
  'log entry dashes': (n) => `## Log\n- 2026-01-01 ${'- '.repeat(n / 2)}`,
  'tabs and markers': (n) => '\t> -\t1.\t'.repeat(n / 9) + 'x',
};
