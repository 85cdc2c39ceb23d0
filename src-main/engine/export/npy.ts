// NumPy .npy files (format version 1.0, https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html):
// float32 little-endian, C order — what `np.load` reads without options, so relevance arrays
// [N, L, 4] open directly in Python next to tangermeme/tfmodisco-lite.
import { readFile } from 'node:fs/promises';
import { AppError } from '../../shared/errors';
import { writeFileAtomic } from './atomic-write';

const MAGIC = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]); // \x93NUMPY

export interface NpyArray {
  data: Float32Array;
  shape: number[];
}

function shapeLiteral(shape: number[]): string {
  // Python tuple syntax: a 1-tuple needs its trailing comma.
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

export function encodeNpy(data: Float32Array, shape: number[]): Buffer {
  const count = shape.reduce((a, b) => a * b, 1);
  if (shape.some((d) => !Number.isInteger(d) || d < 0) || count !== data.length) {
    throw new AppError('INTERNAL', `npy: shape [${shape.join(', ')}] does not match ${data.length} values`);
  }
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': ${shapeLiteral(shape)}, }`;
  // The spec pads the header with spaces and a final newline so the data starts 64-byte aligned.
  const fixed = MAGIC.length + 2 + 2;
  const total = Math.ceil((fixed + header.length + 1) / 64) * 64;
  header = header.padEnd(total - fixed - 1, ' ') + '\n';
  const prefix = Buffer.alloc(fixed);
  MAGIC.copy(prefix, 0);
  prefix[6] = 1;
  prefix[7] = 0;
  prefix.writeUInt16LE(header.length, 8);
  // Float32Array is little-endian on every platform Node ships for; copy so a view into a larger
  // buffer does not write its neighbours.
  const body = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.concat([prefix, Buffer.from(header, 'latin1'), body]);
}

export async function writeNpy(path: string, data: Float32Array, shape: number[]): Promise<void> {
  await writeFileAtomic(path, encodeNpy(data, shape));
}

export function decodeNpy(buf: Buffer, fileName = 'npy'): NpyArray {
  const bad = (why: string): never => {
    throw new AppError('IO_ERROR', `${fileName}: not a readable .npy file (${why})`);
  };
  if (buf.length < 10 || !buf.subarray(0, 6).equals(MAGIC)) bad('missing \\x93NUMPY magic');
  const major = buf[6];
  const headerLen = major === 1 ? buf.readUInt16LE(8) : major === 2 || major === 3 ? buf.readUInt32LE(8) : bad(`version ${major}`);
  const start = major === 1 ? 10 : 12;
  const header = buf.toString('latin1', start, start + headerLen);
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1] ?? bad('no descr');
  if (/'fortran_order':\s*True/.test(header)) bad('Fortran order is not supported');
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1] ?? bad('no shape');
  const shape = shapeText.split(',').map((s) => s.trim()).filter((s) => s.length > 0).map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const raw = buf.subarray(start + headerLen);
  const data = new Float32Array(count);
  if (descr === '<f4') {
    if (raw.length < count * 4) bad('data shorter than its shape');
    // A fresh Uint8Array starts at offset 0 of its own ArrayBuffer, so the float view is aligned.
    const copy = new Uint8Array(raw.subarray(0, count * 4));
    data.set(new Float32Array(copy.buffer, 0, count));
  } else if (descr === '<f8') {
    if (raw.length < count * 8) bad('data shorter than its shape');
    for (let i = 0; i < count; i++) data[i] = raw.readDoubleLE(i * 8);
  } else {
    bad(`dtype ${descr}; expected <f4 or <f8`);
  }
  return { data, shape };
}

export async function readNpy(path: string): Promise<NpyArray> {
  return decodeNpy(await readFile(path), path);
}
