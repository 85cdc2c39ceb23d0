// A model may ship with a manifest next to it (NAME.onnx → NAME.json, as in resources/models/):
// the app reads the PLRP p that `plrp reproduce` recommended for it, to offer as the default.
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
