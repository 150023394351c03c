import * as assert from 'assert';
import { addDays, daysBetween, localToday, parseCadence, parseCalendarDate } from '../../src/core/dates';

describe('calendar dates', () => {
  it('accepts YYYY-MM-DD, datetimes (keeping the written date) and Dendron dates', () => {
    assert.deepStrictEqual(parseCalendarDate('2026-10-12'), { ok: true, date: '2026-10-12' });
    assert.deepStrictEqual(parseCalendarDate('2026-10-12T23:30:00-10:00'), { ok: true, date: '2026-10-12' });
    assert.deepStrictEqual(parseCalendarDate('2026-10-12T00:30Z'), { ok: true, date: '2026-10-12' });
    assert.deepStrictEqual(parseCalendarDate('2026.10.12'), { ok: true, date: '2026-10-12' });
  });

  it('refuses impossible dates instead of rolling them over', () => {
    assert.strictEqual(parseCalendarDate('2024-02-30').ok, false);
    assert.strictEqual(parseCalendarDate('2023-02-29').ok, false);
    assert.strictEqual(parseCalendarDate('2024-02-29').ok, true);
    assert.strictEqual(parseCalendarDate('2026-13-01').ok, false);
    assert.strictEqual(parseCalendarDate('12/10/2026').ok, false);
    assert.strictEqual(parseCalendarDate('').ok, false);
  });

  it('does arithmetic across month, year and DST boundaries without drifting', () => {
    assert.strictEqual(addDays('2026-10-30', 3), '2026-11-02');
    assert.strictEqual(addDays('2026-12-31', 1), '2027-01-01');
    assert.strictEqual(addDays('2026-03-07', 1), '2026-03-08');
    assert.strictEqual(addDays('2026-03-08', 1), '2026-03-09');
    assert.strictEqual(addDays('2026-11-01', -1), '2026-10-31');
    assert.strictEqual(daysBetween('2026-03-01', '2026-04-01'), 31);
    assert.strictEqual(daysBetween('2026-11-25', '2026-11-18'), -7);
  });

  it('reads the local calendar date from the wall clock', () => {
    // 2026-11-25 10:00 local, whatever the zone.
    assert.strictEqual(localToday(new Date(2026, 10, 25, 10, 0)), '2026-11-25');
    assert.strictEqual(localToday(new Date(2026, 10, 25, 23, 59)), '2026-11-25');
  });

  it('parses cadences', () => {
    assert.strictEqual(parseCadence('45d'), 45);
    assert.strictEqual(parseCadence('6w'), 42);
    assert.strictEqual(parseCadence('3mo'), 90);
    assert.strictEqual(parseCadence('P45D'), 45);
    assert.strictEqual(parseCadence('P1M2W'), 44);
    assert.strictEqual(parseCadence('soon'), null);
    assert.strictEqual(parseCadence('0d'), null);
    assert.strictEqual(parseCadence('P'), null);
  });
});
