// A request that the cache already answers in full: a finished run of the same model and sequences
// with the same explanations, target and metrics. Starting it again would only add a row whose
// results are served from the cache, so Start opens the finished run instead.
import { canonicalConfig, canonicalJson, parseExplainConfig } from '../../../../src-main/shared/explain-config';
import type { RequestOf } from '../../../../src-main/shared/ipc';
import type { RunSummary } from '../../../../src-main/shared/run-api';

/**
 * Checksums of the request's files, as a run records them (RunSummary.modelSha256, inputSha256),
 * and the engine that would compute it now: after an upgrade the run is computed again.
 */
export interface InputFingerprint {
  modelSha256: string;
  inputSha256: string;
  engineVersion: string;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const key = (xs: readonly string[]) => [...new Set(xs)].sort().join('\n');
  return key(a) === key(b);
};

/** A summary's config JSON with sorted keys: the host sends it in the order it stored it. */
const sortedKeys = (json: string): string => canonicalJson(JSON.parse(json));

/**
 * The newest finished run that computed exactly what `request` asks for, or null. Runs compare by
 * checksums and canonical configs (defaults filled), never by names: a renamed file is the same
 * input, an edited one is not. The ground truth and motif files are not in a summary; runs that
 * differ only there are treated as the same.
 */
export function finishedTwin(runs: readonly RunSummary[], request: RequestOf<'runs:start'>, files: InputFingerprint): RunSummary | null {
  const wanted = request.explanations.map((e) => canonicalConfig(parseExplainConfig(e)));
  const target = request.target ?? 'predicted';
  const twins = runs.filter(
    (r) =>
      r.status === 'done' &&
      r.modelSha256 === files.modelSha256 &&
      r.inputSha256 === files.inputSha256 &&
      r.engineVersion === files.engineVersion &&
      r.target === target &&
      sameSet(r.metrics, request.metrics ?? []) &&
      sameSet(r.explanations.map((e) => sortedKeys(e.canonical)), wanted),
  );
  return twins.reduce<RunSummary | null>((newest, r) => (!newest || r.timings.createdAt > newest.timings.createdAt ? r : newest), null);
}
