// A model uploaded in browser mode (or dropped onto the Electron window) is stored in a temporary
// folder of its own, so the manifest that sat beside the user's copy (NAME.json beside NAME.onnx;
// engine/explain/model-manifest.ts) is not there, and the outputs lose their names. The user
// uploads the manifest too: this checks that it belongs to the model and writes it beside the
// upload as NAME.json, where the model card, the run list, the Run view and reports look for it.
import { readFile, writeFile } from 'node:fs/promises';
import { AppError } from '../../shared/errors';
import type { AttachedManifest, FileEntry } from '../../shared/studio-types';
import {
  forgetOutputLabels,
  manifestOutputLabels,
  manifestPathOf,
  manifestRecommendedP,
  parseManifest,
  type Manifest,
} from '../../engine/explain/model-manifest';
import { sha256File } from '../../services/file-hash';

/** The shipped manifests are 2–3 kB; anything near this is not a manifest. */
export const MAX_MANIFEST_BYTES = 1024 ** 2;

/** Exact byte counts with separators ("77,405 bytes"): the user compares them to a file listing. */
const bytesText = (n: number) => `${n.toLocaleString('en-US')} bytes`;
const stem = (name: string) => name.replace(/\.(onnx|json)$/i, '').toLowerCase();

/**
 * Why this manifest is not the model's, in words naming both files; null when it is. A manifest
 * that records the model's size or checksum is held to them (the model may have been renamed);
 * one that records neither must carry the model's name, as the lookup on disk requires.
 */
export function manifestMismatch(manifest: Manifest, manifestName: string, model: { name: string; sizeBytes: number }, modelSha256: string | null): string | null {
  const of = typeof manifest.file === 'string' ? ` (${manifest.file})` : '';
  const notUsed = `it is another model's manifest, so it was not used`;
  if (typeof manifest.bytes === 'number' && manifest.bytes !== model.sizeBytes) {
    return `${manifestName} describes a model of ${bytesText(manifest.bytes)}${of}, but ${model.name} has ${bytesText(model.sizeBytes)}: ${notUsed}`;
  }
  if (typeof manifest.sha256 === 'string' && modelSha256 !== null && manifest.sha256.toLowerCase() !== modelSha256) {
    return `${manifestName} describes a model with sha256 ${manifest.sha256.slice(0, 12)}…${of}, but ${model.name} has ${modelSha256.slice(0, 12)}…: ${notUsed}`;
  }
  const identified = typeof manifest.bytes === 'number' || typeof manifest.sha256 === 'string';
  const named = stem(manifestName) === stem(model.name) || (typeof manifest.file === 'string' && stem(manifest.file) === stem(model.name));
  if (!identified && !named) {
    return `${manifestName} does not say which model it describes (no sha256 or bytes) and is not named after ${model.name}; if it is that model's manifest, rename it ${model.name.replace(/\.onnx$/i, '')}.json`;
  }
  return null;
}

export async function attachManifest(model: { path: string; entry: FileEntry }, manifest: { path: string; entry: FileEntry }): Promise<AttachedManifest> {
  const name = manifest.entry.name;
  if (model.entry.origin !== 'upload') {
    // A model opened from disk has its manifest read from beside it; the studio does not write there.
    throw new AppError('USAGE', `${model.entry.name} is read from its own folder: put ${name} beside it as ${model.entry.name.replace(/\.onnx$/i, '')}.json instead`);
  }
  const target = manifestPathOf(model.path);
  if (!target) throw new AppError('USAGE', `${model.entry.name} is not an .onnx model, so ${name} cannot be its manifest`);
  if (manifest.entry.sizeBytes > MAX_MANIFEST_BYTES) throw new AppError('BAD_CONFIG', `${name} is ${manifest.entry.sizeBytes} bytes: too large for a model manifest`);
  const text = await readFile(manifest.path, 'utf8');
  const parsed = parseManifest(text);
  if (!parsed) throw new AppError('BAD_CONFIG', `${name} is not a model manifest: it is not a JSON object`);
  const outputLabels = manifestOutputLabels(parsed);
  const recommendedP = manifestRecommendedP(parsed);
  if (!outputLabels && recommendedP === null) {
    throw new AppError('BAD_CONFIG', `${name} is not a model manifest: it names no outputs (outputs[0].labels) and recommends no p (recommended_p)`);
  }
  const sha = typeof parsed.sha256 === 'string' ? await sha256File(model.path) : null;
  const mismatch = manifestMismatch(parsed, name, model.entry, sha);
  if (mismatch) throw new AppError('BAD_CONFIG', mismatch);
  await writeFile(target, text);
  // The run list may already have asked for this model's labels (and remembered that it had none).
  forgetOutputLabels(model.path);
  return { name, outputLabels, recommendedP };
}
