// The one-click demo on first launch: the bundled model, FASTA, ground truth and JASPAR database
// from resources/. Files are registered as 'bundled' so the renderer gets tokens like for any other.
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DemoBundle, FileEntry } from '../../shared/studio-types';
import type { FileRegistry } from './file-registry';
import { sha256File } from '../../services/file-hash';
import { fastaInputSha256 } from '../../services/ingest-fasta';
import { ENGINE_VERSION } from '../../services/engine-version';

function firstMatching(dir: string, re: RegExp): string | null {
  if (!existsSync(dir)) return null;
  const hit = readdirSync(dir).filter((f) => re.test(f)).sort()[0];
  return hit ? join(dir, hit) : null;
}

export async function demoBundle(resourcesDir: string, files: FileRegistry): Promise<DemoBundle> {
  const demoDir = join(resourcesDir, 'demo');
  const model = firstMatching(demoDir, /\.onnx$/i) ?? firstMatching(join(resourcesDir, 'models'), /\.onnx$/i);
  // Demo data sit beside the model they were made for: cnn4-pair.onnx ↔ gata-tal-pair.fa/.bed.
  const tag = model ? (basename(model, '.onnx').split('-').pop() ?? '') : '';
  const esc = tag.replace(/[^A-Za-z0-9]/g, '');
  const fasta = firstMatching(demoDir, new RegExp(`${esc}\\.(fa|fasta)(\\.gz)?$`, 'i')) ?? firstMatching(demoDir, /\.(fa|fasta)(\.gz)?$/i);
  const bed = fasta ? firstMatching(demoDir, new RegExp(`^${basename(fasta).replace(/\.(fa|fasta)(\.gz)?$/i, '').replace(/[^A-Za-z0-9-]/g, '')}\\.bed$`, 'i')) : null;
  const motifs = firstMatching(demoDir, /\.(meme|jaspar|transfac)$/i) ?? firstMatching(join(resourcesDir, 'jaspar'), /^JASPAR.*\.(txt|meme|jaspar)$/i);
  if (!model || !fasta) {
    return { available: false, reason: `the bundled demo files are missing from ${resourcesDir} (need a model .onnx and a FASTA)` };
  }
  const reg = (p: string | null): FileEntry | undefined => (p ? files.register(p, 'bundled') : undefined);
  // The demo files are small: checksumming them on each request costs milliseconds.
  const fingerprint = await Promise.all([sha256File(model), fastaInputSha256(fasta)]).then(
    ([modelSha256, inputSha256]) => ({ modelSha256, inputSha256, engineVersion: ENGINE_VERSION }),
    () => undefined,
  );
  return { available: true, model: reg(model), fasta: reg(fasta), groundTruthBed: reg(bed), motifs: reg(motifs), fingerprint };
}
