// Serves stored PLRP layer relevance as a channels × columns grid for the Layers heatmap. Wide
// layers are summed into at most MAX_COLUMNS columns per channel so one response stays small
// (a column is "pruned" only when all its entries were); 1-D points (dense layers) are one row.
import type { LayerRelevanceRequest, LayerRelevanceView } from '../shared/run-api';
import { LAYER_SEQUENCES, LAYER_WINDOWS, layerIndex, readLayer } from './cache/layer-store';
import type { RunCache } from './cache/run-cache';

export const MAX_COLUMNS = 1024;

export function layerRelevanceView(cache: RunCache, explKey: string, method: string, request: LayerRelevanceRequest): LayerRelevanceView {
  const base: LayerRelevanceView = {
    explanationId: request.explanationId, sequenceIndex: request.sequenceIndex, windows: 0, points: [], window: 0, point: null,
    shape: [], channels: 0, positions: 0, columns: 0, positionsPerColumn: 1, before: [], after: [], note: null,
  };
  if (method === 'lrp') return { ...base, note: 'LRP prunes nothing: layer relevance is stored for PLRP explanations only.' };
  const index = layerIndex(cache.db, explKey, request.sequenceIndex);
  if (index.points.length === 0) {
    return { ...base, note: `Layer relevance is kept for the first ${LAYER_SEQUENCES} sequences of a run (first ${LAYER_WINDOWS} model windows each); this sequence has none stored.` };
  }
  const window = request.window ?? 0;
  const point = request.point && index.points.includes(request.point) ? request.point : index.points[0];
  if (window >= index.windows) {
    // Never another window's grid under this window's name: the diagnostics beside it are this window's.
    return { ...base, windows: index.windows, points: index.points, window, point, note: `Layer relevance is kept for the first ${index.windows} model windows of a sequence; this is window ${window + 1}.` };
  }
  const layer = readLayer(cache.db, explKey, request.sequenceIndex, window, point);
  if (!layer) return { ...base, windows: index.windows, points: index.points, window, point, note: 'This window has no stored layer relevance.' };
  const channels = layer.shape.length >= 2 ? layer.shape[0] : 1;
  const positions = layer.before.length / Math.max(1, channels);
  const perColumn = Math.max(1, Math.ceil(positions / MAX_COLUMNS));
  const columns = Math.ceil(positions / perColumn);
  const before = new Array<number>(channels * columns).fill(0);
  const after = new Array<number>(channels * columns).fill(0);
  for (let c = 0; c < channels; c++) {
    for (let i = 0; i < positions; i++) {
      const cell = c * columns + Math.floor(i / perColumn);
      before[cell] += layer.before[c * positions + i];
      after[cell] += layer.after[c * positions + i];
    }
  }
  return { ...base, windows: index.windows, points: index.points, window, point, shape: layer.shape, channels, positions, columns, positionsPerColumn: perColumn, before, after };
}
