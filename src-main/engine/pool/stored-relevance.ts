// What the run cache stores of one explanation's relevance, made in the worker (see
// ExplainTask.storeForCache): the blob, the summary numbers and the finiteness check are per-base
// work that would otherwise fall on the main thread, which stores every worker's batches.
import { encodeFloat32 } from '../export/float32-blob';
import { relevanceStats } from '../explain/relevance-stats';
import { allFinite } from '../explain/sequence-warnings';
import type { StoredRelevance } from './explain-task';

export function storedRelevance(relevance: Float32Array): StoredRelevance {
  // A copy with its own ArrayBuffer: a small Buffer shares Node's pool, which a transfer would detach.
  const blob = new Uint8Array(encodeFloat32(relevance));
  return { blob, ...relevanceStats(relevance), finite: allFinite(relevance) };
}
