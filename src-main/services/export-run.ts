// Export glue: writes a cached run as files a genomics user opens elsewhere — one bedGraph of
// per-base relevance per explanation (IGV / UCSC; genomics.md "Exports"), a TSV of per-sequence
// numbers and metrics, and a JSON manifest (checksums, options, engine version). Reads through the
// RunService, so every host exports identically. Streams sequence by sequence: memory stays flat.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatG } from '../engine/export/format-number';
import type { RunService } from '../shared/run-api';

const PAGE = 200;

export async function exportRun(service: RunService, runId: string, outDir: string): Promise<string[]> {
  const run = await service.get(runId);
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const tsvPath = join(outDir, 'sequences.tsv');
  const tsv = createWriteStream(`${tsvPath}.partial`);
  const metricCols = run.metrics;
  tsv.write(['index', 'name', 'length_bp', 'target', 'logit', ...run.explanations.flatMap((e) => [`${e.id}_sum`, ...metricCols.map((m) => `${e.id}_${m}`)])].join('\t') + '\n');
  const graphs = run.explanations.map((e) => {
    const path = join(outDir, `${e.id}.bedGraph`);
    const stream = createWriteStream(`${path}.partial`);
    stream.write(`track type=bedGraph name="${e.id}" description="PLRP Studio ${e.composite} ${e.method} relevance"\n`);
    return { id: e.id, path, stream };
  });
  for (let offset = 0; offset < run.sequenceCount; offset += PAGE) {
    const { rows } = await service.sequences({ runId, offset, limit: PAGE });
    for (const r of rows) {
      tsv.write([r.index, r.name, r.lengthBp, r.target, formatG(r.logit), ...run.explanations.flatMap((e) => {
        const x = r.explanations[e.id];
        return [x ? formatG(x.sum) : 'NA', ...metricCols.map((m) => (x?.metrics[m] === undefined ? 'NA' : formatG(x.metrics[m]!)))];
      })].join('\t') + '\n');
      for (const g of graphs) {
        if (!r.explanations[g.id]) continue;
        const slice = await service.trackSlice({ runId, sequenceIndex: r.index, explanationId: g.id, startBp: 0, endBp: r.lengthBp, bpPerBin: 1 });
        let text = '';
        for (const b of slice.bins) text += `${r.name}\t${b.startBp}\t${b.endBp}\t${formatG(b.mean)}\n`;
        if (!g.stream.write(text)) await new Promise<void>((res) => g.stream.once('drain', () => res()));
      }
    }
  }
  // Each file appears under its final name only when complete.
  for (const { stream, path } of [...graphs, { stream: tsv, path: tsvPath }]) {
    await new Promise<void>((res, rej) => stream.end((e?: Error | null) => (e ? rej(e) : res())));
    await rename(`${path}.partial`, path);
    written.push(path);
  }
  const manifestPath = join(outDir, 'manifest.json');
  await writeFile(manifestPath, `${JSON.stringify({ run }, null, 2)}\n`);
  written.push(manifestPath);
  return written;
}
