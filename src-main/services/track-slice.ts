// Binning of one sequence's relevance for a region and zoom level, done in the service so the
// renderer never receives whole arrays of long sequences (architecture.md, data flow). Bins
// summarise the per-position relevance r_i = Σ_c R[i, c] (metrics.md, "Units").
import type { TrackBin } from '../shared/run-api';

export interface BinnedRegion {
  startBp: number;
  endBp: number;
  bins: TrackBin[];
  bases?: [number, number, number, number][];
}

/** Bins [startBp, endBp) (clamped to the sequence) of `relevance` ([lengthBp, 4]). */
export function binRelevance(relevance: Float32Array, lengthBp: number, startBp: number, endBp: number, bpPerBin: number): BinnedRegion {
  const start = Math.max(0, Math.min(lengthBp, Math.floor(startBp)));
  const end = Math.max(start, Math.min(lengthBp, Math.ceil(endBp)));
  const step = Math.max(1, bpPerBin);
  const bins: TrackBin[] = [];
  for (let b = start; b < end; b += step) {
    const from = Math.floor(b);
    const to = Math.min(end, Math.floor(b + step));
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (let i = from; i < Math.max(to, from + 1); i++) {
      const r = relevance[i * 4] + relevance[i * 4 + 1] + relevance[i * 4 + 2] + relevance[i * 4 + 3];
      if (r < min) min = r;
      if (r > max) max = r;
      sum += r;
    }
    const width = Math.max(to, from + 1) - from;
    bins.push({ startBp: from, endBp: from + width, min, max, mean: sum / width });
  }
  const out: BinnedRegion = { startBp: start, endBp: end, bins };
  if (bpPerBin <= 1) {
    out.bases = [];
    for (let i = start; i < end; i++) out.bases.push([relevance[i * 4], relevance[i * 4 + 1], relevance[i * 4 + 2], relevance[i * 4 + 3]]);
  }
  return out;
}
