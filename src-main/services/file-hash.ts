// sha256 of a file, streamed (model files can be hundreds of MB).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../shared/errors';

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw new AppError('FILE_NOT_FOUND', `${path}: no such file`);
    throw new AppError('IO_ERROR', `${basename(path)}: cannot read (${(e as Error).message})`);
  }
  return h.digest('hex');
}
