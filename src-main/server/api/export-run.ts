// Exports of a finished run, the same for both hosts: the sequence table with every metric (TSV),
// per-base relevance as bedGraph (one explanation per file, as `plrp runs export` writes it: one
// track over every sequence, so IGV loads one track and tools that ignore track lines never see
// several explanations' values for one base), and motif hits
// with captured relevance (TSV), and the run report (HTML or PDF, services/report/run-report.ts). Produced as a line stream, fetched slice by slice from the service,
// so a 100 kbp × many-sequence run never sits in memory at once.
import { isSequenceComputed, type MotifHitRow, type RunService, type RunSummary } from '../../shared/run-api';
import type { ExportFormat } from '../../shared/ipc';
import { weightedHitLine, weightedHitsHeader, type HitWithRelevance } from '../../engine/export/hits-relevance-tsv';
import { hitRelevance, type HitRelevance } from '../../engine/motifs/hit-relevance';
import { genomeSpot, regionColumns, REGION_COLUMNS, type GenomeSpot } from '../../engine/export/genome-spot';
import { formatG } from '../../engine/export/format-number';
import { warningsCell } from '../../engine/export/warnings-cell';
import { AppError } from '../../shared/errors';
import { orderedExplanations } from '../../shared/explanation-order';
import { regionBedGraphLines, regionPlaces, regionTrackDescription } from '../../services/region-bedgraph';
import { bedGraphTrackLine } from '../../engine/export/bedgraph';

/** The largest slice the IPC schema allows; bedGraph pages through each sequence in these. */
const SLICE_BP = 20_000;
const PAGE = 500;

/** The download's name; a bedGraph's names its explanation (`Demo.lrp.bedGraph`), as `runs export` names its files. */
export function exportFileName(run: RunSummary, format: ExportFormat, explanationId?: string): string {
  const stem = (run.label ?? `${run.modelName}-${run.fastaName}`).replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
  const ext: Record<ExportFormat, string> = { tsv: '.tsv', bedgraph: '.bedGraph', 'motifs-tsv': '.motifs.tsv', 'report-html': '.report.html', 'report-pdf': '.report.pdf' };
  return `${stem}${format === 'bedgraph' && explanationId ? `.${explanationId}` : ''}${ext[format]}`;
}

/** The explanation a bedGraph export holds: one of the run's, named by the request. */
export function bedGraphExplanation(run: RunSummary, explanationId: string | undefined): RunSummary['explanations'][number] {
  const ids = run.explanations.map((e) => e.id).join(', ');
  if (!explanationId) throw new AppError('USAGE', `a relevance bedGraph holds one explanation: choose one of ${ids}`);
  const e = run.explanations.find((x) => x.id === explanationId);
  if (!e) throw new AppError('USAGE', `run ${run.id} has no explanation "${explanationId}": it has ${ids}`);
  return e;
}

/** The download's media type (reports open in a browser or PDF viewer; the rest is text). */
export function exportContentType(format: ExportFormat): string {
  return format === 'report-html' ? 'text/html; charset=utf-8' : format === 'report-pdf' ? 'application/pdf' : 'text/plain; charset=utf-8';
}

/** Numbers as `plrp runs export`'s sequences.tsv writes them (%g), NA where there is none. */
const fmt = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? 'NA' : formatG(x));

