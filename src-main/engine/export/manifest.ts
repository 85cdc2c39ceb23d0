// JSON manifest of a run: what went in (files with sha256 and size), the model's checksum, every
// option, the engine version and what was written — enough to reproduce or audit an export
// months later. Checksums are streamed so multi-GB genomes never sit in memory.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors';
import { writeFileAtomic } from './atomic-write';

export interface ManifestFile {
  role: string;
  path: string;
  name: string;
  sizeBytes: number;
  sha256: string;
}

export interface RunManifest {
  format: 'plrp-run-manifest';
  formatVersion: 1;
  engineVersion: string;
  createdAt: string;
  inputs: ManifestFile[];
  model: ManifestFile | null;
  options: unknown;
  outputs: string[];
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'IO_ERROR', `${path}: cannot read for checksum (${code ?? String(e)})`, { cause: e });
  }
  return hash.digest('hex');
}

export async function describeFile(role: string, path: string): Promise<ManifestFile> {
  const [sha256, info] = await Promise.all([sha256File(path), stat(path)]);
  return { role, path, name: basename(path), sizeBytes: info.size, sha256 };
}

export async function buildManifest(p: {
  engineVersion: string;
  inputs: ReadonlyArray<{ role: string; path: string }>;
  modelPath?: string;
  options: unknown;
  outputs: readonly string[];
  createdAt?: Date;
}): Promise<RunManifest> {
  return {
    format: 'plrp-run-manifest',
    formatVersion: 1,
    engineVersion: p.engineVersion,
    createdAt: (p.createdAt ?? new Date()).toISOString(),
    inputs: await Promise.all(p.inputs.map((i) => describeFile(i.role, i.path))),
    model: p.modelPath ? await describeFile('model', p.modelPath) : null,
    options: p.options,
    outputs: [...p.outputs],
  };
}

export async function writeManifest(path: string, manifest: RunManifest): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(manifest, null, 2) + '\n');
}
