// What `plrp runs import` reads from an out.json besides the relevance: the content digest that
// recognises a second import of the same content, and the motif and seqlet footer as cache rows.
import { describe, expect, it } from 'vitest';
import { parseOutJson, type OutJson } from '../../../src-main/engine/report/out-json';
import { footerAnnotations } from '../../../src-main/engine/report/out-json-annotations';
import { outJsonDigest } from '../../../src-main/engine/report/out-json-digest';

const hit = (motif: string, alt: string, sequence: number, start: number, sum: number): Record<string, unknown> => ({
  motif_id: motif, motif_alt_id: alt, sequence, start, end: start + 4, strand: '+', score: 5, p_value: 1e-4, q_value: 0.1,
  matched_sequence: 'ACGT', relevance: { lrp: { sum, mean: sum / 4 } },
});

function raw(): Record<string, unknown> {
  return {
    engine: { name: 'plrp-studio', version: 'plrp-engine-1' },
    model: { path: '/a/model.onnx', sha256: 'ab'.repeat(32), head: 'none' },
    fasta: '/a/x.fa', ground_truth: null, metrics: [],
    explanations: [{ id: 'lrp', config: { id: 'lrp', method: 'lrp' } }],
    sequences: [0, 1].map((k) => ({ name: `s${k}`, length: 2, target: 0, logit: 1, output: [1, -1], relevance: { lrp: [[0.5, 0, 0, 0], [0, k, 0, 0]] } })),
    seqlets: { lrp: [{ sequence: 1, start: 0, end: 2, sign: 'negative', attribution: -0.5, p_value: 0.01, best_hit: null }] },
    motifs: {
      file: 'm.meme',
      hits: [hit('MA1', 'GATA1', 0, 0, 0.5), hit('MA1', 'GATA1', 0, 10, 0.25), hit('MA1', 'GATA1', 1, 3, 0.125), hit('MA2', '', 1, 0, -0.5)],
      ranking: { lrp: [
        { motifIndex: 0, motifId: 'MA1', motifAltId: 'GATA1', hitCount: 3, coveredBp: 12, captured: 0.875, fraction: 0.5 },
        { motifIndex: 1, motifId: 'MA2', motifAltId: '', hitCount: 1, coveredBp: 4, captured: -0.5, fraction: -0.25 },
      ] },
    },
  };
}

const parse = (value: Record<string, unknown>): OutJson => parseOutJson(value, 'test');

describe('outJsonDigest', () => {
  it('is the same for a re-serialised copy with other key order and other file paths', () => {
    const a = raw();
    const reordered = Object.fromEntries(Object.entries(a).reverse());
    expect(outJsonDigest(parse({ ...reordered, fasta: '/b/x.fa', model: { head: 'none', sha256: 'ab'.repeat(32), path: '/b/m.onnx' } }))).toBe(outJsonDigest(parse(a)));
  });

  it('changes with one relevance value, one output or the motif footer', () => {
    const base = outJsonDigest(parse(raw()));
    const relevance = raw();
    (relevance.sequences as { relevance: { lrp: number[][] } }[])[1].relevance.lrp[1][1] = 2;
    const output = raw();
    (output.sequences as { output: number[] }[])[0].output[1] = -2;
    const footer = raw();
    (footer.motifs as { hits: unknown[] }).hits.pop();
    for (const changed of [relevance, output, footer]) expect(outJsonDigest(parse(changed))).not.toBe(base);
  });
});

describe('footerAnnotations', () => {
  it('gives hits their summed relevance and a name as the run service does (the id when there is no alternative)', () => {
    const { hits } = footerAnnotations(parse(raw()), 'test');
    expect(hits.map((h) => [h.sequenceIndex, h.motifId, h.motifName, h.startBp, h.relevance.lrp])).toEqual([
      [0, 'MA1', 'GATA1', 0, 0.5], [0, 'MA1', 'GATA1', 10, 0.25], [1, 'MA1', 'GATA1', 3, 0.125], [1, 'MA2', 'MA2', 0, -0.5],
    ]);
  });

  it('keeps the ranking and counts the sequences each motif has hits in', () => {
    expect(footerAnnotations(parse(raw()), 'test').ranks).toEqual([
      { explanationId: 'lrp', motifId: 'MA1', motifName: 'GATA1', sequences: 2, hitCount: 3, coveredBp: 12, captured: 0.875 },
      { explanationId: 'lrp', motifId: 'MA2', motifName: 'MA2', sequences: 1, hitCount: 1, coveredBp: 4, captured: -0.5 },
    ]);
  });

  it('reads seqlet signs as + and -, and names the file for a footer it cannot read', () => {
    expect(footerAnnotations(parse(raw()), 'test').seqlets).toEqual({ lrp: [{ idx: 1, startBp: 0, endBp: 2, sign: '-', sum: -0.5, pValue: 0.01 }] });
    const bad = raw();
    (bad.motifs as { hits: Record<string, unknown>[] }).hits[0].strand = 'x';
    expect(() => footerAnnotations(parse(bad), 'out.json')).toThrow(/^out\.json: unreadable motif or seqlet footer \(motifs\.hits\.0\.strand/);
  });

  it('reads a run without a motif scan as seqlets only', () => {
    const { motifs: _m, ...noScan } = raw();
    const a = footerAnnotations(parse(noScan), 'test');
    expect([a.hits, a.ranks]).toEqual([[], []]);
  });
});
