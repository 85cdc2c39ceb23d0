// The model card of the New-run screen, from the engine's ModelInfo: layout, alphabet, outputs,
// layers with the rule each composite gives them, pruning points. A model the engine refuses becomes
// a card that explains why (the unsupported node and what to do), not an error dialog.
import { isAppError, toErrorPayload } from '../../shared/errors';
import type { ModelInfo } from '../../engine/explain/types';
import type { ModelCard } from '../../shared/studio-types';

export type InspectModel = (path: string) => Promise<ModelInfo & { recommendedP?: number | null; outputLabels?: string[] | null }>;

export async function buildModelCard(inspect: InspectModel, path: string, name: string, log: (m: string) => void): Promise<ModelCard> {
  let info: Awaited<ReturnType<InspectModel>>;
  try {
    info = await inspect(path);
  } catch (e) {
    if (!isAppError(e)) log(`model inspection failed on ${name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    // The engine names the file by its path; the user knows it by the name they picked.
    const error = toErrorPayload(e);
    return { ok: false, name, error: { code: error.code, message: error.message.split(path).join(name) } };
  }
  return {
    ok: true,
    name,
    sha256: info.sha256,
    layout: info.layout,
    inputShape: info.inputShape,
    lengthBp: info.lengthBp,
    alphabet: 'ACGT',
    outputName: info.outputName,
    outputSize: info.outputSize,
    head: info.head,
    opset: info.opset,
    producer: info.producer,
    layers: info.layers.map((l) => ({ name: l.name, opType: l.opType, kind: l.kind, rules: l.rules, pruningPoint: l.pruningPoint, note: l.note })),
    pruningPoints: info.pruningPoints,
    recommendedP: info.recommendedP ?? null,
    outputLabels: info.outputLabels?.length === info.outputSize ? info.outputLabels : null,
  };
}
