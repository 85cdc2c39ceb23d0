// The synthetic genomics generator: random background, real JASPAR motifs sampled from their PFMs
// and planted on either strand at recorded positions, per-task labels computed from what was
// actually planted, so labels, sequences and the ground-truth BED can never disagree.
//
// Reproducibility: each sequence draws from its own stream, seeded by (spec seed, split, index).
// A sequence therefore does not depend on how many came before it, and a test split can be
// regenerated without the training split.
import { AppError } from '../../shared/errors';
import type { Motif } from '../motifs/motif';
import { randomBackground } from './background';
import { mixSeed, Prng } from './prng';
import { sampleSite, type Strand } from './sample-site';
import { SPLITS, specMotifIds, type SplitName, type SynthSpec } from './synth-spec';

export interface PlantedSite {
  motifId: string;
  motifName: string;
  /** 0-based, half-open, in sequence coordinates (BED convention). */
  start: number;
  end: number;
  strand: Strand;
  bases: string;
}

export interface SynthRecord {
  name: string;
  sequence: string;
  /** One 0/1 label per task, in spec order. */
  labels: number[];
  /** Sorted by start. */
  sites: PlantedSite[];
}

/** Tries per site before giving up on placing it without overlap. */
const PLACEMENT_TRIES = 1000;

/** Resolves the spec's accessions against a motif list (exact id, or id without the version). */
export function resolveMotifs(spec: Pick<SynthSpec, 'tasks'>, motifs: readonly Motif[]): Map<string, Motif> {
  const out = new Map<string, Motif>();
  for (const id of specMotifIds(spec)) {
    const found = motifs.find((m) => m.id === id) ?? motifs.find((m) => m.id.split('.')[0] === id);
    if (!found) throw new AppError('BAD_CONFIG', `synthetic data spec: motif '${id}' is not in the motif file`);
    out.set(id, found);
  }
  return out;
}

function chooseMotifs(rng: Prng, spec: SynthSpec): string[] {
  const chosen: string[] = [];
  const add = (ids: readonly string[]) => ids.forEach((id) => chosen.includes(id) || chosen.push(id));
  for (const task of spec.tasks) {
    if (rng.nextFloat() < spec.positiveRate) {
      add(task.motifs);
    } else if (task.motifs.length > 1 && rng.nextFloat() < spec.partialRate) {
      // Fisher–Yates, then keep 1..n−1 of them: a proper, non-empty subset.
      const ids = [...task.motifs];
      for (let i = ids.length - 1; i > 0; i--) {
        const j = rng.nextInt(i + 1);
        [ids[i], ids[j]] = [ids[j], ids[i]];
      }
      add(ids.slice(0, 1 + rng.nextInt(ids.length - 1)));
    }
  }
  return chosen;
}

function place(rng: Prng, taken: PlantedSite[], width: number, spec: SynthSpec, name: string, motifId: string): number {
  const span = spec.lengthBp - width + 1;
  if (span <= 0) throw new AppError('BAD_CONFIG', `synthetic data spec: motif '${motifId}' (${width} bp) is longer than the sequence (${spec.lengthBp} bp)`);
  for (let t = 0; t < PLACEMENT_TRIES; t++) {
    const start = rng.nextInt(span);
    const end = start + width;
    if (taken.every((s) => end + spec.minGapBp <= s.start || s.end + spec.minGapBp <= start)) return start;
  }
  throw new AppError('BAD_CONFIG', `synthetic data spec: no room to plant '${motifId}' in ${name} without overlap; make sequences longer or plant fewer motifs`);
}

export function generateRecord(spec: SynthSpec, motifs: Map<string, Motif>, split: SplitName, index: number): SynthRecord {
  const rng = new Prng(mixSeed(mixSeed(spec.seed, SPLITS.indexOf(split) + 1), index));
  const name = `${split}_${String(index).padStart(5, '0')}`;
  const bases = randomBackground(rng, spec.lengthBp, spec.gc);
  const sites: PlantedSite[] = [];
  for (const motifId of chooseMotifs(rng, spec)) {
    const motif = motifs.get(motifId);
    if (!motif) throw new AppError('BAD_CONFIG', `synthetic data spec: motif '${motifId}' was not resolved`);
    const strand: Strand = rng.nextInt(2) === 0 ? '+' : '-';
    const site = sampleSite(rng, motif, strand);
    const start = place(rng, sites, site.bases.length, spec, name, motifId);
    for (let k = 0; k < site.bases.length; k++) bases[start + k] = site.bases[k];
    sites.push({ motifId, motifName: motif.altId, start, end: start + site.bases.length, strand, bases: site.bases });
  }
  sites.sort((a, b) => a.start - b.start);
  const planted = new Set(sites.map((s) => s.motifId));
  const labels = spec.tasks.map((t) => (t.motifs.every((m) => planted.has(m)) ? 1 : 0));
  return { name, sequence: bases.join(''), labels, sites };
}

export function generateSplit(spec: SynthSpec, motifs: Map<string, Motif>, split: SplitName): SynthRecord[] {
  const out: SynthRecord[] = [];
  for (let i = 0; i < spec.splits[split]; i++) out.push(generateRecord(spec, motifs, split, i));
  return out;
}
