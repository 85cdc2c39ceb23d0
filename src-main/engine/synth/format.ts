// Text forms of a synthetic split: FASTA of the sequences, a labels TSV (one column per task,
// the `--target @FILE.tsv`-style name-first layout), and the ground truth as BED6 whose first
// three columns are `name start end` in sequence coordinates (what `--ground-truth` reads); the
// motif and strand ride along in columns 4 and 6 so IGV shows them too.
import { formatFasta } from '../genomics/fasta-writer';
import type { SynthRecord } from './generate';
import type { SynthTask } from './synth-spec';

export function formatSynthFasta(records: readonly SynthRecord[]): string {
  return formatFasta(records.map((r) => ({ name: r.name, sequence: r.sequence })));
}

export function formatLabelsTsv(records: readonly SynthRecord[], tasks: readonly SynthTask[]): string {
  const lines = [['name', ...tasks.map((t) => t.name)].join('\t')];
  for (const r of records) lines.push([r.name, ...r.labels].join('\t'));
  return lines.join('\n') + '\n';
}

export function formatGroundTruthBed(records: readonly SynthRecord[]): string {
  const lines: string[] = [];
  for (const r of records) {
    for (const s of r.sites) {
      lines.push([r.name, s.start, s.end, `${s.motifName || s.motifId}:${s.motifId}`, 0, s.strand].join('\t'));
    }
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

export interface SplitSummary {
  sequences: number;
  /** Per task, how many sequences are labelled 1. */
  positives: Record<string, number>;
  sites: number;
}

export function summariseSplit(records: readonly SynthRecord[], tasks: readonly SynthTask[]): SplitSummary {
  const positives: Record<string, number> = {};
  tasks.forEach((t, k) => {
    positives[t.name] = records.reduce((n, r) => n + r.labels[k], 0);
  });
  return { sequences: records.length, positives, sites: records.reduce((n, r) => n + r.sites.length, 0) };
}
