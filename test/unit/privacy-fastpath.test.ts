import * as assert from 'assert';
import { findPatientIdentifiers } from '../../src/core/privacy';
import { scanLine } from '../../src/core/privacy/detectors';
import labelled from '../fixtures/privacy-labelled.json';

/*
 * The detector skips a line whose only digits are the date it starts with (nearly every
 * log entry), and cuts a line into words only when a candidate needs them. These tests
 * pin what must still be found around those shortcuts.
 */

function spans(line: string): string[] {
  return scanLine(line).map((h) => `${h.kind}:${line.slice(h.start, h.end)}`);
}

describe('privacy detector shortcuts', () => {
  it('still scans a log entry that holds digits after its date', () => {
    assert.deepStrictEqual(spans('- 2026-10-14 saw pt, 72 yo F s/p DIEP flap'), ['age:72 yo']);
    assert.deepStrictEqual(spans('- 2026-10-14 met: MRN 4470912 in bed 12'), ['mrn:4470912', 'room:12']);
    assert.deepStrictEqual(spans('2026-10-14 DOB 5/5/1950'), ['dob:5/5/1950']);
    assert.deepStrictEqual(spans('- 2026-10-14 emailed: daughter\'s # 617-555-0166'), ['phone:617-555-0166']);
  });

  it('finds nothing in a log entry whose only digits are its date, whatever its words', () => {
    const words = labelled.items.flatMap((item) => item.text.replace(/\d/g, '').split(/\s+/)).filter((w) => w !== '');
    for (let i = 0; i + 12 <= words.length; i += 7) {
      const line = `- 2026-10-14 ${words.slice(i, i + 12).join(' ')}`;
      assert.deepStrictEqual(scanLine(line), [], line);
    }
  });

  it('finds every labelled identifier when the sentence is a dated log entry', () => {
    let found = 0;
    for (const item of labelled.items) {
      if (item.ids.length === 0) continue;
      const lines = ['## Log', `- 2026-10-14 note: ${item.text}`];
      const kinds = findPatientIdentifiers(lines).map((id) => id.kind).sort();
      // The date in front may only add context, never hide what the sentence holds.
      for (const id of item.ids) if (kinds.includes(id.kind as never)) found++;
    }
    assert.ok(found >= 150, `found ${found} of the labelled identifiers`);
  });
});
