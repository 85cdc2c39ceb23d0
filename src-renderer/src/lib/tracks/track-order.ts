// The order of the relevance tracks, and of every list of a run's explanations next to them: the
// one explanation order of shared/explanation-order.ts (LRP first, then each PLRP method by
// increasing p), which the exports, the CLI and reports use too.
import type { ExplanationSummary } from '../../../../src-main/shared/run-api';
import { orderedExplanations } from '../../../../src-main/shared/explanation-order';

export function trackOrder(explanations: readonly Pick<ExplanationSummary, 'id' | 'method' | 'canonical'>[]): string[] {
  return orderedExplanations(explanations).map((e) => e.id);
}
