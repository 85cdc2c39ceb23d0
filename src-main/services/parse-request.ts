// Validates a RunRequest at the trust boundary (it may come over IPC or HTTP): explanation configs
// through the shared zod schema, unique ids, a sane target and known metrics; file references are
// resolved to paths by the host (tokens in Electron, plain paths in the CLI and tests).
import { existsSync } from 'node:fs';
import { AppError } from '../shared/errors';
import { explainConfigSchema, type ExplainConfig } from '../shared/explain-config';
import { METRIC_NAMES, type FileRef, type MetricName, type RunRequest } from '../shared/run-api';

export type ResolveFileRef = (ref: FileRef, role: string) => string;

export interface ParsedRequest {
  modelPath: string;
  fastaPath: string;
  groundTruthBedPath: string | null;
  motifsPath: string | null;
  target: number | 'predicted';
  configs: ExplainConfig[];
  metrics: MetricName[];
  label: string | null;
  /** Regions of the FASTA to explain instead of its records; null for a run over the records. */
  regions: { strings: string[]; bedPath: string | null } | null;
  /** Path → the name the user gave the file, for the files the host stored as uploads (FileRef.uploadedAs). */
  uploadNames: Record<string, string>;
}

/** Paths only: the default for the CLI and tests. A host that issues tokens passes its own resolver. */
export const resolvePathsOnly: ResolveFileRef = (ref, role) => {
  if (ref.kind !== 'path') throw new AppError('USAGE', `${role}: file tokens are not accepted here; give a path`);
  return ref.path;
};

export function parseRunRequest(request: RunRequest, resolve: ResolveFileRef): ParsedRequest {
  const uploadNames: Record<string, string> = {};
  const file = (ref: FileRef | undefined, role: string): string | null => {
    if (!ref) return null;
    const path = resolve(ref, role);
    if (!existsSync(path)) throw new AppError('FILE_NOT_FOUND', `${role} ${path}: no such file`);
    if (ref.kind === 'path' && typeof ref.uploadedAs === 'string' && ref.uploadedAs !== '') uploadNames[path] = ref.uploadedAs;
    return path;
  };
  if (!Array.isArray(request.explanations) || request.explanations.length === 0) {
    throw new AppError('BAD_CONFIG', 'a run needs at least one explanation');
  }
  const configs = request.explanations.map((input, i) => {
    const parsed = explainConfigSchema.safeParse(input);
    if (!parsed.success) {
      throw new AppError('BAD_CONFIG', `explanation ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.') || 'config'}: ${x.message}`).join('; ')}`);
    }
    return parsed.data;
  });
  const ids = new Set<string>();
  for (const c of configs) {
    if (ids.has(c.id)) throw new AppError('BAD_CONFIG', `two explanations are both named "${c.id}"; ids must be unique`);
    ids.add(c.id);
  }
  const target = request.target ?? 'predicted';
  if (target !== 'predicted' && !(Number.isInteger(target) && target >= 0)) {
    throw new AppError('BAD_TARGET', `target must be an output index (0, 1, …) or "predicted"; got ${String(target)}`);
  }
  const metrics = request.metrics ?? [];
  for (const m of metrics) {
    if (!(METRIC_NAMES as readonly string[]).includes(m)) throw new AppError('USAGE', `unknown metric "${m}"; choose from ${METRIC_NAMES.join(', ')}`);
  }
  const regionStrings = request.regions ?? [];
  if (!Array.isArray(regionStrings) || regionStrings.some((r) => typeof r !== 'string' || r.trim() === '')) {
    throw new AppError('USAGE', 'regions must be strings such as chr1:1000-2000');
  }
  const regionsBedPath = file(request.regionsBed, 'regions BED');
  return {
    modelPath: file(request.model, 'model') as string,
    fastaPath: file(request.fasta, 'FASTA') as string,
    groundTruthBedPath: file(request.groundTruthBed, 'ground-truth BED'),
    motifsPath: file(request.motifs, 'motif file'),
    target,
    configs,
    metrics: [...new Set(metrics)],
    label: request.label?.trim() || null,
    regions: regionStrings.length > 0 || regionsBedPath ? { strings: regionStrings, bedPath: regionsBedPath } : null,
    uploadNames,
  };
}
