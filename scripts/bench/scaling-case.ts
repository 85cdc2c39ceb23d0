// Child process of the sequence-count scaling section: one run of N random sequences through the
// run service (worker pool + SQLite cache, results written per batch), timed, with this process's
// peak resident memory. A separate process per N keeps each peak independent of the others.
//   node --import tsx scripts/bench/scaling-case.ts --n 10000 --model M.onnx --dir TMP [--intra-op 1] [--workers 2]
//        [--all-motifs] [--demo]   (--demo: the one-click demo's seven explanations and metrics instead of ε+ alone)
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openModel } from '../../src-main/engine/explain/open-model';
import { bundledJasparPath } from '../../src-main/engine/motifs/bundled';
import { LocalRunService } from '../../src-main/services/run-service';
import type { RunRequest } from '../../src-main/shared/run-api';
import { writeRandomFasta } from './sequences';
import { round, rssSampler } from './timing';

export interface ScalingCase {
  sequences: number;
  /** Motifs scanned: 1, or the 879 bundled JASPAR motifs of a default run. */
  motifs: number;
  lengthBp: number;
  model: string;
  workers: number;
  intraOpThreads: number;
  /** start(): hashing the model and the FASTA, storing the sequences. */
  ingestS: number;
  /** From queued to settled: explain in the pool, write each batch to SQLite. */
  computeS: number;
  /**
   * Main-thread busy time during the run (event-loop utilisation × run time): storing batches.
   * With many workers this bounds the throughput: at most sequences / mainBusyS per second.
   */
  mainBusyS: number;
  /**
   * The longest the main thread's event loop was blocked during the run (monitorEventLoopDelay's
   * maximum, 5 ms resolution): how long IPC, HTTP, progress and Cancel could wait at worst. On a
   * loaded machine it includes time the thread waited for a core.
   */
  longestStallMs: number;
  /** Explanations per sequence: 1 (ε+), or the demo's 7 (LRP, PLRP-λ at 5 p, PLRP-M). */
  explanations: number;
  seqPerSec: number;
  peakRssMb: number;
  /** Kernel's high-water mark for the process (ru_maxrss). */
  maxRssMb: number;
  cacheMb: number;
  /** Reading the run's motif ranking back (the Dashboard's and the report's query). */
  rankingMs: number;
  status: string;
}

const { values } = parseArgs({
  options: {
    n: { type: 'string' }, model: { type: 'string' }, dir: { type: 'string' },
    'intra-op': { type: 'string', default: '1' }, workers: { type: 'string', default: '1' },
    'all-motifs': { type: 'boolean', default: false }, demo: { type: 'boolean', default: false },
  },
});
const n = Number(values.n);
const modelPath = values.model!;
const dir = values.dir!;
const intraOpThreads = Number(values['intra-op']);
const workers = Number(values.workers);

const probe = await openModel(modelPath);
const lengthBp = probe.info.lengthBp;
await probe.close();
const fasta = join(dir, `random-${n}.fa`);
await writeRandomFasta(fasta, n, lengthBp, 11);
// Runs scan motifs (the bundled 879 by default); this section measures explaining and streaming
// results, so it scans one motif (section 4 times the full set): the first record of the bundle.
// --all-motifs scans all of them, as a run with default settings does.
const motifs = values['all-motifs'] ? bundledJasparPath() : join(dir, 'one-motif.transfac');
if (!values['all-motifs']) {
  const bundled = readFileSync(bundledJasparPath(), 'utf8');
  writeFileSync(motifs, bundled.slice(0, bundled.indexOf('\n//') + 4));
}
const cachePath = join(dir, `cache-${n}-${workers}x${intraOpThreads}.db`);
for (const suffix of ['', '-wal', '-shm']) rmSync(cachePath + suffix, { force: true });

const sampler = rssSampler();
const service = new LocalRunService({ cachePath, threads: workers, intraOpThreads });
// The renderer's demo request (src-renderer/src/lib/util/run-request.ts demoRequest: every method at
// p = 0.5 and the p sweep; its metrics without a BED).
const demoPs = [0.1, 0.3, 0.5, 0.7, 0.9];
const explanations: RunRequest['explanations'] = values.demo
  ? [{ id: 'lrp', composite: 'epsilon-plus', method: 'lrp' }, { id: 'plrp-m-p0.5', composite: 'epsilon-plus', method: 'plrp-m', p: 0.5 },
      ...demoPs.map((p) => ({ id: `plrp-lambda-p${p}`, composite: 'epsilon-plus' as const, method: 'plrp-lambda' as const, p }))]
  : [{ id: 'eps-plus', composite: 'epsilon-plus' }];
const t0 = performance.now();
const started = await service.start({
  model: { kind: 'path', path: modelPath }, fasta: { kind: 'path', path: fasta }, motifs: { kind: 'path', path: motifs },
  explanations, ...(values.demo ? { metrics: ['gini', 'entropy', 'faithfulness'] } : {}),
});
const t1 = performance.now();
const elu0 = performance.eventLoopUtilization();
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
const settled = await service.whenSettled(started.id);
const t2 = performance.now();
delay.disable();
const elu = performance.eventLoopUtilization(elu0);
const t3 = performance.now();
await service.motifRanking(started.id);
const rankingMs = performance.now() - t3;
await service.close();
const peak = sampler.stop();
const result: ScalingCase = {
  sequences: n, motifs: values['all-motifs'] ? 879 : 1, lengthBp, model: modelPath.split('/').pop()!.replace(/\.onnx$/, ''), workers, intraOpThreads,
  ingestS: round((t1 - t0) / 1000, 2), computeS: round((t2 - t1) / 1000, 2), mainBusyS: round(elu.active / 1000, 2),
  longestStallMs: round(delay.max / 1e6, 0), explanations: explanations.length, seqPerSec: round((n / (t2 - t1)) * 1000, 0),
  peakRssMb: round(peak / 2 ** 20, 0), maxRssMb: round(process.resourceUsage().maxRSS / 1024, 0),
  cacheMb: round(statSync(cachePath).size / 2 ** 20, 1), rankingMs: round(rankingMs, 0), status: settled.status,
};
for (const f of [fasta, cachePath, `${cachePath}-wal`, `${cachePath}-shm`]) rmSync(f, { force: true });
console.log(JSON.stringify(result));
