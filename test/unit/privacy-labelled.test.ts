import * as assert from 'assert';
import labelled from '../fixtures/privacy-labelled.json';
import { evaluateDetector } from '../../src/core/privacy/evaluate';
import { PATIENT_IDENTIFIER_KINDS } from '../../src/core/privacy';

describe('privacy: labelled evaluation set', () => {
  const items = labelled.items;

  it('is big and varied enough to mean something', () => {
    assert.ok(items.length >= 150, `${items.length} sentences`);
    const negatives = items.filter((i) => i.ids.length === 0).length;
    assert.ok(negatives >= 60, `${negatives} negatives`);
    for (const kind of PATIENT_IDENTIFIER_KINDS) {
      const n = items.reduce((c, i) => c + i.ids.filter((id) => id.kind === kind).length, 0);
      assert.ok(n >= 10, `${kind}: ${n} labelled identifiers`);
    }
  });

  it('labels only known kinds, with spans that occur in their sentence, and no duplicate sentences', () => {
    const seen = new Set<string>();
    for (const item of items) {
      assert.ok(!seen.has(item.text), `duplicate: ${item.text}`);
      seen.add(item.text);
      for (const id of item.ids) {
        assert.ok((PATIENT_IDENTIFIER_KINDS as readonly string[]).includes(id.kind), `${id.kind} in ${item.text}`);
        assert.ok(item.text.includes(id.span), `'${id.span}' not in: ${item.text}`);
      }
    }
  });

  it('finds at least 90% of the labelled identifiers, at least 90% of its findings right (exact spans)', () => {
    const result = evaluateDetector(items);
    const detail = result.mistakes.map((m) => `${m.type} ${m.kind} '${m.span}': ${m.text}`).join('\n');
    assert.ok(result.overall.recall >= 0.9, `recall ${result.overall.recall}\n${detail}`);
    assert.ok(result.overall.precision >= 0.9, `precision ${result.overall.precision}\n${detail}`);
    for (const k of result.byKind) {
      assert.ok(k.recall >= 0.9, `${k.kind} recall ${k.recall}\n${detail}`);
      assert.ok(k.precision >= 0.9, `${k.kind} precision ${k.precision}\n${detail}`);
    }
  });

  it('scores a wrong span as both a miss and a false alarm', () => {
    const result = evaluateDetector([{ text: 'MRN 1234567', ids: [{ kind: 'mrn', span: 'MRN 1234567' }] }]);
    assert.strictEqual(result.overall.truePositives, 0);
    assert.strictEqual(result.overall.falsePositives, 1);
    assert.strictEqual(result.overall.falseNegatives, 1);
    assert.strictEqual(result.overall.recall, 0);
  });
});
