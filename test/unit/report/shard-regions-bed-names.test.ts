// `plrp runs merge --regions BED` checks the shards explain exactly the BED's regions, by name: a
// BED name with a space is `peak_one` in the shards (engine/genomics/region.ts bedRegionName), so
// the check must name the BED's lines the same way.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertShardsExplainBed } from '../../../src-main/engine/report/shard-regions';

describe('the regions BED of merged shards', () => {
  it('matches a BED name with a space to the shards\' region of that name with _', async () => {
    const bed = join(mkdtempSync(join(tmpdir(), 'plrp-shard-bed-')), 'peaks.bed');
    writeFileSync(bed, 'chr1\t0\t100\tpeak one\n');
    await expect(assertShardsExplainBed(bed, [{ chrom: 'chr1', start: 0, end: 100, name: 'peak_one', fromBed: true }])).resolves.toBeUndefined();
    await expect(assertShardsExplainBed(bed, [{ chrom: 'chr1', start: 0, end: 100, name: 'peak_two', fromBed: true }])).rejects.toThrow('1 of its regions are in no shard (peak_one)');
  });
});
