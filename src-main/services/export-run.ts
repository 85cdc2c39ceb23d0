// Export glue: writes a cached run as files a genomics user opens elsewhere — one bedGraph of
// per-base relevance per explanation (IGV / UCSC; genomics.md "Exports"), a TSV of per-sequence
// numbers and metrics, and a JSON manifest (checksums, options, engine version). Reads through the
// RunService, so every host exports identically. Streams sequence by sequence: memory stays flat.
// A run that is not done (cancelled, failed, still running) exports only the sequences it computed,
// and the manifest says so: its other rows would read as numbers (target -1, logit nan).
// A region run's files are in genome coordinates, as `plrp explain --export` writes them; its
// bedGraphs average overlapping regions per base (services/region-bedgraph.ts).
import { createWriteStream, statSync, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatG } from '../engine/export/format-number';
import { warningsCell } from '../engine/export/warnings-cell';
import { isSequenceComputed, type RunService, type RunSummary } from '../shared/run-api';
import { AppError } from '../shared/errors';
import { orderedExplanations } from '../shared/explanation-order';
import { genomeSpot, regionColumns, REGION_COLUMNS } from '../engine/export/genome-spot';
import { overlapNote } from '../engine/export/overlap-average';
import { bedGraphTrackLine } from '../engine/export/bedgraph';
import { regionBedGraphLines, regionPlaces, regionTrackDescription } from './region-bedgraph';

const PAGE = 200;

export interface ExportRunOptions {
  /** Sequences written so far, after each page (a run of 100,000 sequences takes tens of seconds). */
  onProgress?: (done: number, total: number) => void;
  /** Stops between sequences; nothing is left under a final name, and the partial files go. */
  signal?: AbortSignal;
  /** What the files do differently from what one might assume (overlapping regions averaged). */
  onNote?: (note: string) => void;
}

interface OpenFile { path: string; stream: WriteStream }

/** What an export holds: the manifest's `exported`. */
export interface ExportedScope { sequences: number; of: number; runStatus: RunSummary['status']; partial: boolean }

const STATUS_WORDS: Record<RunSummary['status'], string> = { queued: 'is queued', running: 'is still running', done: 'is done', failed: 'failed', cancelled: 'is cancelled' };

/**
 * "run X is cancelled: exporting the 10,240 of 20,000 sequences it computed", for a run whose
 * export leaves sequences out; null for a run with every sequence computed.
 */
export function partialExportNote(run: Pick<RunSummary, 'id' | 'status' | 'sequencesDone' | 'sequenceCount'>): string | null {
  if (run.sequencesDone >= run.sequenceCount) return null;
  const n = (x: number): string => x.toLocaleString('en-US');
  return `run ${run.id} ${STATUS_WORDS[run.status]}: exporting the ${n(run.sequencesDone)} of ${n(run.sequenceCount)} sequences it computed`;
}

/** A folder to write into: an existing file there is the user's mistake, not an internal error. */
function checkOutDir(outDir: string): void {
  let isFile = false;
  try {
    isFile = !statSync(outDir).isDirectory();
  } catch {
    return; // not there yet: mkdir makes it
  }
  if (isFile) throw new AppError('USAGE', `${outDir} is a file, not a folder: give a folder to write the export into`);
}

export async function exportRun(service: RunService, runId: string, outDir: string, o: ExportRunOptions = {}): Promise<string[]> {
  const stored = await service.get(runId);
  // Columns and files in the one explanation order (LRP, then each PLRP method by p), as the app's tracks.
  const run: RunSummary = { ...stored, explanations: orderedExplanations(stored.explanations) };
  checkOutDir(outDir);
  await mkdir(outDir, { recursive: true });
  const open = (path: string, header: string): OpenFile => {
    const stream = createWriteStream(`${path}.partial`);
    stream.write(header);
    return { path, stream };
  };
  const tsv = open(join(outDir, 'sequences.tsv'),
    ['index', 'name', ...(run.regions ? REGION_COLUMNS : []), 'length_bp', 'target', 'logit', ...run.explanations.flatMap((e) => [`${e.id}_sum`, ...run.metrics.map((m) => `${e.id}_${m}`)]), 'warnings'].join('\t') + '\n');
  // A region run's tracks: one per explanation over the regions in position order, overlaps averaged.
  const placed = run.regions ? await regionPlaces(service, run) : null;
  if (placed && placed.overlaps > 0) o.onNote?.(`bedGraph: ${overlapNote(placed.overlaps)}; each region's own values stay in the run, where the app's tracks show them`);
  const graphs = run.explanations.map((e) => ({
    id: e.id, ...open(join(outDir, `${e.id}.bedGraph`), bedGraphTrackLine(`relevance ${e.id}`, regionTrackDescription(`PLRP Studio ${e.composite} ${e.method} relevance`, placed?.overlaps ?? 0))),
  }));
  const files = [...graphs, tsv];
  let exported = 0;
  try {
    exported = await writeSequences(service, run, tsv, placed ? [] : graphs, o);
    if (placed) {
      for (const g of graphs) {
        for await (const text of regionBedGraphLines(service, run.id, g.id, placed.regions, (v) => formatG(v))) {
          if (o.signal?.aborted) throw new AppError('CANCELLED', 'the export was cancelled');
          if (!g.stream.write(text)) await new Promise<void>((res) => g.stream.once('drain', () => res()));
        }
      }
    }
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
  const scope: ExportedScope = { sequences: exported, of: run.sequenceCount, runStatus: run.status, partial: exported < run.sequenceCount };
  await writeFile(manifestPath, `${JSON.stringify({ run, exported: scope }, null, 2)}\n`);
  written.push(manifestPath);
  return written;
}

/** Writes the sequences computed for every explanation; returns how many. */
async function writeSequences(service: RunService, run: RunSummary, tsv: OpenFile, graphs: (OpenFile & { id: string })[], o: ExportRunOptions): Promise<number> {
  let exported = 0;
  for (let offset = 0; offset < run.sequenceCount; offset += PAGE) {
    const { rows } = await service.sequences({ runId: run.id, offset, limit: PAGE });
    for (const r of rows) {
      if (o.signal?.aborted) throw new AppError('CANCELLED', 'the export was cancelled');
      // Not computed (a run cancelled or still running): no numbers to write, only placeholders.
      if (!isSequenceComputed(r, run)) continue;
      exported++;
      const spot = genomeSpot(r.name, r.place?.chrom, r.place?.startBp);
      tsv.stream.write([r.index, r.name, ...(run.regions ? regionColumns(spot, r.lengthBp) : []), r.lengthBp, r.target, formatG(r.logit), ...run.explanations.flatMap((e) => {
        const x = r.explanations[e.id];
        return [x ? formatG(x.sum) : 'NA', ...run.metrics.map((m) => (x?.metrics[m] === undefined ? 'NA' : formatG(x.metrics[m]!)))];
      }), warningsCell(r.warnings)].join('\t') + '\n');
      for (const g of graphs) {
        if (!r.explanations[g.id]) continue;
        const slice = await service.trackSlice({ runId: run.id, sequenceIndex: r.index, explanationId: g.id, startBp: 0, endBp: r.lengthBp, bpPerBin: 1 });
        let text = '';
        for (const b of slice.bins) text += `${spot.chrom}\t${spot.offset + b.startBp}\t${spot.offset + b.endBp}\t${formatG(b.mean)}\n`;
        if (!g.stream.write(text)) await new Promise<void>((res) => g.stream.once('drain', () => res()));
      }
    }
    o.onProgress?.(Math.min(run.sequenceCount, offset + rows.length), run.sequenceCount);
  }
  return exported;
}
