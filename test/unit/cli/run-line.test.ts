// `plrp runs list` names a run's explanations in the one order the app, `runs show`, exports and
// reports use (LRP, then each PLRP method by increasing p), not in the order they were configured.
import { describe, expect, it } from 'vitest';
import { runLine } from '../../../src-main/cli/run-line';
import type { RunSummary } from '../../../src-main/shared/run-api';

const explanation = (id: string, method: string, p?: number) =>
  ({ id, method, canonical: JSON.stringify({ method, ...(p === undefined ? {} : { p }) }) });

describe('runs list line', () => {
  it('lists the explanations in explanation order', () => {
    const run = {
      id: 'abcd1234', status: 'done', computedElsewhereBy: null, timings: { createdAt: Date.UTC(2026, 10, 28, 12, 0, 0) },
      modelName: 'cnn4-pair.onnx', fastaName: 'in.fa', regions: null, sequencesDone: 3, sequenceCount: 3, label: 'x',
      explanations: [explanation('plrp-l-0.5', 'plrp-lambda', 0.5), explanation('plrp-l-0.1', 'plrp-lambda', 0.1), explanation('lrp', 'lrp'), explanation('plrp-m-0.3', 'plrp-m', 0.3)],
    } as unknown as RunSummary;
    expect(runLine(run).split('\t')).toEqual(['abcd1234', 'done', '2026-11-28 12:00:00', 'cnn4-pair.onnx', 'in.fa', '3/3', 'lrp,plrp-l-0.1,plrp-l-0.5,plrp-m-0.3', 'x']);
  });
});
