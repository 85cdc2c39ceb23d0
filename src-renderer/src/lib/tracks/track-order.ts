// The order of the relevance tracks (and of every list of a run's explanations next to them): plain
// LRP first, then each PLRP method in the order the run names it, by increasing p, so a sweep reads
// top to bottom from least to most pruned whatever order the run was configured in.
import type { ExplanationSummary } from '../../../../src-main/shared/run-api';
import { pruneFraction } from '../util/dashboard-data';

export function trackOrder(explanations: readonly Pick<ExplanationSummary, 'id' | 'method' | 'canonical'>[]): string[] {
  const methodRank = (method: string) => (method === 'lrp' ? -1 : explanations.findIndex((e) => e.method === method));
  return explanations
    .map((e, index) => ({ e, index, rank: methodRank(e.method), p: pruneFraction(e.canonical) ?? Infinity }))
    .sort((a, b) => a.rank - b.rank || a.p - b.p || a.index - b.index)
    .map(({ e }) => e.id);
}
