// Section 2: the same models, weights and sequences explained by PyTorch (zennit-style hooks, see
// torch_lrp.py) and by our engine: forward time, epsilon-plus time, throughput ratio, and a check
// that both computed the same relevance (relative L2), so the timings compare equal work. Without
// a Python that imports torch, the reference figures are reported, labelled as such.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openModel } from '../../src-main/engine/explain/open-model';
import { parseExplainConfig } from '../../src-main/shared/explain-config';
import { oneHotFromIndices } from './sequences';
import { bestOfInterleaved, round } from './timing';

const SCRIPT = fileURLToPath(new URL('./torch_lrp.py', import.meta.url));
/** Goal of issue 5: at least twice zennit's epsilon-plus throughput. */
export const THROUGHPUT_GOAL = 2;

/** Issue 5's figures for this machine (2 threads, 6,000 × 300 bp, small Basset 64/48/32). */
export const REFERENCE_FIGURES = {
  source: 'issue 5 (reference, not measured by this run)',
  sequences: 6000, lengthBp: 300,
  torchForwardS: 1.27, zennitEpsilonPlusS: 3.99, ortForwardS: 0.33, singleOnnxGraphEpsilonPlusS: 1.65,
};

interface TorchModelResult { name: string; lengthBp: number; sequences: number; batch: number; checked: number; reps: number; forwardS: number; epsilonPlusS: number }
interface TorchOutput { torch: string; threads: number; models: TorchModelResult[] }

export interface TorchCompareRow {
  model: string;
  sequences: number;
  lengthBp: number;
  batch: number;
  torchForwardS: number;
  torchEpsilonPlusS: number;
  ortForwardS: number;
  oursEpsilonPlusS: number;
  oursSeqPerSec: number;
  torchSeqPerSec: number;
  /** ours throughput / torch-zennit-style throughput. */
  speedup: number;
  goal: number;
  meetsGoal: boolean;
  /** ‖ours − torch‖₂ / ‖torch‖₂ over the checked sequences. */
  relativeL2: number;
  checkedSequences: number;
  /** Repeats on both sides; per batch the fastest one counts. */
  reps: number;
}

export type TorchCompareResult =
  | { measured: true; torchVersion: string; threads: number; rows: TorchCompareRow[] }
  | { measured: false; reason: string; reference: typeof REFERENCE_FIGURES };

export function findTorchPython(): string | null {
  for (const exe of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(exe, ['-c', 'import torch, onnx, numpy'], { stdio: 'ignore' });
    if (r.status === 0) return exe;
  }
  return null;
}

function relativeL2(a: Float32Array, b: Float32Array): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    num += (a[i] - b[i]) ** 2;
    den += b[i] ** 2;
  }
  return Math.sqrt(num / den);
}

/** Our side of a row; the torch side and the speed-up are added once the best rounds are known. */
type OursMeasurement = Omit<TorchCompareRow, 'torchForwardS' | 'torchEpsilonPlusS' | 'torchSeqPerSec' | 'speedup' | 'meetsGoal'>;

function compareRow(t: TorchModelResult, ours: OursMeasurement): TorchCompareRow {
  const speedup = t.epsilonPlusS / ours.oursEpsilonPlusS;
  return {
    ...ours, torchForwardS: t.forwardS, torchEpsilonPlusS: t.epsilonPlusS, torchSeqPerSec: round(t.sequences / t.epsilonPlusS, 0),
    speedup: round(speedup), meetsGoal: speedup >= THROUGHPUT_GOAL,
  };
}

async function oursOn(modelPath: string, t: TorchModelResult, dir: string, threads: number, reps: number): Promise<OursMeasurement> {
  const L = t.lengthBp;
  const x = oneHotFromIndices(new Uint8Array(readFileSync(join(dir, `${t.name}.seq.u8`))), t.sequences, L);
  const model = await openModel(modelPath, { intraOpThreads: threads });
  try {
    const config = parseExplainConfig({ id: 'eps-plus', composite: 'epsilon-plus' });
    const slice = (i: number, n: number) => x.subarray(i * L * 4, (i + n) * L * 4);
    const targets = new Int32Array(t.batch).fill(-1);
    const first = Math.min(t.batch, t.sequences);
    await model.predict(slice(0, first), first);
    await model.explain(slice(0, first), first, [config], targets.subarray(0, first));
    const size = (b: number) => Math.min(t.batch, t.sequences - b * t.batch);
    const [fwd, expl] = await bestOfInterleaved(Math.ceil(t.sequences / t.batch), reps, [
      (b) => model.predict(slice(b * t.batch, size(b)), size(b)),
      (b) => model.explain(slice(b * t.batch, size(b)), size(b), [config], targets.subarray(0, size(b))),
    ]);
    const check = await model.explain(slice(0, t.checked), t.checked, [config], new Int32Array(t.checked).fill(-1));
    const theirs = new Float32Array(readFileSync(join(dir, `${t.name}.rel.f32`)).buffer.slice(0));
    const oursS = expl.wallMs / 1000;
    return {
      model: t.name, sequences: t.sequences, lengthBp: L, batch: t.batch,
      ortForwardS: round(fwd.wallMs / 1000, 3), oursEpsilonPlusS: round(oursS, 3), oursSeqPerSec: round(t.sequences / oursS, 0), goal: THROUGHPUT_GOAL,
      relativeL2: Number(relativeL2(check.relevance['eps-plus'], theirs).toExponential(2)), checkedSequences: t.checked, reps,
    };
  } finally {
    await model.close();
  }
}

/**
 * Torch and ours run one after the other, a minute apart, and load on a shared machine changes in
 * between; so the pair is measured `rounds` times, alternating, and each side keeps its fastest.
 */
export async function torchCompare(o: { dir: string; bassetPath: string; nSmall: number; nBasset: number; threads: number; reps: number; rounds?: number }): Promise<TorchCompareResult> {
  const python = findTorchPython();
  if (!python) return { measured: false, reason: 'no python3 that imports torch, onnx and numpy', reference: REFERENCE_FIGURES };
  const args = [SCRIPT, '--out-dir', o.dir, '--basset', o.bassetPath, '--n-small', String(o.nSmall), '--n-basset', String(o.nBasset), '--threads', String(o.threads), '--reps', String(o.reps)];
  let best: { torch: TorchModelResult; ours: OursMeasurement }[] = [];
  let out: TorchOutput | null = null;
  for (let attempt = 0; attempt < (o.rounds ?? 2); attempt++) {
    const r = spawnSync(python, args, { encoding: 'utf8', maxBuffer: 16 << 20 });
    if (r.status !== 0) return { measured: false, reason: `torch_lrp.py failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`, reference: REFERENCE_FIGURES };
    out = JSON.parse(r.stdout.trim().split('\n').pop()!) as TorchOutput;
    const measured: { torch: TorchModelResult; ours: OursMeasurement }[] = [];
    for (const t of out.models) {
      measured.push({ torch: t, ours: await oursOn(t.name === 'small-basset' ? join(o.dir, 'small-basset.onnx') : o.bassetPath, t, o.dir, o.threads, o.reps) });
    }
    best = attempt === 0 ? measured : best.map((b, i) => ({
      torch: measured[i].torch.epsilonPlusS < b.torch.epsilonPlusS ? measured[i].torch : b.torch,
      ours: measured[i].ours.oursEpsilonPlusS < b.ours.oursEpsilonPlusS ? measured[i].ours : b.ours,
    }));
  }
  const rows = best.map(({ torch, ours }) => compareRow(torch, ours));
  return { measured: true, torchVersion: out!.torch, threads: out!.threads, rows };
}
