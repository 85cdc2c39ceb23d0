// The recommended p of a sweep: the knee of the sparsity–faithfulness trade-off, found with the
// Kneedle rule (Satopää et al. 2011): normalise both axes to [0, 1] over the sweep, draw the chord
// from the first point (p = 0, plain LRP) to the last, and take the point farthest above it — where
// sparsity has been bought with the least faithfulness so far. Two cases have no trade-off and get
// a direct answer: faithfulness never drops (take the sparsest p), or every p > 0 is below the chord
// (faithfulness falls at once: keep p = 0).
// Shared: `plrp reproduce` recommends a model's p with it, and the Dashboard a run's.

export interface TradeoffPoint {
  p: number;
  /** Higher = sparser (mean Gini). */
  sparsity: number;
  /** Higher = more faithful (mean MoRF − LeRF AUC). */
  faithfulness: number;
}

export interface Knee {
  p: number;
  reason: 'knee' | 'no-faithfulness-loss' | 'immediate-loss' | 'single-point';
}

export function recommendP(points: readonly TradeoffPoint[]): Knee {
  const pts = [...points].filter((q) => Number.isFinite(q.sparsity) && Number.isFinite(q.faithfulness)).sort((a, b) => a.p - b.p);
  if (pts.length === 0) return { p: 0, reason: 'single-point' };
  if (pts.length === 1) return { p: pts[0].p, reason: 'single-point' };
  const f0 = pts[0].faithfulness;
  if (pts.every((q) => q.faithfulness >= f0)) {
    const sparsest = pts.reduce((best, q) => (q.sparsity > best.sparsity ? q : best));
    return { p: sparsest.p, reason: 'no-faithfulness-loss' };
  }
  const norm = (v: number, lo: number, hi: number): number => (hi > lo ? (v - lo) / (hi - lo) : 0);
  const sLo = Math.min(...pts.map((q) => q.sparsity));
  const sHi = Math.max(...pts.map((q) => q.sparsity));
  const fLo = Math.min(...pts.map((q) => q.faithfulness));
  const fHi = Math.max(...pts.map((q) => q.faithfulness));
  const xy = pts.map((q) => [norm(q.sparsity, sLo, sHi), norm(q.faithfulness, fLo, fHi)] as const);
  const [x0, y0] = xy[0];
  const [x1, y1] = xy[xy.length - 1];
  const len = Math.hypot(x1 - x0, y1 - y0) || 1;
  let best = 0;
  let bestDist = 0;
  for (let i = 1; i < xy.length - 1; i++) {
    const [x, y] = xy[i];
    // Signed distance, positive on the side of higher faithfulness for the same sparsity.
    const d = ((x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)) / len;
    if (d > bestDist) {
      bestDist = d;
      best = i;
    }
  }
  return bestDist > 0 ? { p: pts[best].p, reason: 'knee' } : { p: pts[0].p, reason: 'immediate-loss' };
}
