// A model may ship with a manifest next to it (NAME.onnx → NAME.json, as in resources/models/):
// the app reads the PLRP p that `plrp reproduce` recommended for it, to offer as the default, and
// the names of the model's outputs (e.g. "absent", "gata1_tal1_pair"), to show instead of indices.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export interface Manifest {
  /** Which model file it describes, when the manifest says (`plrp reproduce` writes all three). */
  file?: unknown;
  bytes?: unknown;
  sha256?: unknown;
  recommended_p?: Record<string, unknown>;
  outputs?: { labels?: unknown }[];
}

/** NAME.json beside NAME.onnx; null for a model file not named .onnx. */
export function manifestPathOf(modelPath: string): string | null {
  const manifestPath = modelPath.replace(/\.onnx$/i, '.json');
  return manifestPath === modelPath ? null : manifestPath;
}

/** The manifest's JSON, or null when there is none or it is not JSON (then it simply says nothing). */
export function parseManifest(text: string): Manifest | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Manifest) : null;
  } catch {
    return null;
  }
}

/** The manifest's recommended p for a method, if it is a fraction in [0, 1]. */
export function manifestRecommendedP(manifest: Manifest | null, method: 'plrp-lambda' | 'plrp-m' = 'plrp-lambda'): number | null {
  const p = manifest?.recommended_p?.[method];
  return typeof p === 'number' && p >= 0 && p <= 1 ? p : null;
}

/** The manifest's output names (`outputs[0].labels`) if they are a non-empty list of strings. */
export function manifestOutputLabels(manifest: Manifest | null): string[] | null {
  const named = manifest?.outputs?.[0]?.labels;
  return Array.isArray(named) && named.length > 0 && named.every((l) => typeof l === 'string') ? named : null;
}

export async function recommendedP(modelPath: string, method: 'plrp-lambda' | 'plrp-m' = 'plrp-lambda'): Promise<number | null> {
  const path = manifestPathOf(modelPath);
  const text = path ? await readFile(path, 'utf8').catch(() => null) : null;
  return manifestRecommendedP(text === null ? null : parseManifest(text), method);
}

const manifestByModel = new Map<string, Manifest | null>();

/** The model's manifest, or null; read once per model path and process (run summaries ask on every list of runs). */
function cachedManifest(modelPath: string): Manifest | null {
  if (manifestByModel.has(modelPath)) return manifestByModel.get(modelPath)!;
  const path = manifestPathOf(modelPath);
  let text: string | null = null;
  try {
    text = path ? readFileSync(path, 'utf8') : null;
  } catch {
    // no manifest: the outputs are shown by index
  }
  const manifest = text === null ? null : parseManifest(text);
  manifestByModel.set(modelPath, manifest);
  return manifest;
}

/** The names of the model's outputs from its manifest (`outputs[0].labels`), or null. */
export function outputLabels(modelPath: string): string[] | null {
  return manifestOutputLabels(cachedManifest(modelPath));
}

/** The manifest's recommended PLRP-λ p (what the Dashboard names beside a run's own knee), or null. */
export function manifestPlrpLambdaP(modelPath: string): number | null {
  return manifestRecommendedP(cachedManifest(modelPath), 'plrp-lambda');
}

/** Drops what outputLabels remembered for a model whose manifest has just been written. */
export function forgetOutputLabels(modelPath: string): void {
  manifestByModel.delete(modelPath);
}
