// One call for what `plrp explain … --motifs FILE` adds after the explanations are computed: scan
// the sequences (FIMO semantics), weight every hit by each explanation's observed-base relevance,
// rank motifs by captured relevance (per sequence and over the file), and call seqlets per
// explanation annotated with their best hit. Pure apart from CPU time; plain data in and out.
import { callSeqlets, type Seqlet } from '../seqlets/seqlets';
import type { SeqletOptions } from '../seqlets/recursive-seqlets';
import type { Background } from './background';
import { rankMotifsByRelevance, weightHitsByRelevance, type MotifRanking, type SequenceRelevance, type WeightedHit } from './hit-relevance';
import type { Motif } from './motif';
import { scanMotifs, type ScanResult, type ScanSequence } from './scan';

export interface RelevanceAnalysisInput {
  sequences: readonly ScanSequence[];
  /** Explanation id → per sequence observed-base relevance [L]. */
  observed: Readonly<Record<string, readonly Float32Array[]>>;
  /** Omit (or pass []) for seqlets only. */
  motifs?: readonly Motif[];
  background?: Background;
  pValueThreshold?: number;
  seqletOptions?: Partial<SeqletOptions>;
}

export interface RelevanceAnalysis {
  scan: ScanResult | null;
  weightedHits: WeightedHit[];
  /** Explanation id → motif ranking. */
  rankings: Record<string, MotifRanking>;
  /** Explanation id → seqlets (positive and negative). */
  seqlets: Record<string, Seqlet[]>;
}

export function analyzeRelevance(input: RelevanceAnalysisInput): RelevanceAnalysis {
  const ids = Object.keys(input.observed);
  const motifs = input.motifs ?? [];
  const scan = motifs.length > 0
    ? scanMotifs([...motifs], [...input.sequences], { background: input.background ?? [0.25, 0.25, 0.25, 0.25], pValueThreshold: input.pValueThreshold })
    : null;
  const hits = scan?.hits ?? [];
  const perSequence: SequenceRelevance[] = input.sequences.map((_, i) => Object.fromEntries(ids.map((id) => [id, input.observed[id][i]])));
  const rankings: Record<string, MotifRanking> = {};
  const seqlets: Record<string, Seqlet[]> = {};
  for (const id of ids) {
    if (scan) rankings[id] = rankMotifsByRelevance(hits, perSequence, id);
    seqlets[id] = callSeqlets(input.observed[id], hits, input.seqletOptions);
  }
  return { scan, weightedHits: weightHitsByRelevance(hits, perSequence), rankings, seqlets };
}
