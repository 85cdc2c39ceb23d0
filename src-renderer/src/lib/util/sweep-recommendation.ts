// The Dashboard's recommended p: the knee of this run's PLRP-λ sweep, by the rule `plrp reproduce`
// uses for a model (shared/knee.ts: mean Gini against mean faithfulness), said with what it is
// from, and beside it the p the model's manifest recommends, which New run offers as the default.
// The two come from different sequences, so they can differ; the text says so rather than leave two
// unexplained numbers.
import { recommendP } from '../../../../src-main/shared/knee';
import { countOf } from '../../../../src-main/shared/count-of';
import type { SweepPoint } from './dashboard-data';
import { formatValue } from './format';

export interface SweepRecommendation {
  /** Index into the sweep of the recommended p (the chart's large point), or null for none. */
  index: number | null;
  text: string;
}

/**
 * `sweep` sorted by p (pSweep), `sequences` the number with results, `manifestP` the model
 * manifest's PLRP-λ p (RunSummary.modelRecommendedP).
 */
export function sweepRecommendation(sweep: readonly SweepPoint[], sequences: number, manifestP: number | null): SweepRecommendation {
  const measured = sweep.filter((s) => s.sparsity !== null && s.faithfulness !== null && Number.isFinite(s.sparsity) && Number.isFinite(s.faithfulness));
  const manifest = manifestNote(manifestP);
  if (measured.length < 3 || measured.length < sweep.length) {
    return { index: null, text: `No recommended p: it is the knee of mean Gini (sparsity) against mean faithfulness (MoRF − LeRF), and this run lacks one of them at some p.${manifest.other}` };
  }
  const knee = recommendP(measured.map((s) => ({ p: s.p, sparsity: s.sparsity!, faithfulness: s.faithfulness! })));
  const index = sweep.findIndex((s) => s.p === knee.p);
  const at = sweep[index];
  const first = sweep[0];
  // p = 0 of the sweep is plain LRP: say so wherever it is named, so it does not read as a PLRP setting.
  const pName = (p: number): string => (p === 0 ? 'p = 0 (plain LRP, nothing pruned)' : `p = ${p}`);
  const head = `Recommended ${pName(knee.p)} (the large purple point on the chart) for ${sequences === 1 ? 'this sequence' : `these ${countOf(sequences, 'sequence')}`}`;
  const partial = partialFaithfulnessNote(measured, sequences);
  const faith = (s: SweepPoint) => formatValue(s.faithfulness);
  const gini = (s: SweepPoint) => formatValue(s.sparsity);
  let why: string;
  if (knee.reason === 'knee') {
    const next = sweep[index + 1];
    why = `${head}: the knee of their sweep of mean Gini (sparsity) against mean faithfulness (MoRF − LeRF). ` +
      `From ${pName(first.p)} to it, Gini rose from ${gini(first)} to ${gini(at)} while faithfulness went from ${faith(first)} to ${faith(at)}; ` +
      `past it, each gain in sparsity costs more faithfulness (${faith(next)} at p = ${next.p}).`;
  } else if (knee.reason === 'no-faithfulness-loss') {
    why = `${head}: faithfulness (mean MoRF − LeRF) never falls below its value at ${pName(first.p)} over this sweep, so the sparsest p (mean Gini ${gini(at)}) is taken.`;
  } else {
    why = `${head}: faithfulness (mean MoRF − LeRF) falls from the first pruning step on faster than sparsity (mean Gini) grows, so no larger p of this sweep pays off.`;
  }
  const sameAsManifest = manifestP !== null && manifestP === knee.p;
  return { index, text: `${why}${partial}${sameAsManifest ? manifest.same : manifest.other}` };
}

/**
 * Faithfulness needs a sequence exactly the model's input length, so a region run of varied widths
 * has it for a few sequences only; the knee then rests on those, and the text says on how many.
 */
function partialFaithfulnessNote(measured: readonly SweepPoint[], sequences: number): string {
  const counts = measured.map((s) => s.faithfulnessCount).filter((n): n is number => n !== undefined);
  if (counts.length === 0) return '';
  const fewest = Math.min(...counts);
  if (fewest >= sequences) return '';
  return ` Faithfulness was computed on ${fewest === Math.max(...counts) ? '' : 'as few as '}${fewest.toLocaleString('en-US')} of the ${countOf(sequences, 'sequence')} ` +
    "(only those exactly the model's input length have one), so the faithfulness side of this knee rests on them.";
}

/** What the manifest's p adds, when it agrees with this run's knee and when it does not. */
function manifestNote(manifestP: number | null): { same: string; other: string } {
  if (manifestP === null) return { same: '', other: '' };
  return {
    same: ` The model's manifest recommends the same p (the New-run default).`,
    other: ` The model's manifest recommends p = ${manifestP} (the New-run default), from the sequences its author evaluated it on: a knee depends on the sequences, so the two can differ.`,
  };
}
