// A worker hands the run cache relevance already in its blob form, with the summary numbers.
import { describe, expect, it } from 'vitest';
import { storedRelevance } from '../../../../src-main/engine/pool/stored-relevance';
import { decodeFloat32 } from '../../../../src-main/services/cache/blob-codec';
import { relevanceStats } from '../../../../src-main/engine/explain/relevance-stats';

describe('storedRelevance', () => {
  it('gives the blob the cache decodes back to the same values, and the numbers of relevanceStats', () => {
    const relevance = new Float32Array(4 * 50);
    for (let i = 0; i < 50; i++) relevance[4 * i + (i % 4)] = Math.sin(i) / 3;
    const stored = storedRelevance(relevance);
    expect(decodeFloat32(stored.blob)).toEqual(relevance);
    expect(stored).toMatchObject({ ...relevanceStats(relevance), finite: true });
  });

  it('owns its buffer, so a transfer to the main thread detaches nothing else (small Buffers share a pool)', () => {
    const stored = storedRelevance(Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8));
    expect(stored.blob.byteOffset).toBe(0);
    expect(stored.blob.buffer.byteLength).toBe(stored.blob.byteLength);
  });

  it('says when a value is NaN or infinite', () => {
    expect(storedRelevance(Float32Array.of(0, Number.NaN, 0, 0)).finite).toBe(false);
    expect(storedRelevance(Float32Array.of(0, 0, Number.POSITIVE_INFINITY, 0)).finite).toBe(false);
  });
});
