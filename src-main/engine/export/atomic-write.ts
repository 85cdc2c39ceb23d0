// Every export is written to a temporary file in the target folder and renamed into place, so a
// crash, a full disk or a concurrent reader never sees a half-written file (rename is atomic on
// the same filesystem, which a sibling temp file guarantees).
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/errors';

export async function writeFileAtomic(path: string, data: string | Uint8Array | Array<string | Uint8Array>): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const body = Array.isArray(data) ? Buffer.concat(data.map((d) => (typeof d === 'string' ? Buffer.from(d, 'utf8') : d))) : data;
    await writeFile(tmp, body);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new AppError('IO_ERROR', `${path}: cannot write (${code})`, { cause: e });
  }
}
