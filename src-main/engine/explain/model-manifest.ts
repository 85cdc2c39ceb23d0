// A model may ship with a manifest next to it (NAME.onnx → NAME.json, as in resources/models/):
// the app reads the PLRP p that `plrp reproduce` recommended for it, to offer as the default, and
// the names of the model's outputs (e.g. "absent", "gata1_tal1_pair"), to show instead of indices.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export async function recommendedP(modelPath: string, method: 'plrp-lambda' | 'plrp-m' = 'plrp-lambda'): Promise<number | null> {
  const manifestPath = modelPath.replace(/\.onnx$/i, '.json');
  if (manifestPath === modelPath) return null;
  try {
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { recommended_p?: Record<string, unknown> };
    const p = manifest.recommended_p?.[method];
    return typeof p === 'number' && p >= 0 && p <= 1 ? p : null;
  } catch {
    return null; // no manifest, or not ours: there is simply no recommendation
  }
}

const labelsByModel = new Map<string, string[] | null>();

/**
 * The names of the model's outputs from its manifest (`outputs[0].labels`), or null. Read once
 * per model path and process: run summaries ask for them on every list of runs.
 */
export function outputLabels(modelPath: string): string[] | null {
  if (labelsByModel.has(modelPath)) return labelsByModel.get(modelPath)!;
  let labels: string[] | null = null;
  const manifestPath = modelPath.replace(/\.onnx$/i, '.json');
  if (manifestPath !== modelPath) {
    try {
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { outputs?: { labels?: unknown }[] };
      const named = manifest.outputs?.[0]?.labels;
      if (Array.isArray(named) && named.length > 0 && named.every((l) => typeof l === 'string')) labels = named;
    } catch {
      // no manifest, or not ours: the outputs are shown by index
    }
  }
  labelsByModel.set(modelPath, labels);
  return labels;
}
