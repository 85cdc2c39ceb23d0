// Export glue: writes a cached run as files a genomics user opens elsewhere — one bedGraph of
// per-base relevance per explanation (IGV / UCSC; genomics.md "Exports"), a TSV of per-sequence
// numbers and metrics, and a JSON manifest (checksums, options, engine version). Reads through the
// RunService, so every host exports identically. Streams sequence by sequence: memory stays flat.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatG } from '../engine/export/format-number';
import type { RunService, RunSummary } from '../shared/run-api';
import { AppError } from '../shared/errors';

const PAGE = 200;

export interface ExportRunOptions {
  /** Sequences written so far, after each page (a run of 100,000 sequences takes tens of seconds). */
  onProgress?: (done: number, total: number) => void;
  /** Stops between sequences; nothing is left under a final name, and the partial files go. */
  signal?: AbortSignal;
}

interface OpenFile { path: string; stream: WriteStream }

export async function exportRun(service: RunService, runId: string, outDir: string, o: ExportRunOptions = {}): Promise<string[]> {
  const run = await service.get(runId);
  await mkdir(outDir, { recursive: true });
  const open = (path: string, header: string): OpenFile => {
    const stream = createWriteStream(`${path}.partial`);
    stream.write(header);
    return { path, stream };
  };
  const tsv = open(join(outDir, 'sequences.tsv'),
    ['index', 'name', 'length_bp', 'target', 'logit', ...run.explanations.flatMap((e) => [`${e.id}_sum`, ...run.metrics.map((m) => `${e.id}_${m}`)])].join('\t') + '\n');
  const graphs = run.explanations.map((e) => ({
    id: e.id, ...open(join(outDir, `${e.id}.bedGraph`), `track type=bedGraph name="${e.id}" description="PLRP Studio ${e.composite} ${e.method} relevance"\n`),
  }));
  const files = [...graphs, tsv];
  try {
    await writeSequences(service, run, tsv, graphs, o);
  } catch (e) {
    for (const f of files) {
      // Ended, not destroyed: writes still queued would fail on a destroyed stream, unhandled.
      await new Promise<void>((res) => f.stream.end(() => res()));
      await rm(`${f.path}.partial`, { force: true });
    }
    throw e;
  }
  // Each file appears under its final name only when complete.
  const written: string[] = [];
  for (const { stream, path } of files) {
    await new Promise<void>((res, rej) => stream.end((e?: Error | null) => (e ? rej(e) : res())));
    await rename(`${path}.partial`, path);
    written.push(path);
  }
  const manifestPath = join(outDir, 'manifest.json');
  await writeFile(manifestPath, `${JSON.stringify({ run }, null, 2)}\n`);
  written.push(manifestPath);
  return written;
}

async function writeSequences(service: RunService, run: RunSummary, tsv: OpenFile, graphs: (OpenFile & { id: string })[], o: ExportRunOptions): Promise<void> {
  for (let offset = 0; offset < run.sequenceCount; offset += PAGE) {
    const { rows } = await service.sequences({ runId: run.id, offset, limit: PAGE });
    for (const r of rows) {
      if (o.signal?.aborted) throw new AppError('CANCELLED', 'the export was cancelled');
      tsv.stream.write([r.index, r.name, r.lengthBp, r.target, formatG(r.logit), ...run.explanations.flatMap((e) => {
        const x = r.explanations[e.id];
        return [x ? formatG(x.sum) : 'NA', ...run.metrics.map((m) => (x?.metrics[m] === undefined ? 'NA' : formatG(x.metrics[m]!)))];
      })].join('\t') + '\n');
      for (const g of graphs) {
        if (!r.explanations[g.id]) continue;
        const slice = await service.trackSlice({ runId: run.id, sequenceIndex: r.index, explanationId: g.id, startBp: 0, endBp: r.lengthBp, bpPerBin: 1 });
        let text = '';
        for (const b of slice.bins) text += `${r.name}\t${b.startBp}\t${b.endBp}\t${formatG(b.mean)}\n`;
        if (!g.stream.write(text)) await new Promise<void>((res) => g.stream.once('drain', () => res()));
      }
    }
    o.onProgress?.(Math.min(run.sequenceCount, offset + rows.length), run.sequenceCount);
  }
}
