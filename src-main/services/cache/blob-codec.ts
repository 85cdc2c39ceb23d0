// Relevance arrays are stored as zlib-deflated little-endian float32 blobs. Level 1: relevance
// floats barely compress past the zero runs of one-hot inputs (3 of 4 channels are exactly zero for
// most rules), and level 1 gets nearly all of that at a fraction of the write time.
import { deflateSync, inflateSync } from 'node:zlib';

export function encodeFloat32(values: Float32Array): Buffer {
  return deflateSync(Buffer.from(values.buffer, values.byteOffset, values.byteLength), { level: 1 });
}

export function decodeFloat32(blob: Buffer | Uint8Array): Float32Array {
  const raw = inflateSync(blob);
  // Copy into a fresh, 4-byte-aligned buffer: inflate's output may sit at any offset of a pool.
  const out = new Float32Array(raw.byteLength / 4);
  new Uint8Array(out.buffer).set(raw);
  return out;
}

export function encodeText(text: string): Buffer {
  return deflateSync(Buffer.from(text, 'latin1'), { level: 1 });
}

export function decodeText(blob: Buffer | Uint8Array): string {
  return inflateSync(blob).toString('latin1');
}
