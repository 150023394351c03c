import * as assert from 'assert';
import * as path from 'path';
import { buildAgenda } from '../../src/core/agenda';
import { addDays } from '../../src/core/dates';
import { evaluateVault } from '../../src/core/rules';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { bucketOf, daysLate, isOverdue } from '../../src/core/timing';
import { Vault } from '../../src/core/vault';
import { NodeFs } from '../../src/node/nodeFs';

const VAULT = path.resolve(__dirname, '../../examples/vault');

describe('one meaning of overdue, today, this week and later', () => {
  it('a hint is advice, never overdue and never late: past its day it sits under today', () => {
    const hint = { due: '2026-11-03', severity: 'hint' as const };
    assert.strictEqual(isOverdue(hint, '2026-11-25'), false);
    assert.strictEqual(bucketOf(hint, '2026-11-25'), 'today');
    assert.strictEqual(daysLate(hint, '2026-11-25'), 0);
    const warning = { due: '2026-11-03', severity: 'warning' as const };
    assert.strictEqual(bucketOf(warning, '2026-11-25'), 'overdue');
    assert.strictEqual(daysLate(warning, '2026-11-25'), 22);
    const advisory = { due: '2026-11-03', severity: 'warning' as const, code: 'post-interview-contact' };
    assert.strictEqual(bucketOf(advisory, '2026-11-25'), 'today', 'an advisory warning is about something done, never overdue');
    assert.strictEqual(daysLate(advisory, '2026-11-25'), 0);
    assert.strictEqual(bucketOf({ due: '2026-12-02', severity: 'info' }, '2026-11-25'), 'week');
    assert.strictEqual(bucketOf({ due: '2026-12-03', severity: 'info' }, '2026-11-25'), 'later');
  });

  // The extension buckets the follow-ups that show (evaluateVault) with bucketOf; the
  // agenda buckets the schedule. On any day their overdue and today counts must agree,
  // and the agenda's other active items must land in the same buckets.
  for (const offset of [-30, 0, 10, 45, 120]) {
    const today = addDays('2026-11-25', offset);
    it(`the agenda and the extension's buckets agree on the sample vault on ${today}`, async () => {
      const vault = new Vault(new NodeFs(VAULT));
      await vault.scan();
      const shown = [...evaluateVault(vault, today, DEFAULT_SETTINGS).values()].flat();
      const count = (b: string) => shown.filter((f) => bucketOf(f, today) === b).length;
      const agenda = buildAgenda(vault, today, DEFAULT_SETTINGS);
      assert.strictEqual(agenda.overdue.length, count('overdue'), 'overdue');
      assert.strictEqual(agenda.dueToday.filter((i) => i.active).length, count('today'), 'today');
      assert.strictEqual(agenda.upcoming.filter((i) => i.active).length, count('week'), 'this week');
      assert.strictEqual(agenda.later.length, count('later'), 'later');
      assert.ok(agenda.overdue.every((i) => i.active), 'everything overdue already shows');
    });
  }
});
