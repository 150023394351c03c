import * as assert from 'assert';
import { findPatientIdentifiers, isPlausibleSsn } from '../../src/core/privacy';

const kinds = (line: string) => findPatientIdentifiers([line]).map((id) => id.kind);

describe('privacy: social security numbers', () => {
  it('refuses areas that were never issued, at their boundaries', () => {
    assert.strictEqual(isPlausibleSsn('000-12-3456'), false);
    assert.strictEqual(isPlausibleSsn('001-12-3456'), true);
    assert.strictEqual(isPlausibleSsn('665-12-3456'), true);
    assert.strictEqual(isPlausibleSsn('666-12-3456'), false);
    assert.strictEqual(isPlausibleSsn('667-12-3456'), true);
    assert.strictEqual(isPlausibleSsn('899-12-3456'), true);
    assert.strictEqual(isPlausibleSsn('900-12-3456'), false);
    assert.strictEqual(isPlausibleSsn('999-12-3456'), false);
  });

  it('refuses group 00 and serial 0000 but not their neighbours', () => {
    assert.strictEqual(isPlausibleSsn('412-00-3456'), false);
    assert.strictEqual(isPlausibleSsn('412-01-3456'), true);
    assert.strictEqual(isPlausibleSsn('412-55-0000'), false);
    assert.strictEqual(isPlausibleSsn('412-55-0001'), true);
  });

  it('refuses one repeated digit and the published sample numbers', () => {
    assert.strictEqual(isPlausibleSsn('111-11-1111'), false);
    assert.strictEqual(isPlausibleSsn('222222222'), false);
    assert.strictEqual(isPlausibleSsn('078-05-1120'), false);
    assert.strictEqual(isPlausibleSsn('078-05-1121'), true);
    assert.strictEqual(isPlausibleSsn('219-09-9999'), false);
    assert.strictEqual(isPlausibleSsn('123-45-6789'), false);
    assert.strictEqual(isPlausibleSsn('123-45-6780'), true);
  });

  it('accepts only nine digits, with or without separators', () => {
    assert.strictEqual(isPlausibleSsn('412557809'), true);
    assert.strictEqual(isPlausibleSsn('412 55 7809'), true);
    assert.strictEqual(isPlausibleSsn('41255780'), false);
    assert.strictEqual(isPlausibleSsn('4125578090'), false);
    assert.strictEqual(isPlausibleSsn('412-55-78O9'), false);
    assert.strictEqual(isPlausibleSsn(''), false);
  });

  it('flags a valid dashed SSN anywhere, but spaced or bare digits only after an SSN keyword', () => {
    assert.deepStrictEqual(kinds('The face sheet listed 412-55-7809.'), ['ssn']);
    assert.deepStrictEqual(kinds('Zoom 412 55 7809'), []);
    assert.deepStrictEqual(kinds('SSN 412 55 7809'), ['ssn']);
    assert.deepStrictEqual(kinds('confirmation 412557809'), []);
    assert.deepStrictEqual(kinds('social security #412557809'), ['ssn']);
    assert.deepStrictEqual(kinds('SSN 412-55-7809x'), []);
    assert.deepStrictEqual(kinds('ISBN 978-0-12-345678-9, ORCID 0000-0002-1825-0097'), []);
  });

  it('never flags an invalid number, keyword or not', () => {
    for (const n of ['000-12-3456', '666-12-3456', '912-34-5678', '123-00-4567', '123-45-0000', '111-11-1111', '078-05-1120', '219-09-9999', '123-45-6789']) {
      assert.deepStrictEqual(kinds(`SSN: ${n}`), [], n);
    }
  });
});
