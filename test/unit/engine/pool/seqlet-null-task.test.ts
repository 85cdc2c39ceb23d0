// The run's seqlet null is built in a pool worker from the sample's stored blobs: it must be the very
// null the main thread built from the decoded relevance before, bit for bit, whatever form each
// blob was stored in (sparse, raw, or an older cache's zlib stream).
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { seqletNullTask, seqletNullTaskBuffers, seqletNullsOfTask } from '../../../../src-main/engine/pool/seqlet-null-task';
import { encodeFloat32 } from '../../../../src-main/engine/export/float32-blob';
import { observedFromChannels } from '../../../../src-main/engine/genomics/observed-base';
import { seqletNulls } from '../../../../src-main/engine/seqlets/null-sample';
import { mulberry32 } from '../../../../src-main/engine/metrics/rng';

/** [lengthBp, 4] relevance of a one-hot input: one non-zero channel per base. */
function relevance(lengthBp: number, seed: number): Float32Array {
  const next = mulberry32(seed).next;
  const r = new Float32Array(lengthBp * 4);
  for (let i = 0; i < lengthBp; i++) r[4 * i + Math.floor(next() * 4)] = (next() - 0.4) * (i % 17 === 0 ? 5 : 1);
  return r;
}

describe('the seqlet null task', () => {
  it('builds from stored blobs the nulls seqletNulls builds from the decoded tracks, bit for bit', () => {
    const sample = Array.from({ length: 40 }, (_, i) => relevance(150 + (i % 3) * 25, i + 1));
    // As the cache holds them: the worker-made form, and a zlib stream from a cache written before it.
    const blobs = sample.map((r, i) => (i % 5 === 0 ? deflateSync(Buffer.from(r.buffer)) : encodeFloat32(r)));
    const task = seqletNullTask(blobs);
    const { value, transfer } = seqletNullsOfTask(task);
    const expected = seqletNulls(sample.map(observedFromChannels));
    expect(value.positive).not.toBeNull();
    expect(value).toEqual(expected);
    expect(transfer).toEqual([value.positive!.f.buffer, value.negative!.f.buffer]);
  });

  it('travels as one packed buffer and its offsets, whatever buffers the blobs came in', () => {
    const blobs = [Uint8Array.of(2, 0, 0, 128, 63), Buffer.from([2, 0, 0, 0, 64])];
    const task = seqletNullTask(blobs);
    expect([...task.offsets]).toEqual([0, 5, 10]);
    expect([...task.blobs]).toEqual([2, 0, 0, 128, 63, 2, 0, 0, 0, 64]);
    expect(seqletNullTaskBuffers(task)).toEqual([task.blobs.buffer, task.offsets.buffer]);
  });
});
