// The one name a run goes by in every view: its label when it has one, else what it explains
// ("cnn32-pair.onnx · gata-tal-pair.fa"). The id prefix only tells otherwise-equal runs apart.
import type { RunSummary } from '../../../../src-main/shared/run-api';

export function runName(r: Pick<RunSummary, 'label' | 'modelName' | 'fastaName'>): string {
  return r.label?.trim() ? r.label : `${r.modelName} · ${r.fastaName}`;
}

/** First 8 characters of the id: secondary text beside the name, as a short commit hash is. */
export function shortRunId(r: Pick<RunSummary, 'id'>): string {
  return r.id.slice(0, 8);
}
