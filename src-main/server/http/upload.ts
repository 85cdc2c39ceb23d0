// File upload for browser mode (pick or drag-and-drop in the page): the body is streamed to a
// per-launch folder and registered like any other file, so the page gets a token back. The name is
// reduced to a safe basename; the size is capped so a runaway upload cannot fill the disk.
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AppError } from '../../shared/errors';
import type { FileEntry } from '../../shared/studio-types';
import type { FileRegistry } from '../api/file-registry';

/** Models and FASTA for this app are MBs to a few GBs; 4 GiB is a generous ceiling. */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

export function safeUploadName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^A-Za-z0-9._ -]/g, '_').replace(/^\.+/, '').slice(0, 120);
  return cleaned || 'upload';
}

export async function receiveUpload(req: IncomingMessage, rawName: string, uploadsDir: string, files: FileRegistry, maxBytes = MAX_UPLOAD_BYTES): Promise<FileEntry> {
  const name = safeUploadName(rawName);
  const dir = join(uploadsDir, randomBytes(6).toString('hex'));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new AppError('RESOURCE_LIMIT', `${name} is ${declared} bytes, over the ${maxBytes}-byte upload limit`);
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(path);
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        req.destroy();
        out.destroy();
        reject(new AppError('RESOURCE_LIMIT', `${name} is over the ${maxBytes}-byte upload limit`));
      }
    });
    req.on('error', reject);
    out.on('error', (e) => reject(new AppError('IO_ERROR', `could not store ${name}: ${e.message}`)));
    out.on('finish', () => resolve());
    req.pipe(out);
  });
  return files.register(path, 'upload', name);
}
