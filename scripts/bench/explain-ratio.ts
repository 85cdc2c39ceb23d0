// Section 1: explain time / ORT forward (predict) time on the same sequences, per model and
// explanation method, at a fixed number of intra-op threads. Predict and explain are interleaved
// batch by batch, so load from other processes hits both sides of the ratio alike. The first
// explain call per config compiles its relevance graphs and is excluded (warm-up).
import { basename } from 'node:path';
import { openModel } from '../../src-main/engine/explain/open-model';
import { parseExplainConfig, type ExplainConfigInput } from '../../src-main/shared/explain-config';
import { randomOneHot } from './sequences';
import { bestOfInterleaved, round, timed, type Timing } from './timing';

export interface MethodSpec {
  label: string;
  config: ExplainConfigInput;
  /** Goal for explain/predict from issue 5; null when the issue sets none. */
  goal: number | null;
}

export const METHODS: MethodSpec[] = [
  { label: 'LRP epsilon-plus', config: { id: 'eps-plus', composite: 'epsilon-plus' }, goal: 4 },
  { label: 'LRP epsilon-gamma-box', config: { id: 'eps-gamma-box', composite: 'epsilon-gamma-box' }, goal: null },
  { label: 'PLRP-λ p=0.3', config: { id: 'plrp-lambda', composite: 'epsilon-plus', method: 'plrp-lambda', p: 0.3 }, goal: 4.5 },
  { label: 'PLRP-M p=0.3', config: { id: 'plrp-m', composite: 'epsilon-plus', method: 'plrp-m', p: 0.3 }, goal: 6 },
];

export interface RatioRow {
  model: string;
  lengthBp: number;
  sequences: number;
  batch: number;
  method: string;
  /** Fastest forward over all methods' measurements of this model (the same sequences). */
  predictMs: number;
  /** The forward measured interleaved with this method's explain. */
  pairedPredictMs: number;
  explainMs: number;
  /** explain wall time / predictMs. */
  ratio: number;
  /** explain / pairedPredictMs. */
  pairedRatio: number;
  /** explain / fastest forward in process CPU time. */
  cpuRatio: number;
  goal: number | null;
  meetsGoal: boolean | null;
  warmupMs: number;
  /** Repeats; each batch's time is the fastest repeat. */
  reps: number;
  explainSeqPerSec: number;
}

export async function explainRatios(modelPath: string, sequences: number, batch: number, threads: number, reps: number, seed = 1): Promise<RatioRow[]> {
  const model = await openModel(modelPath, { intraOpThreads: threads });
  try {
    const L = model.info.lengthBp;
    const x = randomOneHot(sequences, L, seed);
    const targets = new Int32Array(batch).fill(-1);
    const slice = (i: number) => x.subarray(i * L * 4, Math.min(sequences, i + batch) * L * 4);
    const rows: RatioRow[] = [];
    const timings: { m: MethodSpec; pred: Timing; expl: Timing; warmMs: number }[] = [];
    await model.predict(slice(0), Math.min(batch, sequences));
    for (const m of METHODS) {
      const config = parseExplainConfig(m.config);
      const warm = await timed(() => model.explain(slice(0), Math.min(batch, sequences), [config], targets.subarray(0, Math.min(batch, sequences))));
      // Per batch, the fastest of `reps` interleaved repeats: the least disturbed by other processes.
      const size = (b: number) => Math.min(batch, sequences - b * batch);
      const [pred, expl] = await bestOfInterleaved(Math.ceil(sequences / batch), reps, [
        (b) => model.predict(slice(b * batch), size(b)),
        (b) => model.explain(slice(b * batch), size(b), [config], targets.subarray(0, size(b))),
      ]);
      timings.push({ m, pred, expl, warmMs: warm.wallMs });
    }
    // The forward is the same work for every method: its fastest measurement is the least
    // disturbed estimate, and the denominator of every ratio of this model.
    const predictMs = Math.min(...timings.map((t) => t.pred.wallMs));
    const predictCpuMs = Math.min(...timings.map((t) => t.pred.cpuMs));
    for (const { m, pred, expl, warmMs } of timings) {
      const ratio = expl.wallMs / predictMs;
      rows.push({
        model: basename(modelPath, '.onnx'), lengthBp: L, sequences, batch, method: m.label,
        predictMs: round(predictMs, 1), pairedPredictMs: round(pred.wallMs, 1), explainMs: round(expl.wallMs, 1), ratio: round(ratio),
        pairedRatio: round(expl.wallMs / pred.wallMs), cpuRatio: round(expl.cpuMs / predictCpuMs),
        goal: m.goal, meetsGoal: m.goal === null ? null : ratio <= m.goal, warmupMs: round(warmMs, 0), reps,
        explainSeqPerSec: round((sequences / expl.wallMs) * 1000, 0),
      });
    }
    return rows;
  } finally {
    await model.close();
  }
}

/** One model and method over several rounds of the ratio section. */
export interface RatioRange {
  model: string;
  method: string;
  min: number;
  median: number;
  max: number;
  goal: number | null;
  /** Rounds whose ratio met the goal. */
  roundsMet: number;
}

export function ratioRanges(rounds: RatioRow[][]): RatioRange[] {
  return rounds[0].map((first, i) => {
    const ratios = rounds.map((rows) => rows[i].ratio).sort((a, b) => a - b);
    const mid = ratios.length >> 1;
    const median = ratios.length % 2 ? ratios[mid] : (ratios[mid - 1] + ratios[mid]) / 2;
    return {
      model: first.model, method: first.method, min: ratios[0], median: round(median), max: ratios[ratios.length - 1], goal: first.goal,
      roundsMet: rounds.filter((rows) => rows[i].meetsGoal).length,
    };
  });
}
