import * as assert from 'assert';
import { bucketOf, contactState, isOverdue, relativeDue } from '../../src/core/contactState';
import { parseNote } from '../../src/core/parseNote';
import type { FollowUp } from '../../src/core/rules/types';
import type { ContactNote } from '../../src/core/types';

const TODAY = '2026-11-25';
const contact = (extra = '') => parseNote('contacts/a.md', `---\nname: A\nrole: faculty\n${extra}---\n`) as ContactNote;
const fu = (due: string, severity: FollowUp['severity'], code: FollowUp['code'] = 'follow-up-due'): FollowUp => ({
  code, severity, due, message: '', action: '', contact: 'A', key: due, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
});

describe('contact state and agenda buckets', () => {
  it('counts anything past due as overdue except hints, the same for buckets and states', () => {
    for (const [f, overdue] of [
      [fu('2026-11-24', 'info'), true], [fu('2026-11-24', 'warning'), true], [fu('2026-11-24', 'hint', 'attempts-exhausted'), false],
      [fu('2026-11-25', 'warning'), false], [fu('2026-11-26', 'error'), false],
    ] as const) {
      assert.strictEqual(isOverdue(f, TODAY), overdue, JSON.stringify(f));
      assert.strictEqual(bucketOf(f, TODAY) === 'overdue', overdue);
      assert.strictEqual(contactState(contact(), [f], TODAY) === 'overdue', overdue);
    }
  });

  it('buckets by days from today: today, this week (1–7 days), later', () => {
    assert.strictEqual(bucketOf(fu('2026-11-25', 'info'), TODAY), 'today');
    assert.strictEqual(bucketOf(fu('2026-11-20', 'hint', 'attempts-exhausted'), TODAY), 'today', 'a past hint is something to do today, not a debt');
    assert.strictEqual(bucketOf(fu('2026-11-26', 'info'), TODAY), 'week');
    assert.strictEqual(bucketOf(fu('2026-12-02', 'info'), TODAY), 'week');
    assert.strictEqual(bucketOf(fu('2026-12-03', 'info'), TODAY), 'later');
  });

  it('says dormant before anything else, then overdue, due soon, waiting, on track', () => {
    assert.strictEqual(contactState(contact('status: dormant\n'), [fu('2026-11-01', 'error')], TODAY), 'dormant');
    assert.strictEqual(contactState(contact(), [fu('2026-11-27', 'info')], TODAY), 'due-soon');
    assert.strictEqual(contactState(contact(), [fu('2026-11-29', 'info')], TODAY), 'ok');
    assert.strictEqual(contactState(contact('status: waiting\n'), [], TODAY), 'waiting');
    assert.strictEqual(contactState(contact(), [fu('2026-11-20', 'hint', 'attempts-exhausted')], TODAY), 'waiting');
  });

  it('says a due date in words', () => {
    assert.deepStrictEqual(['2026-11-25', '2026-11-26', '2026-11-24', '2026-11-30', '2026-11-20'].map((d) => relativeDue(d, TODAY)),
      ['today', 'tomorrow', 'yesterday', 'in 5 days', '5 days ago']);
  });
});
