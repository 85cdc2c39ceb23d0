// The annotation half of an explain task, in the worker: motif hits (scanned, or known from an
// earlier scan of the same input), weighted by every run explanation's relevance, their ranking
// shares, and seqlets. Plain data back; the service stores it.
import type { MotifHit } from '../motifs/hit';
import { rankMotifsByRelevance, relevanceSums, type SequenceRelevance } from '../motifs/hit-relevance';
import type { Motif } from '../motifs/motif';
import { benjaminiHochberg } from '../motifs/q-values';
import { readMotifFile } from '../motifs/read-motifs';
import { byFimoOrder, findMotifHits } from '../motifs/scan';
import { observedFromChannels as observed } from '../genomics/observed-base';
import { callSeqlets, spanNullsOf, type SpanNulls } from '../seqlets/seqlets';
import type { BatchAnnotations, ExplainedSequence, ExplainTask, SeqletNullsOf } from './explain-task';
import { motifHitSets } from '../export/motif-hit-sets';
import { seqletSets } from '../export/seqlet-sets';
import { rankShares, type RankShare } from './rank-shares';
import { checkCancelled, isCancelled } from './task-cancel';
import type { TaskProgress } from './task-progress';

const motifSets = new Map<string, Promise<Motif[]>>();

export function motifSet(path: string, key: string): Promise<Motif[]> {
  let m = motifSets.get(key);
  if (!m) {
    m = readMotifFile(path);
    motifSets.set(key, m);
    m.catch(() => motifSets.delete(key));
  }
  return m;
}


/**
 * The batch's motif hits, grouped by sequence (`sequenceIndex` = position in the batch), each with
 * its q-value over its own sequence's scanned windows, so a hit does not depend on which sequences
 * shared its batch. A sequence with known hits (an earlier scan of the same input and motif file)
 * is not scanned again: its stored hits, q-values included, stand.
 */
function batchHits(task: ExplainTask, input: Map<number, ExplainTask['sequences'][number]>, sequences: ExplainedSequence[], motifs: Motif[], progress: TaskProgress): MotifHit[] {
  const letters = sequences.map((s) => input.get(s.idx)!.letters);
  const bySequence = sequences.map((): MotifHit[] => []);
  const motifIndex = new Map<string, number>();
  motifs.forEach((m, i) => motifIndex.set(m.id, motifIndex.get(m.id) ?? i));
  const toScan: number[] = [];
  sequences.forEach((s, i) => {
    const known = input.get(s.idx)!.knownHits;
    if (!known) return toScan.push(i);
    for (const h of known) {
      bySequence[i].push({
        motifIndex: motifIndex.get(h.motifId) ?? motifs.length, motifId: h.motifId, motifAltId: h.motifName === h.motifId ? '' : h.motifName,
        sequenceIndex: i, sequenceName: String(s.idx), start: h.startBp, end: h.endBp, strand: h.strand, score: h.score, pValue: h.pValue,
        qValue: h.qValue, matchedSequence: h.matched,
      });
    }
  });
  if (toScan.length > 0) {
    // Scanning a batch for all bundled motifs takes seconds: a cancel lands between two motifs.
    progress.begin('scan');
    const scan = findMotifHits(motifs, toScan.map((i) => ({ name: String(sequences[i].idx), sequence: letters[i] })), {
      background: [0.25, 0.25, 0.25, 0.25],
      cancelled: () => isCancelled(task),
      onMotifScanned: () => progress.step(),
    });
    const scanned = toScan.map((): MotifHit[] => []);
    for (const h of scan.hits) scanned[h.sequenceIndex].push(h);
    scanned.forEach((hits, k) => {
      const i = toScan[k];
      // The order a sequence's hits had in the scan's FIMO order, which the cache's rows keep.
      hits.sort(byFimoOrder);
      const q = benjaminiHochberg(hits.map((h) => h.pValue), scan.scannedWindowsBySequence[k]);
      hits.forEach((h, j) => {
        h.sequenceIndex = i;
        h.qValue = q[j];
        bySequence[i].push(h);
      });
    });
  }
  return bySequence.flat();
}

/**
 * The span nulls of a run explanation's sample, kept between a job's batches: building them costs
 * about 80 ms (both signs), as much as calling the seqlets of a thousand sequences.
 */
const keptSpanNulls = new Map<string, SpanNulls>();
const KEPT_SPAN_NULLS = 8;

function spanNullsFor(n: SeqletNullsOf): SpanNulls {
  let s = keptSpanNulls.get(n.key);
  if (!s) {
    s = spanNullsOf(n.nulls);
    if (keptSpanNulls.size >= KEPT_SPAN_NULLS) keptSpanNulls.delete(keptSpanNulls.keys().next().value!);
    keptSpanNulls.set(n.key, s);
  }
  return s;
}

/**
 * Motif hits weighted by every run explanation, their ranking shares, and the seqlets of each
 * explanation the task sends a null for, on every sequence with its relevance (computed or cached).
 */
export function annotateBatch(task: ExplainTask, sequences: ExplainedSequence[], motifs: Motif[], progress: TaskProgress): BatchAnnotations {
  const a = task.annotate!;
  const input = new Map(task.sequences.map((s) => [s.idx, s]));
  const perSequence: SequenceRelevance[] = sequences.map((s) => {
    const rec: Record<string, Float32Array> = {};
    for (const [id, r] of Object.entries(input.get(s.idx)!.cachedRelevance ?? {})) rec[id] = observed(r);
    for (const e of s.explanations) rec[e.configId] = observed(e.relevance);
    return rec;
  });
  const out: BatchAnnotations = { scanned: [], hits: [], ranks: rankShares([]), seqlets: [] };
  if (motifs.length > 0) {
    const hits = batchHits(task, input, sequences, motifs, progress);
    out.hits = motifHitSets(hits.map((h) => ({
      sequenceIndex: sequences[h.sequenceIndex].idx, motifId: h.motifId, motifName: h.motifAltId || h.motifId, startBp: h.start, endBp: h.end, strand: h.strand,
      score: h.score, pValue: h.pValue, qValue: h.qValue, matched: h.matchedSequence, relevance: relevanceSums(h, perSequence[h.sequenceIndex]),
    })));
    const shares: RankShare[] = [];
    for (const id of Object.keys(perSequence[0] ?? {})) {
      rankMotifsByRelevance(hits, perSequence, id).perSequence.forEach((ranks, i) => {
        for (const r of ranks) {
          shares.push({ idx: sequences[i].idx, explanationId: id, motifId: r.motifId, motifName: r.motifAltId || r.motifId, hitCount: r.hitCount, coveredBp: r.coveredBp, captured: r.captured });
        }
      });
    }
    out.ranks = rankShares(shares);
    out.scanned = sequences.map((s) => s.idx);
  }
  if (a.seqletNulls) {
    progress.begin('seqlets');
    for (const [id, nulls] of Object.entries(a.seqletNulls)) {
      checkCancelled(task);
      // The sequences with this explanation's relevance: computed here, or sent from the cache.
      const at = sequences.flatMap((_, i) => (perSequence[i][id] ? [i] : []));
      const called = callSeqlets(at.map((i) => perSequence[i][id]), [], {}, spanNullsFor(nulls)).map((sq) => ({
        idx: sequences[at[sq.sequenceIndex]].idx, startBp: sq.start, endBp: sq.end, sign: sq.sign === 'positive' ? '+' as const : '-' as const, sum: sq.attribution, pValue: sq.pValue,
      }));
      out.seqlets.push(...seqletSets(id, called, at.map((i) => sequences[i].idx)));
      progress.step();
    }
  }
  return out;
}
