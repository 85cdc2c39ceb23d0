// What the main thread moves to a worker with an explain task instead of copying. An
// annotation-only batch of the demo's seven explanations carries 7,000 cached relevance arrays
// (22 MB): structured-cloning them took the main thread 250–700 ms in one block, and transferring
// 7,000 separate buffers still 40–70 ms. The run job reads them into one buffer (views on it);
// that buffer is copied once and transferred, in about 10 ms. The values are the same.
import type { ExplainTask } from './explain-task';

/**
 * The task to post, with copies of its cached relevance's buffers to transfer. Copies: the
 * transfer detaches them here, and the scheduler may post the same task again (a batch whose
 * worker died is retried).
 */
export function packedForTransfer(task: ExplainTask): { task: ExplainTask; transfer: ArrayBuffer[] } {
  const copies = new Map<ArrayBufferLike, ArrayBuffer>();
  for (const s of task.sequences) {
    for (const r of Object.values(s.cachedRelevance ?? {})) if (!copies.has(r.buffer)) copies.set(r.buffer, (r.buffer as ArrayBuffer).slice(0));
  }
  if (copies.size === 0) return { task, transfer: [] };
  const sequences = task.sequences.map((s) => {
    if (!s.cachedRelevance) return s;
    const cachedRelevance: Record<string, Float32Array> = {};
    for (const [id, r] of Object.entries(s.cachedRelevance)) cachedRelevance[id] = new Float32Array(copies.get(r.buffer)!, r.byteOffset, r.length);
    return { ...s, cachedRelevance };
  });
  return { task: { ...task, sequences }, transfer: [...copies.values()] };
}
