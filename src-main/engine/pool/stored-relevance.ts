// What the run cache stores of a batch's results, made in the worker (see ExplainTask.storeForCache):
// the blob, the summary numbers, the finiteness check and the JSON are per-base or per-result work
// that would otherwise fall on the main thread, which stores every worker's batches.
import { encodeFloat32 } from '../export/float32-blob';
import { relevanceStats } from '../explain/relevance-stats';
import { allFinite } from '../explain/sequence-warnings';
import { magnifiesRelevance } from '../explain/pruning-warnings';
import { flipsSign } from '../explain/sign-warnings';
import type { ExplainedConfig, ExplainedSequence } from './explain-task';

/** A shared empty array: what a stored result's `relevance` becomes (cloned once per message). */
const NONE = new Float32Array(0);

/**
 * Turns every result of a batch into its stored form (ExplainedConfig.stored) and returns the one
 * buffer to transfer: the blobs are views on it. Structured-cloning or transferring 7,000 separate
 * blobs, relevance arrays and diagnostics objects blocked the receiving main thread for 0.3–1.3 s.
 */
export function storeForCache(sequences: readonly ExplainedSequence[]): ArrayBuffer {
  const all: ExplainedConfig[] = sequences.flatMap((s) => s.explanations);
  const blobs = all.map((e) => encodeFloat32(e.relevance));
  const packed = new Uint8Array(blobs.reduce((n, b) => n + b.byteLength, 0));
  let at = 0;
  all.forEach((e, i) => {
    packed.set(blobs[i], at);
    e.stored = {
      blob: packed.subarray(at, at + blobs[i].byteLength), ...relevanceStats(e.relevance), finite: allFinite(e.relevance),
      diagnosticsJson: JSON.stringify(e.diagnostics), metricsJson: JSON.stringify(e.metrics), magnified: magnifiesRelevance(e.diagnostics),
      flipped: flipsSign(e.diagnostics),
    };
    at += blobs[i].byteLength;
    e.relevance = NONE;
    e.diagnostics = [];
    e.metrics = {};
  });
  return packed.buffer;
}
