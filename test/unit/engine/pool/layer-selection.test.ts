// Layer relevance (the hidden relevance before/after pruning) is large: every pruning point of every
// window. A task returns it only for the windows its LayerSelection names, so a megabase record does
// not carry thousands of windows of it back from the worker when the run cache keeps four.
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { describe, expect, it } from 'vitest';
import explainTask from '../../../../src-main/engine/pool/explain-worker';
import type { ExplainTask, ExplainTaskResult, LayerSelection } from '../../../../src-main/engine/pool/explain-task';
import type { TaskOutcome } from '../../../../src-main/engine/pool/task-outcome';
import { parseExplainConfig } from '../../../../src-main/shared/explain-config';
import { seededRandom } from '../lrp/tiny-onnx';

const CNN32 = fileURLToPath(new URL('../../../fixtures/lrp/cnn32.onnx', import.meta.url));

function letters(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += 'ACGT'[Math.floor(rand() * 4)];
  return s;
}

async function run(layerRelevance: LayerSelection | undefined): Promise<ExplainTaskResult> {
  const rand = seededRandom(5);
  const task: ExplainTask = {
    modelPath: CNN32,
    modelSha256: 'layer-selection',
    // A 1,000-bp record (tiled into 200-bp windows), a one-window sequence, and another long one.
    sequences: [[5, 1000], [6, 200], [7, 1000]].map(([idx, n]) => ({ idx, letters: letters(rand, n), groundTruth: null })),
    configs: [parseExplainConfig({ id: 'plrp', composite: 'epsilon-plus', method: 'plrp-lambda', p: 0.3 })],
    target: 'predicted',
    metrics: [],
    layerRelevance,
    cancelFlag: new Int32Array(new SharedArrayBuffer(4)),
  };
  const raw = (await explainTask(task)) as Record<symbol, unknown>;
  const outcome = (raw[Piscina.valueSymbol] ?? raw) as TaskOutcome<ExplainTaskResult>;
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

const layersOf = (r: ExplainTaskResult, idx: number) => r.sequences.find((s) => s.idx === idx)!.explanations[0].layerRelevance;
const windowsOf = (r: ExplainTaskResult, idx: number) => r.sequences.find((s) => s.idx === idx)!.explanations[0].diagnostics.length;

describe('layer relevance selection in the explain task', () => {
  it('returns every window of every sequence when the selection is open, and none when absent', async () => {
    const all = await run({});
    for (const idx of [5, 6, 7]) expect(layersOf(all, idx)).toHaveLength(windowsOf(all, idx));
    expect(windowsOf(all, 5)).toBeGreaterThan(4);
    const none = await run(undefined);
    expect(layersOf(none, 5)).toBeUndefined();
  });

  it('returns the leading windows of the listed sequences only, the same as in the open selection', async () => {
    const all = await run({});
    const some = await run({ sequences: [5, 6], windowsPerSequence: 2 });
    expect(layersOf(some, 5)).toHaveLength(2);
    expect(layersOf(some, 6)).toHaveLength(1);
    expect(layersOf(some, 7)).toEqual([]);
    for (let w = 0; w < 2; w++) {
      const [a, b] = [layersOf(some, 5)![w], layersOf(all, 5)![w]];
      expect(a.map((l) => l.point)).toEqual(b.map((l) => l.point));
      a.forEach((l, i) => expect(Array.from(l.after)).toEqual(Array.from(b[i].after)));
    }
    // Relevance itself does not depend on what is observed.
    expect(Array.from(some.sequences[0].explanations[0].relevance)).toEqual(Array.from(all.sequences[0].explanations[0].relevance));
  });
});
