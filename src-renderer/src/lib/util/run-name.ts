// The one name a run goes by in every view: its label when it has one, else what it explains
// ("cnn32-pair.onnx · gata-tal-pair.fa", or for a region run "cnn32-pair.onnx · genome.fa · 320
// regions (peaks.bed)"). The id prefix only tells otherwise-equal runs apart.
import type { RunSummary } from '../../../../src-main/shared/run-api';
import { regionsName as sharedRegionsName } from '../../../../src-main/shared/regions-name';

type Named = Pick<RunSummary, 'label' | 'modelName' | 'fastaName'> & Partial<Pick<RunSummary, 'regions' | 'sequenceCount'>>;

export function runName(r: Named): string {
  return r.label?.trim() ? r.label : `${r.modelName} · ${inputName(r)}`;
}

/**
 * What a run explains: its FASTA, or regions of it with where they came from ("genome.fa · 320
 * regions (peaks.bed)", "genome.fa · 2 regions (chr1:101-500, chr2:10,001-10,400)").
 */
export function inputName(r: Pick<Named, 'fastaName' | 'regions' | 'sequenceCount'>): string {
  const regions = regionsName(r);
  return regions ? `${r.fastaName} · ${regions}` : r.fastaName;
}

/**
 * The regions a region run explains ("320 regions (peaks.bed)"); null for a run of a FASTA's
 * records. Typed regions beyond the first two go by "…" (`plrp runs show` lists them all).
 */
export function regionsName(r: Pick<Named, 'regions' | 'sequenceCount'>): string | null {
  return r.regions ? sharedRegionsName(r.regions, r.sequenceCount) : null;
}

/** First 8 characters of the id: secondary text beside the name, as a short commit hash is. */
export function shortRunId(r: Pick<RunSummary, 'id'>): string {
  return r.id.slice(0, 8);
}
