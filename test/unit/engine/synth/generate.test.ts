import { describe, expect, it } from 'vitest';
import { reverseComplement } from '../../../../src-main/engine/genomics/nucleotides';
import { formatGroundTruthBed, formatLabelsTsv, formatSynthFasta } from '../../../../src-main/engine/synth/format';
import { generateSplit, resolveMotifs } from '../../../../src-main/engine/synth/generate';
import type { SplitName, SynthSpec } from '../../../../src-main/engine/synth/synth-spec';
import { parseBed, parseFastaOneOrMoreLines, TEST_MOTIFS, testSpec } from './synth-fixtures';

function render(spec: SynthSpec, split: SplitName = 'train') {
  const records = generateSplit(spec, resolveMotifs(spec, TEST_MOTIFS), split);
  return {
    records,
    fasta: formatSynthFasta(records),
    labels: formatLabelsTsv(records, spec.tasks),
    bed: formatGroundTruthBed(records),
  };
}

describe('synthetic data generator', () => {
  it('writes identical FASTA, labels and BED bytes for the same seed', () => {
    const a = render(testSpec());
    const b = render(testSpec());
    expect(a.fasta).toBe(b.fasta);
    expect(a.labels).toBe(b.labels);
    expect(a.bed).toBe(b.bed);
  });

  it('writes different sequences, labels and sites for a different seed', () => {
    const a = render(testSpec());
    const b = render(testSpec({ seed: 124 }));
    expect(a.fasta).not.toBe(b.fasta);
    expect(a.labels).not.toBe(b.labels);
    expect(a.bed).not.toBe(b.bed);
  });

  it('gives the same test split however many training sequences are generated', () => {
    expect(render(testSpec({ splits: { train: 5, validation: 0, test: 50 } }), 'test').fasta)
      .toBe(render(testSpec({ splits: { train: 900, validation: 7, test: 50 } }), 'test').fasta);
  });

  it('places every BED interval exactly on a site drawable from its motif, on the stated strand', () => {
    const { fasta, bed } = render(testSpec());
    const seqs = parseFastaOneOrMoreLines(fasta);
    const lines = parseBed(bed);
    expect(lines.length).toBeGreaterThan(300);
    for (const l of lines) {
      const seq = seqs.get(l.name);
      expect(seq).toBeDefined();
      const motif = TEST_MOTIFS.find((m) => l.motif.endsWith(`:${m.id}`));
      expect(motif).toBeDefined();
      expect(l.end - l.start).toBe(motif!.probs.length);
      const site = seq!.slice(l.start, l.end);
      const forward = l.strand === '+' ? site : reverseComplement(site);
      [...forward].forEach((base, k) => expect(motif!.probs[k]['ACGT'.indexOf(base)]).toBeGreaterThan(0));
    }
    expect(new Set(lines.map((l) => l.strand))).toEqual(new Set(['+', '-']));
  });

  it('keeps planted sites apart by at least the minimum gap', () => {
    const spec = testSpec({ minGapBp: 3 });
    for (const r of render(spec).records) {
      for (let i = 1; i < r.sites.length; i++) expect(r.sites[i].start - r.sites[i - 1].end).toBeGreaterThanOrEqual(3);
    }
  });

  it('labels a task 1 exactly when all of its motifs are in the ground-truth BED', () => {
    const spec = testSpec();
    const { labels, bed } = render(spec);
    const planted = new Map<string, Set<string>>();
    for (const l of parseBed(bed)) {
      if (!planted.has(l.name)) planted.set(l.name, new Set());
      planted.get(l.name)!.add(l.motif.slice(l.motif.lastIndexOf(':') + 1));
    }
    const rows = labels.trim().split('\n');
    expect(rows[0]).toBe('name\tpair\tgamma');
    let positives = 0;
    let hardNegatives = 0;
    for (const row of rows.slice(1)) {
      const [name, ...values] = row.split('\t');
      const have = planted.get(name) ?? new Set<string>();
      spec.tasks.forEach((t, k) => expect(values[k]).toBe(t.motifs.every((m) => have.has(m)) ? '1' : '0'));
      if (values[0] === '1') positives++;
      else if (have.has('MT0001.1') !== have.has('MT0002.1')) hardNegatives++;
    }
    // positiveRate 0.5 of 300; partialRate 0.6 of the ~150 negatives.
    expect(positives).toBeGreaterThan(110);
    expect(positives).toBeLessThan(190);
    expect(hardNegatives).toBeGreaterThan(55);
  });

  it('draws background bases at the requested GC content', () => {
    const spec = testSpec({ gc: 0.7, positiveRate: 0, partialRate: 0, lengthBp: 500 });
    const { records } = render(spec);
    const all = records.map((r) => r.sequence).join('');
    const gc = [...all].filter((c) => c === 'G' || c === 'C').length / all.length;
    // 150,000 bases: sd ≈ 0.0012.
    expect(gc).toBeGreaterThan(0.69);
    expect(gc).toBeLessThan(0.71);
  });

  it('rejects a spec that names a motif the motif file lacks', () => {
    const spec = testSpec({ tasks: [{ name: 'x', motifs: ['MA9999.1'] }] });
    expect(() => resolveMotifs(spec, TEST_MOTIFS)).toThrow(expect.objectContaining({ code: 'BAD_CONFIG', message: expect.stringContaining('MA9999.1') }));
  });

  it('rejects sequences too short to hold the planted motifs', () => {
    const spec = testSpec({ lengthBp: 20, positiveRate: 1 });
    expect(() => render(spec)).toThrow(expect.objectContaining({ code: 'BAD_CONFIG' }));
  });
});
