// Small hand-written motifs and specs for the generator tests: deterministic PFMs with zero
// cells, so a test can check that every planted base was drawable from its column.
import type { Motif } from '../../../../src-main/engine/motifs/motif';
import { synthSpecSchema, type SynthSpec, type SynthSpecInput } from '../../../../src-main/engine/synth/synth-spec';

const motif = (id: string, altId: string, consensus: string): Motif => ({
  id,
  altId,
  // 0.85 on the consensus base, 0.15 on the next base of ACGT, 0 elsewhere.
  probs: [...consensus].map((c) => {
    const k = 'ACGT'.indexOf(c);
    const row = [0, 0, 0, 0];
    row[k] = 0.85;
    row[(k + 1) % 4] = 0.15;
    return row;
  }),
  nsites: 20,
  source: 'test',
});

export const TEST_MOTIFS: Motif[] = [
  motif('MT0001.1', 'ALPHA', 'GATAAGC'),
  motif('MT0002.1', 'BETA', 'CAGCTGTTA'),
  motif('MT0003.1', 'GAMMA', 'TTGACGTCAA'),
];

export function testSpec(over: Partial<SynthSpecInput> = {}): SynthSpec {
  return synthSpecSchema.parse({
    seed: 123,
    lengthBp: 120,
    gc: 0.41,
    tasks: [
      { name: 'pair', motifs: ['MT0001.1', 'MT0002.1'] },
      { name: 'gamma', motifs: ['MT0003.1'] },
    ],
    positiveRate: 0.5,
    partialRate: 0.6,
    splits: { train: 300, validation: 20, test: 50 },
    ...over,
  });
}

export interface BedLine {
  name: string;
  start: number;
  end: number;
  motif: string;
  strand: string;
}

/** Reads our BED6 text back independently of the writer. */
export function parseBed(text: string): BedLine[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const [name, start, end, motif, , strand] = l.split('\t');
      return { name, start: Number(start), end: Number(end), motif, strand };
    });
}

export function parseFastaOneOrMoreLines(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let name = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) {
      name = line.slice(1).split(/\s/)[0];
      out.set(name, '');
    } else if (line !== '') out.set(name, out.get(name) + line);
  }
  return out;
}
