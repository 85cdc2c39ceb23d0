import { describe, expect, it } from 'vitest';
import { rankShareBuffers, rankShares, sumRankShares, type RankShare } from '../../../../src-main/engine/pool/rank-shares';

const share = (over: Partial<RankShare>): RankShare => ({ idx: 0, explanationId: 'lrp', motifId: 'MA0139.2', motifName: 'CTCF', hitCount: 1, coveredBp: 19, captured: 0.1, ...over });

describe('rank shares', () => {
  it('sums the included sequences\' shares per explanation and motif, in the order the shares came, adding captured relevance in that order', () => {
    const shares = rankShares([
      share({ idx: 0, captured: 0.1 }),
      share({ idx: 0, motifId: 'MA0080.7', motifName: 'SPI1', hitCount: 3, coveredBp: 30, captured: -0.5 }),
      share({ idx: 1, captured: 0.2 }),
      share({ idx: 1, explanationId: 'plrp', captured: 7 }),
      share({ idx: 2, captured: 1e6 }),
      share({ idx: 3, captured: 0.3 }),
    ]);
    expect(sumRankShares(shares, (idx) => idx !== 2)).toEqual([
      { explanationId: 'lrp', motifId: 'MA0139.2', motifName: 'CTCF', sequences: 3, hitCount: 3, coveredBp: 57, captured: 0.1 + 0.2 + 0.3 },
      { explanationId: 'lrp', motifId: 'MA0080.7', motifName: 'SPI1', sequences: 1, hitCount: 3, coveredBp: 30, captured: -0.5 },
      { explanationId: 'plrp', motifId: 'MA0139.2', motifName: 'CTCF', sequences: 1, hitCount: 1, coveredBp: 19, captured: 7 },
    ]);
  });

  it('keys a motif by its id, with the first display name standing for it, as the run\'s ranking does', () => {
    const shares = rankShares([share({ idx: 0 }), share({ idx: 1, motifName: 'CTCF (other file)' })]);
    expect(sumRankShares(shares, () => true).map((s) => [s.motifName, s.sequences])).toEqual([['CTCF', 2]]);
  });

  it('hands over every column\'s buffer, so the worker transfers them instead of copying', () => {
    const shares = rankShares([share({ idx: 5 }), share({ idx: 6 })]);
    const buffers = rankShareBuffers(shares);
    expect(buffers).toHaveLength(6);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(shares, buffers);
    expect(shares.idx.length).toBe(0);
    port1.close();
    port2.close();
  });
});
