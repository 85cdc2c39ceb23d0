// `npm run bench` (issue 5, "Performance"): measures, in one process and side by side, explain vs
// ORT forward time per model and method, our epsilon-plus against PyTorch with zennit-style hooks,
// scaling with threads and sequence count (peak memory), FASTA parsing, motif scanning and cache
// hits. Prints tables as it goes and writes bench-results/bench.json (or bench-quick.json).
//   npm run bench [-- --quick] [--sections ratios,torch,scaling,io] [--rounds N] [--out FILE]
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { explainRatios, ratioRanges, type RatioRange, type RatioRow } from './explain-ratio';
import { cacheHitLatency, fastaThroughput, motifThroughput } from './io-throughput';
import { currentLoad, machineInfo } from './machine';
import { sequenceScaling, threadScaling } from './scaling';
import { formatTable } from './table';
import { torchCompare } from './torch-compare';

const ALL_SECTIONS = 'ratios,torch,scaling,io';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const THREADS = 2;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sections: { type: 'string', default: ALL_SECTIONS },
    out: { type: 'string' },
    /** Override the sequence counts of the scaling section, e.g. 1000,10000. */
    counts: { type: 'string' },
    /** Rounds of the ratio section (default 3, quick 1): on a shared machine one round can mislead. */
    rounds: { type: 'string' },
  },
});
const quick = values.quick!;
const sections = new Set(values.sections!.split(','));
const plan = quick
  ? { small: 256, smallBatch: 128, smallReps: 2, basset: 8, bassetBatch: 8, bassetReps: 1, torchSmall: 1000, torchBasset: 16, torchReps: 2, threads: 512, threadReps: 2, counts: [1000], allMotifSeqs: 200, demoSeqs: 200, fastaMbp: 10, motifBp: 20_000, cacheSeqs: 200, cacheRepeats: 5 }
  : { small: 1024, smallBatch: 256, smallReps: 6, basset: 64, bassetBatch: 32, bassetReps: 5, torchSmall: 6000, torchBasset: 64, torchReps: 3, threads: 2048, threadReps: 3, counts: [1000, 10_000, 100_000], allMotifSeqs: 2000, demoSeqs: 1000, fastaMbp: 50, motifBp: 100_000, cacheSeqs: 1000, cacheRepeats: 7 };
if (values.counts) plan.counts = values.counts.split(',').map(Number);
const rounds = Number(values.rounds ?? (quick ? 1 : 3));
const out = resolve(values.out ?? join(ROOT, 'bench-results', quick ? 'bench-quick.json' : 'bench.json'));

const fixture = (p: string) => join(ROOT, p);
const BASSET = fixture('test/fixtures/models/basset-600.onnx');
const CNN4 = fixture('test/fixtures/lrp/cnn4.onnx');
const CNN32 = fixture('test/fixtures/lrp/cnn32.onnx');
const CNN32_PAIR = fixture('resources/models/cnn32-pair.onnx');
const shippedDir = fixture('resources/models');
const shipped = existsSync(shippedDir) ? readdirSync(shippedDir).filter((f) => f.endsWith('.onnx')).sort().map((f) => join(shippedDir, f)) : [];

