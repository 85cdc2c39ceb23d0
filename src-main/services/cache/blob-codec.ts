// Blobs of the run cache. Float32 arrays use the tagged form of engine/export/float32-blob (older
// caches' zlib streams still decode: engine/export/stored-float32).
import { inflateSync } from 'node:zlib';
import { decodeStoredFloat32 } from '../../engine/export/stored-float32';

export { encodeFloat32 } from '../../engine/export/float32-blob';

export function decodeFloat32(blob: Buffer | Uint8Array): Float32Array {
  return decodeStoredFloat32(blob);
}

/**
 * Sequence letters are stored as a tag byte (0, never a zlib header's first byte) and their latin1
 * bytes. Caches before version 8 hold zlib streams: deflate took 90 µs per 200-bp sequence on
 * the main thread (9 s to store 100,000 sequences) and inflate 19 µs to read one back, to save
 * about 110 bytes per sequence. Older caches' zlib letters still read.
 */
const RAW_TEXT_TAG = 0;

export function encodeText(text: string): Buffer {
  const blob = Buffer.allocUnsafe(text.length + 1);
  blob[0] = RAW_TEXT_TAG;
  blob.write(text, 1, 'latin1');
  return blob;
}

export function decodeText(blob: Buffer | Uint8Array): string {
  const bytes = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  return bytes[0] === RAW_TEXT_TAG ? bytes.toString('latin1', 1) : inflateSync(bytes).toString('latin1');
}
