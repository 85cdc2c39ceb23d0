import { describe, expect, it } from 'vitest';
import { analyzeRelevance } from '../../../../src-main/engine/motifs/relevance-analysis';
import type { Motif } from '../../../../src-main/engine/motifs/motif';

const consensus = 'GATTACAG';
const motif: Motif = { id: 'M1', altId: 'gattacag', probs: [...consensus].map((c) => [0, 1, 2, 3].map((k) => ('ACGT'[k] === c ? 1 : 0))), nsites: 20, source: 'test' };
const decoy: Motif = { id: 'M2', altId: 'decoy', probs: [...'CCGGTTAA'].map((c) => [0, 1, 2, 3].map((k) => ('ACGT'[k] === c ? 1 : 0))), nsites: 20, source: 'test' };

describe('analyzeRelevance', () => {
  it('ranks the motif the model attends to first, and finds a seqlet on it annotated with that motif', () => {
    let s = 9;
    const rnd = (): number => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const background = Array.from({ length: 300 }, () => 'ACGT'[Math.floor(rnd() * 4)]);
    const seq = background.join('').slice(0, 100) + consensus + background.join('').slice(108, 200) + 'CCGGTTAA' + background.join('').slice(208);
    const relevance = Float32Array.from({ length: 300 }, () => (rnd() - 0.5) * 0.05);
    relevance.fill(1, 100, 108); // the model "looks at" the GATTACAG site only
    const result = analyzeRelevance({ sequences: [{ name: 's', sequence: seq }], observed: { lrp: [relevance] }, motifs: [motif, decoy] });
    expect(result.scan?.hits.map((h) => h.motifId).sort()).toEqual(['M1', 'M2']);
    expect(result.rankings.lrp.overall.map((r) => r.motifId)).toEqual(['M1', 'M2']);
    expect(result.weightedHits.find((h) => h.motifId === 'M1')?.relevance.lrp.sum).toBeCloseTo(8, 5);
    const top = result.seqlets.lrp.find((x) => x.sign === 'positive' && x.start < 108 && x.end > 100);
    expect(top?.bestHit?.motifId).toBe('M1');
  });

  it('calls seqlets without scanning when no motifs are given', () => {
    const relevance = new Float32Array(200).map((_, i) => (i >= 50 && i < 60 ? 1 : ((i * 7919) % 13) / 1000));
    const result = analyzeRelevance({ sequences: [{ name: 's', sequence: 'A'.repeat(200) }], observed: { lrp: [relevance] } });
    expect(result.scan).toBeNull();
    expect(result.seqlets.lrp.some((x) => x.sign === 'positive' && x.start >= 48 && x.end <= 62)).toBe(true);
  });
});
