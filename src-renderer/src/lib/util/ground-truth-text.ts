// What the Tracks view's ground-truth track says besides its boxes. A multitask run scores each
// explanation against the regions of the output it explains only: a sequence explained as ctcf
// that holds Spi1 and FOXA1 sites has no region to score against, and the track says so rather
// than "no regions", which a biologist who knows the sites are there reads as a bug.
import type { GroundTruthRegion } from '../../../../src-main/shared/run-api';

/** A BED name such as "Spi1:MA0080.7" names its site by the part before the motif id. */
export function siteName(name: string): string {
  const colon = name.lastIndexOf(':');
  return colon > 0 ? name.slice(0, colon) : name;
}

/**
 * The track's note: why it draws no scored region, or '' when it draws some. `regions` is null
 * without a BED; `scope` is the explained output's name when the run scores by output.
 */
export function groundTruthNote(regions: readonly GroundTruthRegion[] | null, scope: string | null): string {
  if (regions === null) return 'no BED attached';
  if (regions.some((r) => r.scored)) return '';
  if (regions.length === 0) return 'no regions in this sequence';
  const others = [...new Set(regions.map((r) => siteName(r.name)))];
  return `no ${scope ?? 'scored'} site in this sequence (it has ${others.join(', ')} site${others.length === 1 ? '' : 's'})`;
}
