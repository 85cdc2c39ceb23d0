// Section 4: the non-neural parts a user waits for: FASTA parsing (plain and gzip), motif scanning
// (the bundled JASPAR set over both strands), and the latency of a repeated run that the run
// service answers from its SQLite cache.
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { readFasta } from '../../src-main/engine/genomics/fasta';
import { UNIFORM_BACKGROUND } from '../../src-main/engine/motifs/background';
import { bundledJasparPath } from '../../src-main/engine/motifs/bundled';
import { readMotifFile } from '../../src-main/engine/motifs/read-motifs';
import { scanMotifs } from '../../src-main/engine/motifs/scan';
import { LocalRunService } from '../../src-main/services/run-service';
import { randomLetters, rng, writeRandomFasta } from './sequences';
import { round, timed } from './timing';

export interface FastaRow {
  file: 'plain' | 'gzip';
  fileMb: number;
  /** Uncompressed FASTA bytes parsed. */
  fastaMb: number;
  records: number;
  bases: number;
  seconds: number;
  /** Uncompressed MB per second. */
  mbPerSec: number;
}

async function parseAll(path: string): Promise<{ records: number; bases: number }> {
  let records = 0;
  let bases = 0;
  for await (const rec of readFasta(path)) {
    records++;
    bases += rec.sequence.length;
  }
  return { records, bases };
}

export async function fastaThroughput(dir: string, megabases: number): Promise<FastaRow[]> {
  const plain = join(dir, 'bench.fa');
  const recordBp = 100_000;
  const fastaBytes = await writeRandomFasta(plain, Math.round((megabases * 1e6) / recordBp), recordBp, 5);
  const gz = `${plain}.gz`;
  await pipeline(createReadStream(plain), createGzip(), createWriteStream(gz));
  const rows: FastaRow[] = [];
  for (const [file, path] of [['plain', plain], ['gzip', gz]] as const) {
    await parseAll(path); // warm the page cache and the JIT: we time parsing, not the disk
    let counts = { records: 0, bases: 0 };
    const t = await timed(async () => {
      counts = await parseAll(path);
    });
    rows.push({
      file, fileMb: round(statSync(path).size / 1e6, 1), fastaMb: round(fastaBytes / 1e6, 1), ...counts,
      seconds: round(t.wallMs / 1000, 3), mbPerSec: round(fastaBytes / 1e6 / (t.wallMs / 1000), 1),
    });
  }
  return rows;
}

export interface MotifRow {
  motifs: number;
  sequenceBp: number;
  strands: 2;
  hits: number;
  scannedWindows: number;
  seconds: number;
  kbpPerSec: number;
  /** Motif × position × strand scores per second. */
  windowsPerSec: number;
}

export async function motifThroughput(sequenceBp: number): Promise<MotifRow> {
  const motifs = await readMotifFile(bundledJasparPath());
  const sequence = randomLetters(sequenceBp, rng(9));
  scanMotifs(motifs, [{ name: 'warm-up', sequence: sequence.slice(0, 2000) }], { background: UNIFORM_BACKGROUND });
  let result: ReturnType<typeof scanMotifs> | null = null;
  const t = await timed(async () => {
    result = scanMotifs(motifs, [{ name: 'random', sequence }], { background: UNIFORM_BACKGROUND });
  });
  const r = result as unknown as ReturnType<typeof scanMotifs>;
  const s = t.wallMs / 1000;
  return {
    motifs: motifs.length, sequenceBp, strands: 2, hits: r.hits.length, scannedWindows: r.scannedWindows, seconds: round(s, 3),
    kbpPerSec: round(sequenceBp / 1000 / s, 1), windowsPerSec: round(r.scannedWindows / s, 0),
  };
}

export interface CacheRow {
  sequences: number;
  model: string;
  /** First run: computes everything. */
  coldS: number;
  /** Median over repeats of start() → settled for the identical request (served from the cache). */
  hitMs: number;
  hitMsAll: number[];
  cachedExplanations: string[];
  /** The same request plus one explanation (PLRP-λ), after the runs above: the motif scan is reused. */
  oneMoreS: number;
  /** That larger request on an empty cache: everything computed, the motifs scanned. */
  oneMoreColdS: number;
}

export async function cacheHitLatency(dir: string, modelPath: string, sequences: number, repeats: number): Promise<CacheRow> {
  const fasta = join(dir, 'cache-bench.fa');
  await writeRandomFasta(fasta, sequences, 200, 13);
  const service = new LocalRunService({ cachePath: join(dir, 'cache-bench.db') });
  try {
    const request = {
      model: { kind: 'path' as const, path: modelPath }, fasta: { kind: 'path' as const, path: fasta },
      explanations: [{ id: 'eps-plus', composite: 'epsilon-plus' as const }, { id: 'plrp-m', method: 'plrp-m' as const, p: 0.3 }],
    };
    const cold = await timed(async () => service.whenSettled((await service.start(request)).id));
    const hits: number[] = [];
    let cached: string[] = [];
    for (let i = 0; i < repeats; i++) {
      const t = await timed(async () => {
        const s = await service.whenSettled((await service.start(request)).id);
        cached = s.timings.cachedExplanations;
      });
      hits.push(round(t.wallMs, 1));
    }
    const sorted = [...hits].sort((a, b) => a - b);
    const grown = { ...request, explanations: [...request.explanations, { id: 'plrp-lambda', method: 'plrp-lambda' as const, p: 0.3 }] };
    const oneMore = await timed(async () => service.whenSettled((await service.start(grown)).id));
    const fresh = new LocalRunService({ cachePath: join(dir, 'cache-bench-fresh.db') });
    const oneMoreCold = await timed(async () => fresh.whenSettled((await fresh.start(grown)).id)).finally(() => fresh.close());
    return {
      sequences, model: modelPath.split('/').pop()!.replace(/\.onnx$/, ''), coldS: round(cold.wallMs / 1000, 2),
      hitMs: sorted[Math.floor(sorted.length / 2)], hitMsAll: hits, cachedExplanations: cached,
      oneMoreS: round(oneMore.wallMs / 1000, 2), oneMoreColdS: round(oneMoreCold.wallMs / 1000, 2),
    };
  } finally {
    await service.close();
  }
}
