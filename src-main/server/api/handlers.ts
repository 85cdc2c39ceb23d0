// The studio's request handlers, shared by both hosts: the browser-mode server and Electron main
// (which adds its dialog-based channels on top). Everything real is delegated to the run service
// and the engine; this layer only swaps file tokens for paths, so paths never come from a renderer.
import { readFile } from 'node:fs/promises';
import { parseGroundTruthBed } from '../../engine/metrics/ground-truth-mask';
import type { FileRef, RunRequest, RunService } from '../../shared/run-api';
import type { ParsedRequestOf } from '../../shared/ipc';
import type { DemoBundle, FastaSummary, ModelCard } from '../../shared/studio-types';
import type { FileRegistry } from './file-registry';
import { attachManifest } from './attach-manifest';
import { summarizeRegions } from './regions-summary';
import type { SettingsStore } from './settings-store';
import type { Handlers } from './dispatch';

export interface HostDeps {
  runs: RunService;
  files: FileRegistry;
  settings: SettingsStore;
  modelCard(path: string, name: string): Promise<ModelCard>;
  fastaSummary(path: string, name: string): Promise<FastaSummary>;
  demo(): Promise<DemoBundle>;
}

type TokenRef = { kind: 'token'; token: string };

export function createHandlers(deps: HostDeps): Handlers {
  const toPath = (ref: TokenRef): FileRef => {
    const path = deps.files.resolve(ref.token);
    const entry = deps.files.entry(ref.token);
    return entry.origin === 'upload' ? { kind: 'path', path, uploadedAs: entry.name } : { kind: 'path', path };
  };
  return {
    'runs:start': async (r: ParsedRequestOf<'runs:start'>) => {
      const request: RunRequest = {
        model: toPath(r.model),
        fasta: toPath(r.fasta),
        groundTruthBed: r.groundTruthBed ? toPath(r.groundTruthBed) : undefined,
        motifs: r.motifs ? toPath(r.motifs) : undefined,
        target: r.target,
        explanations: r.explanations,
        metrics: r.metrics,
        label: r.label,
        regions: r.regions,
        regionsBed: r.regionsBed ? toPath(r.regionsBed) : undefined,
      };
      return deps.runs.start(request);
    },
    'runs:cancel': async (r) => {
      await deps.runs.cancel(r.runId);
      return null;
    },
    'runs:resume': (r) => deps.runs.resume(r.runId),
    'runs:list': () => deps.runs.list(),
    'runs:get': (r) => deps.runs.get(r.runId),
    'runs:delete': async (r) => {
      await deps.runs.delete(r.runId);
      return null;
    },
    'runs:sequences': (r) => deps.runs.sequences(r),
    'runs:trackSlice': (r) => deps.runs.trackSlice(r),
    'runs:motifHits': (r) => deps.runs.motifHits(r.runId, r.sequenceIndex),
    'runs:seqlets': (r) => deps.runs.seqlets(r.runId, r.sequenceIndex),
    'runs:motifRanking': (r) => deps.runs.motifRanking(r.runId, r.explanationId),
    'runs:diagnostics': (r) => deps.runs.diagnostics(r.runId, r.sequenceIndex, r.window),
    'runs:layerRelevance': (r) => deps.runs.layerRelevance(r),
    'runs:groundTruth': (r) => deps.runs.groundTruth(r.runId, r.sequenceIndex),
    'cache:info': () => deps.runs.cacheInfo(),
    'cache:prune': (r) => deps.runs.pruneCache(r),
    'files:list': async () => deps.files.list(),
    'files:attachManifest': (r) => {
      const withPath = (token: string) => ({ path: deps.files.resolve(token), entry: deps.files.entry(token) });
      return attachManifest(withPath(r.model.token), withPath(r.manifest.token));
    },
    'files:modelCard': (r) => {
      const path = deps.files.resolve(r.file.token);
      return deps.modelCard(path, deps.files.entry(r.file.token).name);
    },
    'files:fastaSummary': (r) => {
      const path = deps.files.resolve(r.file.token);
      return deps.fastaSummary(path, deps.files.entry(r.file.token).name);
    },
    'files:regionsSummary': (r) =>
      // Messages name the files as New run shows them (an upload's path is a temporary file's).
      summarizeRegions(deps.files.resolve(r.fasta.token), r.regions, r.regionsBed ? deps.files.resolve(r.regionsBed.token) : null, undefined, {
        fasta: deps.files.entry(r.fasta.token).name, bed: r.regionsBed ? deps.files.entry(r.regionsBed.token).name : undefined,
      }),
    'files:bedRegions': async (r) => {
      const path = deps.files.resolve(r.file.token);
      const gt = parseGroundTruthBed(await readFile(path, 'utf8'), deps.files.entry(r.file.token).name);
      return (gt.get(r.sequenceName) ?? []).map((iv) => ({ startBp: iv.start, endBp: iv.end, name: iv.label ?? r.sequenceName }));
    },
    'demo:bundle': async () => deps.demo(),
    'settings:get': async () => deps.settings.get(),
    'settings:set': async (r) => deps.settings.set(r),
  };
}
