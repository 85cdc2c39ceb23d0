// From the New-run form (or the demo bundle) to a run request: which explanations to compute and
// which metrics. The p sweep adds PLRP-λ at several pruning fractions so the Dashboard can plot
// sparsity against faithfulness and mark the knee.
import { P_MAX, type ExplainConfigInput, type Composite } from '../../../../src-main/shared/explain-config';
import type { RequestOf } from '../../../../src-main/shared/ipc';
import type { MetricName } from '../../../../src-main/shared/run-api';
import type { DemoBundle, FileEntry } from '../../../../src-main/shared/studio-types';

export interface MethodChoice {
  lrp: boolean;
  plrpLambda: boolean;
  plrpM: boolean;
  composite: Composite;
  /** Pruned fraction for PLRP-λ and PLRP-M. */
  p: number;
  /** Also compute PLRP-λ at SWEEP_PS for the Dashboard's p sweep. */
  sweep: boolean;
}

/** Fractions of the p sweep: coarse enough to run in seconds, fine enough to show a knee. */
export const SWEEP_PS = [0.1, 0.3, 0.5, 0.7, 0.9];

/** Used when the model recommends none: prunes half the mass, the middle of the sweep. */
export const FALLBACK_P = 0.5;

const pTag = (p: number) => `p${+p.toFixed(3)}`;

/** The most the form takes, as the CLI and explain configs: p = 1 prunes all relevance. */
export const MAX_P = P_MAX;

/**
 * Why the chosen p cannot run, in words for the form; null when it can (or no PLRP method is
 * chosen). An emptied number field binds as null.
 */
export function pProblem(m: MethodChoice): string | null {
  if (!m.plrpLambda && !m.plrpM) return null;
  const p = m.p as number | null | undefined;
  const meaning = `p is the fraction of relevance PLRP prunes at each layer, from 0 to ${MAX_P}`;
  if (typeof p !== 'number' || !Number.isFinite(p)) return `Enter p: ${meaning}.`;
  if (p < 0 || p > MAX_P) return `p = ${p} is out of range: ${meaning}.`;
  return null;
}

export function explanationsFor(m: MethodChoice): ExplainConfigInput[] {
  const out: ExplainConfigInput[] = [];
  const seen = new Set<string>();
  const add = (c: ExplainConfigInput) => {
    if (!seen.has(c.id)) out.push(c);
    seen.add(c.id);
  };
  if (m.lrp) add({ id: 'lrp', composite: m.composite, method: 'lrp' });
  if (m.plrpLambda) add({ id: `plrp-lambda-${pTag(m.p)}`, composite: m.composite, method: 'plrp-lambda', p: m.p });
  if (m.plrpM) add({ id: `plrp-m-${pTag(m.p)}`, composite: m.composite, method: 'plrp-m', p: m.p });
  if (m.sweep) for (const p of SWEEP_PS) add({ id: `plrp-lambda-${pTag(p)}`, composite: m.composite, method: 'plrp-lambda', p });
  return out;
}

export function metricsFor(hasGroundTruth: boolean): MetricName[] {
  // Lipschitz re-explains perturbed copies of every sequence: too slow for an interactive default.
  return hasGroundTruth ? ['gini', 'entropy', 'faithfulness', 'rma', 'rra'] : ['gini', 'entropy', 'faithfulness'];
}

export interface RunFiles {
  model: FileEntry;
  fasta: FileEntry;
  bed?: FileEntry | null;
  motifs?: FileEntry | null;
  /** Regions of the FASTA to explain instead of its records: typed (`chr:start-end`) and/or a BED file. */
  regions?: string[];
  regionsBed?: FileEntry | null;
}

export function buildRunRequest(files: RunFiles, methods: MethodChoice, target: number | 'predicted', label?: string): RequestOf<'runs:start'> {
  const ref = (f: FileEntry) => ({ kind: 'token' as const, token: f.token });
  return {
    model: ref(files.model),
    fasta: ref(files.fasta),
    ...(files.bed ? { groundTruthBed: ref(files.bed) } : {}),
    ...(files.motifs ? { motifs: ref(files.motifs) } : {}),
    target,
    explanations: explanationsFor(methods),
    metrics: metricsFor(!!files.bed),
    ...(label ? { label } : {}),
    ...(files.regions?.length ? { regions: files.regions } : {}),
    ...(files.regionsBed ? { regionsBed: ref(files.regionsBed) } : {}),
  };
}

export const DEFAULT_METHODS: MethodChoice = { lrp: true, plrpLambda: true, plrpM: true, composite: 'epsilon-plus', p: FALLBACK_P, sweep: false };

/** The one-click demo: every method, the p sweep, all bundled files. */
export function demoRequest(bundle: DemoBundle): RequestOf<'runs:start'> | null {
  if (!bundle.available || !bundle.model || !bundle.fasta) return null;
  return buildRunRequest(
    { model: bundle.model, fasta: bundle.fasta, bed: bundle.groundTruthBed, motifs: bundle.motifs },
    { ...DEFAULT_METHODS, sweep: true },
    'predicted',
    'Demo',
  );
}
