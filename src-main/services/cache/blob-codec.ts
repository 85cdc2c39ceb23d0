// Blobs of the run cache. Float32 arrays use the tagged form of engine/export/float32-blob.
// Caches written before that form hold zlib streams; a zlib header's first byte always has 8 in
// its low nibble (CM = deflate), so it never reads as tag 1 or 2 and those blobs still decode.
import { deflateSync, inflateSync } from 'node:zlib';
import { alignedFloats, decodeFloat32Blob, isFloat32Blob } from '../../engine/export/float32-blob';

export { encodeFloat32 } from '../../engine/export/float32-blob';

export function decodeFloat32(blob: Buffer | Uint8Array): Float32Array {
  return isFloat32Blob(blob) ? decodeFloat32Blob(blob) : alignedFloats(inflateSync(blob));
}

export function encodeText(text: string): Buffer {
  return deflateSync(Buffer.from(text, 'latin1'), { level: 1 });
}

export function decodeText(blob: Buffer | Uint8Array): string {
  return inflateSync(blob).toString('latin1');
}
