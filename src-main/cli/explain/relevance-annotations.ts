// What `plrp explain` adds after the relevance: motif hits weighted by each explanation (when
// --motifs is given, or 'bundled' for the shipped JASPAR set), motifs ranked by captured relevance,
// seqlets per explanation (always), and the --export folder. Keeps only the observed-base track
// per sequence and explanation (L floats) — plus the full [L, 4] relevance when exporting.
import type { ExplainedSequence } from '../../engine/pool/explain-task';
import { encodeOneHot } from '../../engine/genomics/one-hot';
import { observedBaseRelevance } from '../../engine/genomics/observed-base';
import { analyzeRelevance, type RelevanceAnalysis } from '../../engine/motifs/relevance-analysis';
import { readMotifFile } from '../../engine/motifs/read-motifs';
import { bundledJasparPath } from '../../engine/motifs/bundled';
import type { Motif } from '../../engine/motifs/motif';
import { writeExportBundle } from '../../engine/export/export-bundle';
import type { RecordInfo } from './fasta-job';

export class RelevanceAnnotations {
  private readonly sequences: { name: string; sequence: string; chrom?: string; offsetBp?: number }[] = [];
  private readonly observed: Record<string, Float32Array[]> = {};
  private readonly full: Record<string, Float32Array[]> = {};

  private constructor(private readonly motifs: Motif[], private readonly motifsPath: string | null, private readonly keepFull: boolean) {}

  static async create(motifsOption: string | undefined, exporting: boolean, warnings: string[]): Promise<RelevanceAnnotations> {
    const path = motifsOption === 'bundled' ? bundledJasparPath() : motifsOption ?? null;
    const motifs = path ? await readMotifFile(path, warnings) : [];
    return new RelevanceAnnotations(motifs, path, exporting);
  }

  add(info: RecordInfo, seq: ExplainedSequence): void {
    const onehot = encodeOneHot(info.sequence);
    this.sequences.push({ name: info.name, sequence: info.sequence, chrom: info.chrom, offsetBp: info.offsetBp });
    for (const e of seq.explanations) {
      (this.observed[e.configId] ??= []).push(observedBaseRelevance(e.relevance, onehot));
      if (this.keepFull) (this.full[e.configId] ??= []).push(e.relevance);
    }
  }

  /** The step analyze() runs, for the progress line. */
  describeAnalysis(): string {
    return this.motifs.length ? `scanning ${this.motifs.length.toLocaleString('en-US')} motifs, calling seqlets` : 'calling seqlets';
  }

  analyze(): RelevanceAnalysis {
    return analyzeRelevance({ sequences: this.sequences, observed: this.observed, motifs: this.motifs });
  }

  /** The out.json footer: hits with their relevance, motif rankings, seqlets. */
  static footer(a: RelevanceAnalysis, motifsPath: string | null): Record<string, unknown> {
    const out: Record<string, unknown> = {
      seqlets: Object.fromEntries(Object.entries(a.seqlets).map(([id, list]) => [id, list.map((s) => ({
        sequence: s.sequenceIndex, start: s.start, end: s.end, sign: s.sign, attribution: s.attribution, p_value: s.pValue,
        best_hit: s.bestHit ? { motif_id: s.bestHit.motifId, motif_alt_id: s.bestHit.motifAltId, start: s.bestHit.start, end: s.bestHit.end, strand: s.bestHit.strand, p_value: s.bestHit.pValue } : null,
      }))])),
    };
    if (a.scan) {
      out.motifs = {
        file: motifsPath,
        background: a.scan.background,
        scanned_windows: a.scan.scannedWindows,
        hits: a.weightedHits.map((h) => ({
          motif_id: h.motifId, motif_alt_id: h.motifAltId, sequence: h.sequenceIndex, sequence_name: h.sequenceName,
          start: h.start, end: h.end, strand: h.strand, score: h.score, p_value: h.pValue, q_value: h.qValue,
          matched_sequence: h.matchedSequence, relevance: h.relevance,
        })),
        ranking: Object.fromEntries(Object.entries(a.rankings).map(([id, r]) => [id, r.overall])),
        ranking_per_sequence: Object.fromEntries(Object.entries(a.rankings).map(([id, r]) => [id, r.perSequence.map((list) => list.slice(0, 10))])),
      };
    }
    return out;
  }

  get motifFile(): string | null {
    return this.motifsPath;
  }

  async export(dir: string, a: RelevanceAnalysis, manifest: { engineVersion: string; inputs: { role: string; path: string }[]; modelPath: string; options: unknown }): Promise<string[]> {
    return writeExportBundle({
      dir,
      sequences: this.sequences.map((s) => ({ name: s.name, chrom: s.chrom, offset: s.offsetBp, lengthBp: s.sequence.length })),
      relevance: this.full,
      observed: this.observed,
      hits: a.scan ? a.scan.hits : undefined,
      seqlets: a.seqlets,
      manifest,
    });
  }
}
