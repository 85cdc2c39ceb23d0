// Builds one run explanation's seqlet null (../seqlets/null-sample.ts) in a pool worker, from the
// sample's relevance as the run cache stores it. The main thread only reads the blobs and packs them
// into one transferred buffer: decoding a thousand of them and the null's FFT convolutions took
// 80–160 ms per explanation there, in one block, so a run with the demo's seven explanations froze
// the app for about a second when its sample was stored. Workers never touch the database.
import { decodeStoredFloat32 } from '../export/stored-float32';
import { observedFromChannels } from '../genomics/observed-base';
import { seqletNulls, type SeqletNulls } from '../seqlets/null-sample';
import type { Movable } from './task-outcome';

export interface SeqletNullTask {
  kind: 'seqlet-null';
  /** The sample's stored relevance blobs ([L, 4] float32 each), in input order, end to end. */
  blobs: Uint8Array;
  /** Blob i is blobs[offsets[i], offsets[i + 1]). */
  offsets: Uint32Array;
}

export function isSeqletNullTask(task: unknown): task is SeqletNullTask {
  return typeof task === 'object' && task !== null && (task as { kind?: unknown }).kind === 'seqlet-null';
}

/** Packs blobs (in input order) into a task whose one buffer can be transferred. */
export function seqletNullTask(blobs: readonly Uint8Array[]): SeqletNullTask {
  const offsets = new Uint32Array(blobs.length + 1);
  blobs.forEach((b, i) => (offsets[i + 1] = offsets[i] + b.byteLength));
  const packed = new Uint8Array(offsets[blobs.length]);
  blobs.forEach((b, i) => packed.set(b, offsets[i]));
  return { kind: 'seqlet-null', blobs: packed, offsets };
}

/** The buffers the main thread hands over with the task. */
export function seqletNullTaskBuffers(task: SeqletNullTask): ArrayBuffer[] {
  return [task.blobs.buffer as ArrayBuffer, task.offsets.buffer as ArrayBuffer];
}

/** The nulls of the packed sample, exactly as seqletNulls builds them from the decoded tracks. */
export function seqletNullsOfTask(task: SeqletNullTask): Movable<SeqletNulls> {
  const tracks: Float32Array[] = [];
  for (let i = 0; i + 1 < task.offsets.length; i++) {
    tracks.push(observedFromChannels(decodeStoredFloat32(task.blobs.subarray(task.offsets[i], task.offsets[i + 1]))));
  }
  const nulls = seqletNulls(tracks);
  const transfer = [nulls.positive, nulls.negative].flatMap((h) => (h ? [h.f.buffer as ArrayBuffer] : []));
  return { value: nulls, transfer };
}
