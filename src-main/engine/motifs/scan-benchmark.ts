// The scan speed figure the issue asks for: the bundled JASPAR set (879 motifs) over a seeded
// random 100 kbp sequence, both strands, p ≤ 1e-4, on the calling thread. Used by `npm run bench`;
// deterministic input so figures from different machines compare.
import { bundledJasparPath } from './bundled';
import { readMotifFile } from './read-motifs';
import { scanMotifs } from './scan';

export interface ScanBenchmark {
  motifs: number;
  lengthBp: number;
  hits: number;
  scannedWindows: number;
  /** CPU seconds of this thread's process for motif compilation + scanning (no file I/O). */
  cpuSeconds: number;
  wallSeconds: number;
}

export function randomSequence(lengthBp: number, seed = 42): string {
  let s = seed;
  const out = new Array<string>(lengthBp);
  for (let i = 0; i < lengthBp; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out[i] = 'ACGT'[s >> 29];
  }
  return out.join('');
}

export async function benchmarkScan(lengthBp = 100_000, motifPath = bundledJasparPath()): Promise<ScanBenchmark> {
  const motifs = await readMotifFile(motifPath);
  const sequence = randomSequence(lengthBp);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = scanMotifs(motifs, [{ name: 'random', sequence }], { background: [0.25, 0.25, 0.25, 0.25] });
  const cpu = process.cpuUsage(c0);
  return {
    motifs: motifs.length,
    lengthBp,
    hits: result.hits.length,
    scannedWindows: result.scannedWindows,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    wallSeconds: (performance.now() - t0) / 1000,
  };
}
