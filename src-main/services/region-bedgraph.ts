// The bedGraph of one explanation over a region run's regions, for `plrp runs export` and the app's
// bedGraph export: one track in genome coordinates, the regions in position order (chromosomes in
// byte order), and where they overlap each base the mean over the regions covering it
// (engine/export/overlap-average.ts), so the file is a valid bedGraph (bedGraphToBigWig refuses overlapping intervals). Each region's own
// values stay in the run (the app's tracks, out.json). Fetched region by region: memory holds the
// regions' places and the bases a later region may still cover.
import { isSequenceComputed, type RunService, type RunSummary } from '../shared/run-api';
import { bedGraphOrder, countOverlaps, OverlapAverager, overlapNote, type Placed } from '../engine/export/overlap-average';

const PAGE = 500;
/** The largest slice the IPC schema allows. */
const SLICE_BP = 20_000;

export interface PlacedRegion extends Placed {
  index: number;
}

/**
 * The computed regions of a region run, with their places, in bedGraph order (chromosomes in byte
 * order, as bedGraphToBigWig wants; engine/export/chrom-order.ts); and how many overlap.
 */
export async function regionPlaces(runs: RunService, run: RunSummary): Promise<{ regions: PlacedRegion[]; overlaps: number }> {
  const all: PlacedRegion[] = [];
  for (let offset = 0; offset < run.sequenceCount; offset += PAGE) {
    const { rows } = await runs.sequences({ runId: run.id, offset, limit: PAGE });
    if (rows.length === 0) break;
    for (const r of rows) {
      if (isSequenceComputed(r, run)) all.push({ index: r.index, chrom: r.place?.chrom ?? r.name, offset: r.place?.startBp ?? 0, lengthBp: r.lengthBp });
    }
  }
  return { regions: bedGraphOrder(all, 'genome').map((i) => all[i]), overlaps: countOverlaps(all) };
}

/** The track line's description, with the averaging said when regions overlap. */
export function regionTrackDescription(description: string, overlaps: number): string {
  return overlaps > 0 ? `${description}; ${overlapNote(overlaps)}` : description;
}

/** bedGraph lines (no track line) of one explanation over `regions` (from regionPlaces). */
export async function* regionBedGraphLines(runs: RunService, runId: string, explanationId: string, regions: readonly PlacedRegion[], format: (v: number) => string): AsyncGenerator<string> {
  const averager = new OverlapAverager((chrom, start, end, v) => `${chrom}\t${start}\t${end}\t${format(v)}\n`);
  for (const r of regions) {
    const values = new Float64Array(r.lengthBp).fill(Number.NaN);
    for (let start = 0; start < r.lengthBp; start += SLICE_BP) {
      const slice = await runs.trackSlice({ runId, sequenceIndex: r.index, explanationId, startBp: start, endBp: Math.min(r.lengthBp, start + SLICE_BP), bpPerBin: 1 });
      for (const b of slice.bins) values.fill(b.mean, b.startBp, b.endBp);
    }
    const lines = averager.add({ chrom: r.chrom, offset: r.offset, values });
    if (lines) yield lines;
  }
  const rest = averager.finish();
  if (rest) yield rest;
}
