// Decodes a float32 array as the run cache stores it: the tagged form of ./float32-blob, or the
// zlib stream of caches written before that form. A zlib header's first byte always has 8 in its
// low nibble (CM = deflate), so it never reads as tag 1 or 2 and those blobs still decode. Here in
// the engine, not the cache, because pool workers decode stored relevance too (the seqlet null).
import { inflateSync } from 'node:zlib';
import { alignedFloats, decodeFloat32Blob, isFloat32Blob } from './float32-blob';

export function decodeStoredFloat32(blob: Uint8Array): Float32Array {
  return isFloat32Blob(blob) ? decodeFloat32Blob(blob) : alignedFloats(inflateSync(blob));
}
