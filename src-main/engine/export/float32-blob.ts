// The compact form float32 arrays (relevance, predictions, layer relevance) are stored in: a
// one-byte tag, then
//   0x01 sparse: u32 LE count, a bitmap of the non-zero entries (LSB first), then those entries
//        (−0 counts as zero and comes back as +0: relevance of an absent base is often −0);
//   0x02 raw:    the little-endian float32 values.
// Relevance of one-hot inputs is exactly zero in 3 of 4 channels, and the remaining float mantissas
// are noise to a general compressor: zlib level 1 stored cnn4's relevance 30% larger than this form
// (2.35 vs 1.80 MB for 2,000 sequences) at ~60 µs per 200-bp sequence. The encoder picks whichever
// form is smaller (raw for dense arrays and tiny ones such as predictions). Workers encode a run's
// relevance with it (so the main thread, which stores every worker's batches, does not), and the
// run cache decodes it (../../services/cache/blob-codec, which also reads older zlib blobs).
const SPARSE = 0x01;
const RAW = 0x02;
const SPARSE_HEADER = 5;

export function encodeFloat32(values: Float32Array): Buffer {
  // Bit patterns without the sign bit: ±0 are zero, and NaN payloads come back as they went in.
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const n = bits.length;
  let nonZero = 0;
  for (let i = 0; i < n; i++) if ((bits[i] & 0x7fffffff) !== 0) nonZero++;
  const maskBytes = (n + 7) >> 3;
  const sparseSize = SPARSE_HEADER + maskBytes + 4 * nonZero;
  if (sparseSize >= 1 + 4 * n) {
    const out = Buffer.allocUnsafe(1 + 4 * n);
    out[0] = RAW;
    out.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), 1);
    return out;
  }
  const out = Buffer.alloc(sparseSize);
  out[0] = SPARSE;
  out.writeUInt32LE(n, 1);
  const packed = new Uint32Array(nonZero);
  for (let i = 0, j = 0; i < n; i++) {
    const b = bits[i];
    if ((b & 0x7fffffff) === 0) continue;
    out[SPARSE_HEADER + (i >> 3)] |= 1 << (i & 7);
    packed[j++] = b;
  }
  out.set(new Uint8Array(packed.buffer), SPARSE_HEADER + maskBytes);
  return out;
}

/** True for blobs in this form (tag 0x01 or 0x02). */
export function isFloat32Blob(blob: Uint8Array): boolean {
  return blob[0] === SPARSE || blob[0] === RAW;
}

/** Decodes a blob for which isFloat32Blob holds. */
export function decodeFloat32Blob(blob: Uint8Array): Float32Array {
  const tag = blob[0];
  if (tag === RAW) return alignedFloats(blob.subarray(1));
  const n = new DataView(blob.buffer, blob.byteOffset, blob.byteLength).getUint32(1, true);
  const maskBytes = (n + 7) >> 3;
  const packed = new Uint32Array(alignedFloats(blob.subarray(SPARSE_HEADER + maskBytes)).buffer);
  const out = new Uint32Array(n);
  for (let i = 0, j = 0; i < n; i++) if (blob[SPARSE_HEADER + (i >> 3)] & (1 << (i & 7))) out[i] = packed[j++];
  return new Float32Array(out.buffer);
}

/** Copies bytes into a fresh, 4-byte-aligned Float32Array (blobs may sit at any offset of a pool). */
export function alignedFloats(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.byteLength >> 2);
  new Uint8Array(out.buffer).set(bytes.subarray(0, out.byteLength));
  return out;
}
