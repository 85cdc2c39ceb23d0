// Reduction of an [L, 4] relevance map to the values a metric scores (../shared/spec/metrics.md,
// "Units"): one value per position, r_i = Σ_c R[i, c], by default. Scoring the 4L one-hot cells
// inflates sparsity with structural zeros, so `cell` is an option only.

export type MetricUnit = 'position' | 'cell';

/** r_i = Σ_c R[i, c] over the four channels, summed in double precision. */
export function positionRelevance(relevance: Float32Array, lengthBp: number): Float64Array {
  checkShape(relevance, lengthBp);
  const r = new Float64Array(lengthBp);
  for (let i = 0; i < lengthBp; i++) {
    const o = i * 4;
    r[i] = relevance[o] + relevance[o + 1] + relevance[o + 2] + relevance[o + 3];
  }
  return r;
}

/** The values a sparsity metric scores for the chosen unit. */
export function metricValues(relevance: Float32Array, lengthBp: number, unit: MetricUnit = 'position'): Float64Array {
  if (unit === 'position') return positionRelevance(relevance, lengthBp);
  checkShape(relevance, lengthBp);
  return Float64Array.from(relevance);
}

function checkShape(relevance: Float32Array, lengthBp: number): void {
  if (relevance.length !== lengthBp * 4) {
    throw new Error(`relevance has ${relevance.length} values, expected [${lengthBp}, 4] = ${lengthBp * 4}`);
  }
}
