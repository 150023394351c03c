import { findPatientIdentifiers } from './index';
import { PATIENT_IDENTIFIER_KINDS, type PatientIdentifierKind } from './types';

/**
 * Scores the detector on labelled sentences: a finding counts only when its kind
 * and its exact span match a label, so the evaluation checks ranges as well as kinds.
 */

export interface LabelledSentence {
  text: string;
  ids: readonly { kind: string; span: string }[];
  why?: string;
}

export interface KindScore {
  kind: PatientIdentifierKind;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** 1 when nothing was found (no false alarms). */
  precision: number;
  /** 1 when nothing was expected. */
  recall: number;
}

export interface Mistake {
  text: string;
  kind: string;
  span: string;
  /** `missed`: labelled but not found; `false alarm`: found but not labelled (or found with another span). */
  type: 'missed' | 'false alarm';
}

export interface Evaluation {
  sentences: number;
  overall: Omit<KindScore, 'kind'>;
  byKind: KindScore[];
  mistakes: Mistake[];
}

function ratio(hits: number, total: number): number {
  return total === 0 ? 1 : hits / total;
}

export function evaluateDetector(items: readonly LabelledSentence[]): Evaluation {
  const counts = new Map<PatientIdentifierKind, { tp: number; fp: number; fn: number }>(
    PATIENT_IDENTIFIER_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  const mistakes: Mistake[] = [];
  for (const item of items) {
    const expected = item.ids.map((id) => ({ ...id, matched: false }));
    for (const found of findPatientIdentifiers([item.text])) {
      const span = item.text.slice(found.range.start.character, found.range.end.character);
      const label = expected.find((e) => !e.matched && e.kind === found.kind && e.span === span);
      const c = counts.get(found.kind);
      if (!c) continue;
      if (label) {
        label.matched = true;
        c.tp++;
      } else {
        c.fp++;
        mistakes.push({ text: item.text, kind: found.kind, span, type: 'false alarm' });
      }
    }
    for (const e of expected) {
      if (e.matched) continue;
      const c = counts.get(e.kind as PatientIdentifierKind);
      if (c) c.fn++;
      mistakes.push({ text: item.text, kind: e.kind, span: e.span, type: 'missed' });
    }
  }
  const byKind: KindScore[] = PATIENT_IDENTIFIER_KINDS.map((kind) => {
    const c = counts.get(kind) ?? { tp: 0, fp: 0, fn: 0 };
    return {
      kind, truePositives: c.tp, falsePositives: c.fp, falseNegatives: c.fn,
      precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn),
    };
  });
  const tp = byKind.reduce((n, k) => n + k.truePositives, 0);
  const fp = byKind.reduce((n, k) => n + k.falsePositives, 0);
  const fn = byKind.reduce((n, k) => n + k.falseNegatives, 0);
  return {
    sentences: items.length,
    overall: { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) },
    byKind,
    mistakes,
  };
}
