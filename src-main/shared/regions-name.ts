// How a region run's regions are named in the app's run name and the report's title: the count,
// then the first typed regions and the BED file they came from ("7 regions (chr3:1-300,
// peaks.bed)"). One function, so the app and the report name a run alike.
import { countOf } from './count-of';
import type { RunRegions } from './run-api';

/** "320 regions (peaks.bed)", "4 regions (a, b, …, p.bed)"; `shown` typed regions are named, the rest go by "…". */
export function regionsName(regions: RunRegions, count: number | undefined, shown = 2): string {
  const { strings, bedName } = regions;
  const typed = strings.length > shown ? [...strings.slice(0, shown), '…'] : strings;
  const from = [...typed, ...(bedName ? [bedName] : [])].join(', ');
  const counted = count === undefined ? 'regions' : countOf(count, 'region');
  return `${counted}${from ? ` (${from})` : ''}`;
}
