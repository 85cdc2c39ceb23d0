// Opens a text file as a stream of byte chunks, decompressing gzip and bgzip (multi-member gzip,
// which Node's Gunzip follows member after member) when the file starts with the gzip magic bytes —
// the extension is not trusted, since `.fa.gz` files are often renamed and plain files misnamed.
// Errors are mapped to AppErrors naming the file: missing file, truncated or corrupt gzip, and the
// other compressors users try (bzip2, xz, zstd, zip) which we do not read.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { AppError, type ErrorCode } from '../../shared/errors';

const OTHER_COMPRESSORS: Array<[number[], string]> = [
  [[0x42, 0x5a, 0x68], 'bzip2'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a], 'xz'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd'],
  [[0x50, 0x4b, 0x03, 0x04], 'zip'],
];

async function readMagic(path: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('FILE_NOT_FOUND', `${path}: no such file`);
    if (code === 'EISDIR') throw new AppError('IO_ERROR', `${path}: is a directory, not a file`);
    throw new AppError('IO_ERROR', `${path}: cannot open (${code ?? String(e)})`, { cause: e });
  }
  try {
    const buf = Buffer.alloc(6);
    const { bytesRead } = await handle.read(buf, 0, 6, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function startsWith(buf: Buffer, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

/**
 * Yields the (decompressed) bytes of `path`. `errorCode` is the code used for format errors
 * (BAD_FASTA for FASTA, BAD_MOTIFS for motif files, …) so the message reaches the user as a bad input.
 */
export async function* readByteChunks(path: string, errorCode: ErrorCode): AsyncGenerator<Buffer> {
  const magic = await readMagic(path);
  for (const [bytes, name] of OTHER_COMPRESSORS) {
    if (startsWith(magic, bytes)) {
      throw new AppError(errorCode, `${path}: file is ${name}-compressed; only gzip/bgzip compression is supported (decompress it first)`);
    }
  }
  const gzipped = startsWith(magic, [0x1f, 0x8b]);
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  // pipeline() destroys every stage when the consumer stops early or any stage fails, so an
  // abandoned generator never leaks a file descriptor.
  const stream = gzipped ? pipeline(raw, createGunzip(), () => undefined) : raw;
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'Z_BUF_ERROR') {
      throw new AppError(errorCode, `${path}: truncated gzip file (unexpected end of compressed data); the download or copy is probably incomplete`, { cause: e });
    }
    if (code === 'Z_DATA_ERROR' || code === 'Z_NEED_DICT') {
      throw new AppError(errorCode, `${path}: corrupt gzip data (${(e as Error).message})`, { cause: e });
    }
    throw new AppError('IO_ERROR', `${path}: read failed (${(e as Error).message})`, { cause: e });
  } finally {
    stream.destroy();
  }
}
