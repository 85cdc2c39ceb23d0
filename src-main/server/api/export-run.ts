// Exports of a finished run, the same for both hosts: the sequence table with every metric (TSV),
// per-base relevance as bedGraph (one track per explanation, loadable in IGV/UCSC), and motif hits
// with captured relevance (TSV), and the run report (HTML or PDF, services/report/run-report.ts). Produced as a line stream, fetched slice by slice from the service,
// so a 100 kbp × many-sequence run never sits in memory at once.
import { isSequenceComputed, type RunService, type RunSummary } from '../../shared/run-api';
import type { ExportFormat } from '../../shared/ipc';
import { FIMO_COLUMNS } from '../../engine/export/fimo-tsv';
import { genomeSpot, regionColumns, REGION_COLUMNS } from '../../engine/export/genome-spot';
import { regionBedGraphLines, regionPlaces, regionTrackDescription } from '../../services/region-bedgraph';

/** The largest slice the IPC schema allows; bedGraph pages through each sequence in these. */
const SLICE_BP = 20_000;
const PAGE = 500;

export function exportFileName(run: RunSummary, format: ExportFormat): string {
  const stem = (run.label ?? `${run.modelName}-${run.fastaName}`).replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
  const ext: Record<ExportFormat, string> = { tsv: '.tsv', bedgraph: '.bedGraph', 'motifs-tsv': '.motifs.tsv', 'report-html': '.report.html', 'report-pdf': '.report.pdf' };
  return `${stem}${ext[format]}`;
}

/** The download's media type (reports open in a browser or PDF viewer; the rest is text). */
export function exportContentType(format: ExportFormat): string {
  return format === 'report-html' ? 'text/html; charset=utf-8' : format === 'report-pdf' ? 'application/pdf' : 'text/plain; charset=utf-8';
}

const fmt = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? 'NA' : String(Math.fround(x)));

/** Chunks of the export: text lines, or for reports one chunk (HTML text or PDF bytes). */
export async function* exportRunLines(runs: RunService, runId: string, format: ExportFormat): AsyncGenerator<string | Uint8Array> {
  const run = await runs.get(runId);
  if (format === 'report-html' || format === 'report-pdf') {
    yield await runs.report(runId, format === 'report-pdf' ? 'pdf' : 'html');
    return;
  }
  const ids = run.explanations.map((e) => e.id);
  // FIMO's columns and coordinates (1-based, inclusive), as `plrp explain --export` writes hits, so
  // the file reads like fimo.tsv; then the relevance each explanation gives the hit.
  if (format === 'motifs-tsv') yield [...FIMO_COLUMNS, ...ids.map((i) => `${i}_sum`)].join('\t') + '\n';
  // The output's name beside its index when the model's manifest names them, as the app shows it.
  const labels = run.outputLabels;
  // A region run's bedGraph: one track per explanation in genome coordinates, overlapping regions averaged.
  const placed = format === 'bedgraph' && run.regions ? await regionPlaces(runs, run) : null;
  if (format === 'tsv') yield ['index', 'name', ...(run.regions ? REGION_COLUMNS : []), 'length_bp', 'target', ...(labels ? ['target_name'] : []), 'logit', 'output', ...ids.flatMap((i) => [`${i}_sum`, ...run.metrics.map((m) => `${i}_${m}`)])].join('\t') + '\n';
  for (let offset = 0; ; offset += PAGE) {
    const page = await runs.sequences({ runId, offset, limit: PAGE });
    for (const row of page.rows) {
      // A cancelled or running run lists sequences it has not computed: they have nothing to export.
      if (!isSequenceComputed(row, run)) continue;
      // A region run's rows lie on their chromosomes: its files use genome coordinates, as `plrp explain --export` does.
      const spot = genomeSpot(row.name, row.place?.chrom, row.place?.startBp);
      if (format === 'motifs-tsv') {
        // Sequence by sequence: a default run of 100,000 sequences has about 2.7 million hits.
        const hits = await runs.motifHits(runId, row.index);
        if (hits.length > 0) yield hits.map((h) => [h.motifId, h.motifName, spot.chrom, spot.offset + h.startBp + 1, spot.offset + h.endBp, h.strand, fmt(h.score), fmt(h.pValue), fmt(h.qValue), h.matched, ...ids.map((i) => fmt(h.relevance[i]))].join('\t') + '\n').join('');
      } else if (format === 'tsv') {
        const cols = ids.flatMap((i) => [fmt(row.explanations[i]?.sum), ...run.metrics.map((m) => fmt(row.explanations[i]?.metrics[m]))]);
        yield [row.index, row.name, ...(run.regions ? regionColumns(spot, row.lengthBp) : []), row.lengthBp, row.target, ...(labels ? [labels[row.target] ?? ''] : []), fmt(row.logit), row.output.map(fmt).join(','), ...cols].join('\t') + '\n';
      } else if (placed) {
        continue; // written after the pages: one track per explanation over all regions
      } else {
        for (const id of ids) {
          yield `track type=bedGraph name="${row.name} ${id}" description="PLRP Studio relevance, ${id}"\n`;
          for (let start = 0; start < row.lengthBp; start += SLICE_BP) {
            const slice = await runs.trackSlice({ runId, sequenceIndex: row.index, explanationId: id, startBp: start, endBp: Math.min(row.lengthBp, start + SLICE_BP), bpPerBin: 1 });
            yield slice.bins.map((b) => `${spot.chrom}\t${spot.offset + b.startBp}\t${spot.offset + b.endBp}\t${fmt(b.mean)}\n`).join('');
          }
        }
      }
    }
    if (offset + page.rows.length >= page.total || page.rows.length === 0) break;
  }
  if (placed) {
    for (const id of ids) {
      yield `track type=bedGraph name="${id}" description="${regionTrackDescription(`PLRP Studio relevance, ${id}`, placed.overlaps)}"\n`;
      yield* regionBedGraphLines(runs, runId, id, placed.regions, fmt);
    }
  }
}
