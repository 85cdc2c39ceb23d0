import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeFloat32, decodeText, encodeFloat32, encodeText } from '../../../../src-main/services/cache/blob-codec';

const bitsOf = (a: Float32Array): number[] => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

/** Relevance of a one-hot sequence: one non-zero channel per base. */
function oneHotRelevance(bases: number): Float32Array {
  const r = new Float32Array(bases * 4);
  for (let i = 0; i < bases; i++) r[i * 4 + (i * 7) % 4] = Math.sin(i) * 1e-3;
  return r;
}

describe('float32 blob codec', () => {
  it('returns every bit pattern it was given: NaN payloads, infinities, subnormals, odd lengths', () => {
    const tricky = new Float32Array(13);
    const bits = new Uint32Array(tricky.buffer);
    bits[0] = 0x80000001; // −(smallest subnormal)
    bits[3] = 0x7fc00123; // NaN with a payload
    tricky[5] = Infinity;
    tricky[6] = -Infinity;
    bits[9] = 0x00000001; // smallest subnormal
    tricky[12] = -3.5;
    for (const values of [tricky, new Float32Array(0), new Float32Array(9), Float32Array.from({ length: 31 }, (_, i) => i + 0.25)]) {
      expect(bitsOf(decodeFloat32(encodeFloat32(values)))).toEqual(bitsOf(values));
    }
  });

  it('stores −0 as a zero that reads back as +0', () => {
    const r = Float32Array.from([-0, 1, -0, -0, 0, -2]);
    const blob = encodeFloat32(r);
    expect(blob.length).toBe(5 + 1 + 2 * 4);
    expect(bitsOf(decodeFloat32(blob))).toEqual(bitsOf(Float32Array.from([0, 1, 0, 0, 0, -2])));
  });

  it('stores a one-hot relevance track in under a third of its raw size, even when absent bases hold −0', () => {
    const r = oneHotRelevance(1000);
    for (let i = 0; i < r.length; i += 3) if (r[i] === 0) r[i] = -0;
    const blob = encodeFloat32(r);
    expect(blob.length).toBeLessThan(r.byteLength / 3);
    expect(Array.from(decodeFloat32(blob))).toEqual(Array.from(r, (v) => v + 0)); // −0 + 0 = +0
  });

  it('never stores a dense or tiny array larger than raw plus one tag byte', () => {
    const dense = Float32Array.from({ length: 100 }, (_, i) => i + 1);
    expect(encodeFloat32(dense).length).toBe(dense.byteLength + 1);
    expect(encodeFloat32(new Float32Array([0.25, 0.75])).length).toBe(9);
  });

  it('decodes a subarray view and a blob that sits at an odd offset of a larger buffer', () => {
    const r = oneHotRelevance(50);
    const view = r.subarray(8, 40);
    const blob = encodeFloat32(view);
    const shifted = new Uint8Array(blob.length + 3);
    shifted.set(blob, 3);
    expect(bitsOf(decodeFloat32(shifted.subarray(3)))).toEqual(bitsOf(view));
  });

  it('still reads the zlib blobs that caches written by earlier versions hold', () => {
    const r = oneHotRelevance(64);
    const legacy = deflateSync(Buffer.from(r.buffer), { level: 1 });
    expect(bitsOf(decodeFloat32(legacy))).toEqual(bitsOf(r));
    const legacySmallWindow = deflateSync(Buffer.from(r.buffer), { level: 1, windowBits: 9 });
    expect(bitsOf(decodeFloat32(legacySmallWindow))).toEqual(bitsOf(r));
  });
});

describe('sequence letters codec', () => {
  it('stores letters as one tag byte and the letters themselves, and reads them back exactly', () => {
    for (const letters of ['', 'ACGT', 'acgtNNNNryKMswbdhv', 'A'.repeat(100_000)]) {
      const blob = encodeText(letters);
      expect(blob.length).toBe(letters.length + 1);
      expect(blob[0]).toBe(0);
      expect(decodeText(blob)).toBe(letters);
      // better-sqlite3 hands blobs back as Buffers that may be views into a larger allocation.
      const view = new Uint8Array(blob.length + 8);
      view.set(blob, 4);
      expect(decodeText(view.subarray(4, 4 + blob.length))).toBe(letters);
    }
  });

  it('still reads the zlib letters of caches written before the raw form', () => {
    for (const letters of ['', 'ACGTNacgt'.repeat(40)]) {
      expect(decodeText(deflateSync(Buffer.from(letters, 'latin1'), { level: 1 }))).toBe(letters);
    }
  });
});
