// A model may ship with a manifest next to it (NAME.onnx → NAME.json, as in resources/models/):
// the app reads the PLRP p that `plrp reproduce` recommended for it, to offer as the default, and
// the names of the model's outputs (e.g. "absent", "gata1_tal1_pair"), to show instead of indices.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

interface Manifest {
  recommended_p?: Record<string, unknown>;
  outputs?: { labels?: unknown }[];
}

/** NAME.json beside NAME.onnx; null for a model file not named .onnx. */
function manifestPathOf(modelPath: string): string | null {
  const manifestPath = modelPath.replace(/\.onnx$/i, '.json');
  return manifestPath === modelPath ? null : manifestPath;
}

/** The manifest's JSON, or null when there is none or it is not JSON (then it simply says nothing). */
function parseManifest(text: string): Manifest | null {
  try {
    return JSON.parse(text) as Manifest;
  } catch {
    return null;
  }
}

export async function recommendedP(modelPath: string, method: 'plrp-lambda' | 'plrp-m' = 'plrp-lambda'): Promise<number | null> {
  const path = manifestPathOf(modelPath);
  const text = path ? await readFile(path, 'utf8').catch(() => null) : null;
  const p = (text === null ? null : parseManifest(text))?.recommended_p?.[method];
  return typeof p === 'number' && p >= 0 && p <= 1 ? p : null;
}

const labelsByModel = new Map<string, string[] | null>();

/**
 * The names of the model's outputs from its manifest (`outputs[0].labels`), or null. Read once
 * per model path and process: run summaries ask for them on every list of runs.
 */
export function outputLabels(modelPath: string): string[] | null {
  if (labelsByModel.has(modelPath)) return labelsByModel.get(modelPath)!;
  const path = manifestPathOf(modelPath);
  let text: string | null = null;
  try {
    text = path ? readFileSync(path, 'utf8') : null;
  } catch {
    // no manifest: the outputs are shown by index
  }
  const named = (text === null ? null : parseManifest(text))?.outputs?.[0]?.labels;
  const labels = Array.isArray(named) && named.length > 0 && named.every((l) => typeof l === 'string') ? named : null;
  labelsByModel.set(modelPath, labels);
  return labels;
}
