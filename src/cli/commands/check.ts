import * as path from 'path';
import { collectProblems, formatProblemLine, hasProblemAtLeast } from '../../core/report';
import { oneOf, parseCommandArgs } from '../args';
import { plural } from '../plural';
import type { Command } from '../io';
import { todayArg, vaultArg, withVault } from '../vaultLoader';

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * One problem, one line, whatever a name or path contains: line breaks (CR, LF, U+0085,
 * U+2028, U+2029) and other control characters are printed as visible escapes (`\n`,
 * `\x1b`, `\u2028`), so `path:line:col:` parsers and terminals read it as written.
 */
export function oneProblemLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- escaping control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'List every problem and follow-up in the vault, compiler style or as JSON',
  usage: 'rapport check [VAULT] [--today YYYY-MM-DD] [--format text|json] [--cache] [--fail-on error|warning|never]',
  options: { cache: { help: 'Reuse the index cache in your cache folder (never inside the vault); the output is the same' }, 'fail-on': { value: 'error|warning|never', needs: 'a severity', help: 'Exit 1 when a problem this severe or worse is found (default error)' } },
  exit1: 'a problem at or above --fail-on was found',
  async run(argv, io) {
    const { args, format } = parseCommandArgs(argv, this);
    const failOn = oneOf(args, 'fail-on', ['error', 'warning', 'never'] as const, 'error');
    const today = todayArg(args, io);
    return withVault(vaultArg(args), io, args.flags.has('cache'), ['check', ...argv], ({ vault, root, settings }, io) => {
      const problems = collectProblems(vault, today, settings);
      if (format === 'json') {
        io.out(JSON.stringify({ today, problems }, null, 2) + '\n');
      } else {
        // Paths relative to where the user stands, so a terminal's link opens the file.
        const rel = path.relative(io.cwd, root).split(path.sep).join('/');
        const prefix = rel === '' ? '' : `${rel}/`;
        for (const p of problems) io.out(oneProblemLine(formatProblemLine(p, prefix)) + '\n');
        const counts = ['error', 'warning', 'info', 'hint'].map((s) => plural(problems.filter((p) => p.severity === s).length, s, s === 'info' ? 'info' : `${s}s`));
        io.out(`${plural(problems.length, 'problem')} in ${plural(vault.size, 'note')} (${counts.join(', ')}), today ${today}\n`);
      }
      return hasProblemAtLeast(problems, failOn) ? 1 : 0;
    });
  },
};