/** Chunks of the export: text lines, or for reports one chunk (HTML text or PDF bytes). */
export async function* exportRunLines(runs: RunService, runId: string, format: ExportFormat, explanationId?: string): AsyncGenerator<string | Uint8Array> {
  const run = await runs.get(runId);
  if (format === 'report-html' || format === 'report-pdf') {
    yield await runs.report(runId, format === 'report-pdf' ? 'pdf' : 'html');
    return;
  }
  if (format === 'bedgraph') {
    yield* bedGraphLines(runs, run, bedGraphExplanation(run, explanationId));
    return;
  }
  // Columns in the one explanation order (LRP, then each PLRP method by p), as the app's tracks.
  const ids = orderedExplanations(run.explanations).map((e) => e.id);
  // The columns, numbers and writer of `plrp explain --export`'s hits-relevance.tsv: FIMO's columns
  // and coordinates (1-based, inclusive), so the file reads like fimo.tsv; then each explanation's
  // sum and mean over the hit, then the region it was found in: overlapping regions each find a hit
  // on the bases they share, and weight it by their own explanation, so each keeps its line, named
  // (a FASTA's record: its name).
  if (format === 'motifs-tsv') yield weightedHitsHeader(ids);
  // The output's name beside its index when the model's manifest names them, as the app shows it.
  const labels = run.outputLabels;
  if (format === 'tsv') yield ['index', 'name', ...(run.regions ? REGION_COLUMNS : []), 'length_bp', 'target', ...(labels ? ['target_name'] : []), 'logit', 'output', ...ids.flatMap((i) => [`${i}_sum`, ...run.metrics.map((m) => `${i}_${m}`)]), 'warnings'].join('\t') + '\n';
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
        if (hits.length > 0) yield hits.map((h) => weightedHitLine(storedHitOnGenome(h, spot), ids, row.name)).join('');
      } else if (format === 'tsv') {
        const cols = ids.flatMap((i) => [fmt(row.explanations[i]?.sum), ...run.metrics.map((m) => fmt(row.explanations[i]?.metrics[m]))]);
        yield [row.index, row.name, ...(run.regions ? regionColumns(spot, row.lengthBp) : []), row.lengthBp, row.target, ...(labels ? [labels[row.target] ?? ''] : []), fmt(row.logit), row.output.map(fmt).join(','), ...cols, warningsCell(row.warnings)].join('\t') + '\n';
      }
    }
    if (offset + page.rows.length >= page.total || page.rows.length === 0) break;
  }
}

/**
 * A stored hit as the hit tables write it, on its chromosome. A run stores each explanation's sum
 * over the hit; the mean is over its bases, all inside the sequence, as `explain --export` takes it.
 * A hit an imported run has no relevance for under an explanation (null) gets no cells there.
 */
function storedHitOnGenome(h: MotifHitRow, spot: GenomeSpot): HitWithRelevance {
  const relevance: Record<string, HitRelevance> = {};
  for (const [id, sum] of Object.entries(h.relevance)) if (typeof sum === 'number') relevance[id] = hitRelevance(sum, h.endBp - h.startBp);
  return {
    motifId: h.motifId, motifAltId: h.motifName, sequenceName: spot.chrom, start: spot.offset + h.startBp, end: spot.offset + h.endBp, strand: h.strand,
    score: h.score, pValue: h.pValue, qValue: h.qValue, matchedSequence: h.matched, relevance,
  };
}

/**
 * One explanation's relevance over every computed sequence: one track line, then each sequence's
 * bases on its chromosome (a region run's regions in position order, overlaps averaged), with the
 * track line and numbers of `plrp runs export`'s `<id>.bedGraph` (services/export-run.ts).
 */
async function* bedGraphLines(runs: RunService, run: RunSummary, e: RunSummary['explanations'][number]): AsyncGenerator<string> {
  const placed = run.regions ? await regionPlaces(runs, run) : null;
  yield bedGraphTrackLine(`relevance ${e.id}`, regionTrackDescription(`PLRP Studio ${e.composite} ${e.method} relevance`, placed?.overlaps ?? 0));
  if (placed) {
    yield* regionBedGraphLines(runs, run.id, e.id, placed.regions, (v) => formatG(v));
    return;
  }
  for (let offset = 0; ; offset += PAGE) {
    const page = await runs.sequences({ runId: run.id, offset, limit: PAGE });
    for (const row of page.rows) {
      if (!isSequenceComputed(row, run) || !row.explanations[e.id]) continue;
      const spot = genomeSpot(row.name, row.place?.chrom, row.place?.startBp);
      for (let start = 0; start < row.lengthBp; start += SLICE_BP) {
        const slice = await runs.trackSlice({ runId: run.id, sequenceIndex: row.index, explanationId: e.id, startBp: start, endBp: Math.min(row.lengthBp, start + SLICE_BP), bpPerBin: 1 });
        yield slice.bins.map((b) => `${spot.chrom}\t${spot.offset + b.startBp}\t${spot.offset + b.endBp}\t${formatG(b.mean)}\n`).join('');
      }
    }
    if (offset + page.rows.length >= page.total || page.rows.length === 0) break;
  }
}
