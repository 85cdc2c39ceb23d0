// The two data sets the shipped models are trained on (resources/models/*.json names them).
// `pair`: the paper's binary setting — a sequence is positive iff it holds BOTH a GATA1 and a
// TAL1::TCF3 site (the erythroid GATA–TAL pair that cooperates in vivo); half the negatives hold
// one of the two, so a model must learn the pair, not a single motif.
// `multitask`: four independent tasks, one motif each (CTCF, CEBPB, SPI1, FOXA1), for a deeper
// multi-label model with a sigmoid head.
import type { SynthSpecInput } from './synth-spec';

export const SYNTH_PRESETS = {
  pair: {
    seed: 1729,
    lengthBp: 200,
    gc: 0.41,
    tasks: [{ name: 'gata1_tal1_pair', motifs: ['MA0035.5', 'MA0091.2'] }],
    positiveRate: 0.5,
    partialRate: 0.6,
    minGapBp: 2,
    splits: { train: 20000, validation: 1000, test: 1000 },
  },
  multitask: {
    seed: 2718,
    lengthBp: 200,
    gc: 0.41,
    tasks: [
      { name: 'ctcf', motifs: ['MA0139.2'] },
      { name: 'cebpb', motifs: ['MA0466.4'] },
      { name: 'spi1', motifs: ['MA0080.7'] },
      { name: 'foxa1', motifs: ['MA0148.5'] },
    ],
    positiveRate: 0.4,
    partialRate: 0,
    minGapBp: 2,
    splits: { train: 8000, validation: 1000, test: 1000 },
  },
} satisfies Record<string, SynthSpecInput>;

export type SynthPresetName = keyof typeof SYNTH_PRESETS;
