import * as assert from 'assert';
import { mergeSettings } from '../../src/core/settings';
import { settingsProblemLine } from '../../src/core/settingsLines';

describe('settings problems on their line', () => {
  const text = '{\n  "maxAttempts": 0,\n  "rules": {\n    "keep-in-touch": "loud"\n  },\n  "colour": "blue"\n}\n';

  it('places each of mergeSettings\' messages on the line of the key it names', () => {
    const { errors } = mergeSettings(JSON.parse(text) as unknown);
    const lines = errors.map((e) => settingsProblemLine(text, e)).sort();
    assert.deepStrictEqual(lines, [1, 3, 5], errors.join(' | '));
  });

  it('places a JSON syntax error at its position, and anything unknown on line 0', () => {
    const broken = '{\n  "a": 1,\n  oops\n}';
    let message = '';
    try {
      JSON.parse(broken);
    } catch (e) {
      message = (e as Error).message;
    }
    assert.strictEqual(settingsProblemLine(broken, message), 2, message);
    assert.strictEqual(settingsProblemLine(text, 'something else'), 0);
    assert.strictEqual(settingsProblemLine(text, "'nowhere' is wrong"), 0);
  });

  it('stays linear on a large adversarial file', () => {
    const big = `{${'"k"  '.repeat(200_000)}}`;
    const started = performance.now();
    settingsProblemLine(big, "'k' is wrong");
    assert.ok(performance.now() - started < 500, 'well under a second');
  });
});