const machine = machineInfo();
const began = Date.now();
const tmp = mkdtempSync(join(tmpdir(), 'plrp-bench-'));
const mode = quick ? 'quick' : 'full';
// Running some sections only updates those in an existing report of the same mode; each section
// records the load average it ran under, since runs at different times see different machines.
const previous = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>) : null;
const report: Record<string, unknown> = {
  ...(previous?.mode === mode && values.sections !== ALL_SECTIONS ? previous : {}),
  mode, date: new Date().toISOString(), machine, intraOpThreads: THREADS, plan,
};
const sectionLoad = (report.sectionLoad ?? {}) as Record<string, { start: number; end: number; date: string }>;
report.sectionLoad = sectionLoad;
/** Writes the report after every section, so an interrupted run keeps what it measured. */
function save(section: string, load0: number): void {
  sectionLoad[section] = { start: load0, end: currentLoad(), date: new Date().toISOString() };
  machine.loadAverageEnd = currentLoad();
  report.totalS = Math.round((Date.now() - began) / 1000);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 1)}\n`);
}
console.log(`PLRP Studio benchmark (${report.mode}) on ${machine.cpuModel}, ${machine.cores} cores, node ${machine.node}, onnxruntime ${machine.onnxruntime}; load ${machine.loadAverageStart}`);
console.log(`PLRP: ${machine.plrpKernels}`);

try {
  if (sections.has('ratios')) {
    const load0 = currentLoad();
    const roundRows: RatioRow[][] = [];
    const models = [CNN4, CNN32, ...shipped];
    for (let round = 0; round < rounds; round++) {
      const rows: RatioRow[] = [];
      for (const m of models) rows.push(...(await explainRatios(m, plan.small, plan.smallBatch, THREADS, plan.smallReps)));
      rows.push(...(await explainRatios(BASSET, plan.basset, plan.bassetBatch, THREADS, plan.bassetReps)));
      roundRows.push(rows);
    }
    const rows = roundRows[0];
    report.explainRatios = rows;
    report.explainRatioRounds = roundRows;
    report.explainRatioRanges = ratioRanges(roundRows);
    save('ratios', load0);
    console.log(formatTable(
      `1. explain / ORT forward on the same sequences (${THREADS} intra-op threads, graph compile excluded, per batch the fastest of the repeats; ratio = explain / fastest forward of the model, paired = / the forward interleaved with it)`,
      ['model', 'bp', 'seqs', 'method', 'predict ms', 'explain ms', 'ratio', 'paired', 'cpu ratio', 'goal', 'met', 'seq/s', 'compile ms'],
      rows.map((r) => [r.model, r.lengthBp, r.sequences, r.method, r.predictMs, r.explainMs, r.ratio, r.pairedRatio, r.cpuRatio, r.goal === null ? null : `≤ ${r.goal}`, r.meetsGoal, r.explainSeqPerSec, r.warmupMs]),
    ));
    if (rounds > 1) {
      console.log(formatTable(`1b. ratio over ${rounds} rounds of section 1 (each round divides by its own fastest forward)`,
        ['model', 'method', 'min', 'median', 'max', 'goal', 'met in'],
        (report.explainRatioRanges as RatioRange[]).map((r) => [r.model, r.method, r.min, r.median, r.max, r.goal === null ? null : `≤ ${r.goal}`, r.goal === null ? null : `${r.roundsMet}/${rounds}`])));
    }
  }
  if (sections.has('torch')) {
    const load0 = currentLoad();
    const dir = join(tmp, 'torch');
    mkdirSync(dir);
    const t = await torchCompare({ dir, bassetPath: BASSET, nSmall: plan.torchSmall, nBasset: plan.torchBasset, threads: THREADS, reps: plan.torchReps });
    report.torch = t;
    save('torch', load0);
    if (t.measured) {
      console.log(formatTable(
        `2. ours vs PyTorch ${t.torchVersion} with zennit-style epsilon-plus hooks (${t.threads} threads, identical weights and sequences, per batch the fastest of ${t.rows[0]?.reps} repeats, the better of 2 alternating rounds per side)`,
        ['model', 'bp', 'seqs', 'torch fwd s', 'torch ε+ s', 'ORT fwd s', 'ours ε+ s', 'ours seq/s', 'torch seq/s', 'speedup', 'goal', 'met', 'rel. L2'],
        t.rows.map((r) => [r.model, r.lengthBp, r.sequences, r.torchForwardS, r.torchEpsilonPlusS, r.ortForwardS, r.oursEpsilonPlusS, r.oursSeqPerSec, r.torchSeqPerSec, r.speedup, `≥ ${r.goal}×`, r.meetsGoal, r.relativeL2]),
      ));
    } else {
      const f = t.reference;
      console.log(`\n2. PyTorch comparison not measured (${t.reason}). Reference figures from ${f.source}:`);
      console.log(`   ${f.sequences} × ${f.lengthBp} bp small Basset: PyTorch forward ${f.torchForwardS} s, zennit epsilon-plus ${f.zennitEpsilonPlusS} s, ORT forward ${f.ortForwardS} s, one ONNX graph for epsilon-plus ${f.singleOnnxGraphEpsilonPlusS} s`);
    }
  }
  if (sections.has('scaling')) {
    const load0 = currentLoad();
    const threads = await threadScaling(CNN32, plan.threads, 256, [1, 2], plan.threadReps);
    report.threadScaling = threads;
    console.log(formatTable('3a. scaling with intra-op threads (epsilon-plus, in process)', ['model', 'threads', 'seqs', 'predict s', 'explain s', 'seq/s', 'speedup'],
      threads.map((r) => [r.model, r.intraOpThreads, r.sequences, r.predictS, r.explainS, r.explainSeqPerSec, r.speedup])));
    // One worker (the default on 2 cores), and two workers on the middle count. A default run also
    // scans all 879 bundled motifs: one count with them, on one and two workers.
    const twoWorkerCounts = plan.counts.slice(0, 2).slice(-1);
    // And the one-click demo's request on its model (seven explanations, all motifs): the main
    // thread's longest stall matters most there (issue 5: no freezing).
    const measured = [
      ...sequenceScaling(CNN4, plan.counts, tmp, 1), ...sequenceScaling(CNN4, twoWorkerCounts, tmp, 1, 2),
      ...[1, 2].flatMap((w) => sequenceScaling(CNN4, [plan.allMotifSeqs], tmp, 1, w, true)),
      ...(existsSync(CNN32_PAIR) ? sequenceScaling(CNN32_PAIR, [plan.demoSeqs], tmp, 1, 1, true, true) : []),
    ];
    // Cases measured earlier (e.g. 100k in a separate --counts run) are kept.
    const key = (c: { model: string; sequences: number; workers: number; motifs?: number; explanations?: number }) =>
      `${c.model}x${c.sequences}x${c.workers}x${c.motifs ?? 1}x${c.explanations ?? 1}`;
    const fresh = new Set(measured.map(key));
    const earlier = ((report.sequenceScaling ?? []) as typeof measured).filter((c) => !fresh.has(key(c)));
    const cases = [...earlier, ...measured].sort((a, b) => (a.explanations ?? 1) - (b.explanations ?? 1) || (a.motifs ?? 1) - (b.motifs ?? 1) || a.sequences - b.sequences || a.workers - b.workers);
    report.sequenceScaling = cases;
    save('scaling', load0);
    console.log(formatTable('3b. scaling with sequences: whole runs via the run service (pool + SQLite, epsilon-plus, seqlets, 200 bp)',
      ['model', 'explanations', 'motifs', 'seqs', 'workers×intra-op', 'ingest s', 'run s', 'main busy s', 'longest stall ms', 'seq/s', 'peak RSS MB', 'ru_maxrss MB', 'cache MB', 'ranking ms'],
      cases.map((c) => [c.model, c.explanations ?? 1, c.motifs ?? 1, c.sequences, `${c.workers}×${c.intraOpThreads}`, c.ingestS, c.computeS, c.mainBusyS, c.longestStallMs ?? '—', c.seqPerSec, c.peakRssMb, c.maxRssMb, c.cacheMb, c.rankingMs ?? '—'])));
  }
  if (sections.has('io')) {
    const load0 = currentLoad();
    const fasta = await fastaThroughput(tmp, plan.fastaMbp);
    const motifs = await motifThroughput(plan.motifBp);
    // The cache path is the service's, under active development: a failure there is reported, not fatal.
    const cache = await cacheHitLatency(tmp, CNN32, plan.cacheSeqs, plan.cacheRepeats).catch((e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }));
    Object.assign(report, { fasta, motifs, cache });
    save('io', load0);
    console.log(formatTable('4a. FASTA parsing (readFasta, 100 kbp records)', ['file', 'file MB', 'FASTA MB', 'records', 's', 'MB/s (uncompressed)'],
      fasta.map((r) => [r.file, r.fileMb, r.fastaMb, r.records, r.seconds, r.mbPerSec])));
    console.log(formatTable('4b. motif scanning (bundled JASPAR, both strands, p < 1e-4)', ['motifs', 'bp', 'hits', 'windows', 's', 'kbp/s', 'windows/s'],
      [[motifs.motifs, motifs.sequenceBp, motifs.hits, motifs.scannedWindows, motifs.seconds, motifs.kbpPerSec, motifs.windowsPerSec]]));
    if ('error' in cache) console.log(`\n4c. cache hit: FAILED: ${cache.error}`);
    else {
      console.log(formatTable('4c. cache hit: the same run again through LocalRunService', ['model', 'seqs', 'explanations', 'first run s', 'repeat ms (median)', 'all repeats ms'],
        [[cache.model, cache.sequences, cache.cachedExplanations.join('+'), cache.coldS, cache.hitMs, cache.hitMsAll.join(' ')]]));
      console.log(formatTable('4d. partial reuse: the same request plus PLRP-λ (p = 0.3); the cached explanations and the motif scan are reused', ['seqs', 'with the cache s', 'on an empty cache s'],
        [[cache.sequences, cache.oneMoreS, cache.oneMoreColdS]]));
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`\nwrote ${out} (${report.totalS} s; load average ${machine.loadAverageStart} → ${machine.loadAverageEnd})`);
