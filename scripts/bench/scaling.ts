// Section 3: scaling with intra-op threads (one model, in process) and with the number of
// sequences (whole runs through the run service, each in its own child process so its peak memory
// is its own). Linear time and flat peak memory mean results stream to SQLite rather than RAM.
import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openModel } from '../../src-main/engine/explain/open-model';
import { parseExplainConfig } from '../../src-main/shared/explain-config';
import type { ScalingCase } from './scaling-case';
import { randomOneHot } from './sequences';
import { bestOfInterleaved, round } from './timing';

const CASE_SCRIPT = fileURLToPath(new URL('./scaling-case.ts', import.meta.url));

export interface ThreadRow {
  model: string;
  intraOpThreads: number;
  sequences: number;
  predictS: number;
  explainS: number;
  explainSeqPerSec: number;
  /** explain time at 1 thread / explain time at this many. */
  speedup: number;
}

export async function threadScaling(modelPath: string, sequences: number, batch: number, threadCounts: number[], reps: number): Promise<ThreadRow[]> {
  const rows: ThreadRow[] = [];
  const config = parseExplainConfig({ id: 'eps-plus', composite: 'epsilon-plus' });
  for (const threads of threadCounts) {
    const model = await openModel(modelPath, { intraOpThreads: threads });
    try {
      const L = model.info.lengthBp;
      const x = randomOneHot(sequences, L, 3);
      const targets = new Int32Array(batch).fill(-1);
      const slice = (i: number, n: number) => x.subarray(i * L * 4, (i + n) * L * 4);
      await model.explain(slice(0, batch), batch, [config], targets);
      const size = (b: number) => Math.min(batch, sequences - b * batch);
      const [pred, expl] = await bestOfInterleaved(Math.ceil(sequences / batch), reps, [
        (b) => model.predict(slice(b * batch, size(b)), size(b)),
        (b) => model.explain(slice(b * batch, size(b)), size(b), [config], targets.subarray(0, size(b))),
      ]);
      rows.push({
        model: basename(modelPath, '.onnx'), intraOpThreads: threads, sequences, predictS: round(pred.wallMs / 1000, 3), explainS: round(expl.wallMs / 1000, 3),
        explainSeqPerSec: round((sequences / expl.wallMs) * 1000, 0), speedup: 1,
      });
    } finally {
      await model.close();
    }
  }
  for (const r of rows) r.speedup = round(rows[0].explainS / r.explainS);
  return rows;
}

/** `demo`: the one-click demo's seven explanations (scaling-case.ts --demo) instead of ε+ alone. */
export function sequenceScaling(modelPath: string, counts: number[], dir: string, intraOpThreads: number, workers = 1, allMotifs = false, demo = false): ScalingCase[] {
  return counts.map((n) => {
    const args = ['--import', 'tsx', CASE_SCRIPT, '--n', String(n), '--model', modelPath, '--dir', dir, '--intra-op', String(intraOpThreads), '--workers', String(workers)];
    if (allMotifs) args.push('--all-motifs');
    if (demo) args.push('--demo');
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 << 20 });
    if (r.status !== 0) throw new Error(`scaling case ${n} failed: ${r.stderr.trim().split('\n').slice(-5).join('\n')}`);
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as ScalingCase;
  });
}
