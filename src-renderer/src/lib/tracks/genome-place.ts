// Positions as the tracks show them. A FASTA record's positions are its own, 1 to its length. A
// region cut out of a genome (SequenceRow.place) shows its positions on the chromosome, as a genome
// browser and the run's exports (engine/export/genome-spot.ts) do: position i of the region
// chr2:10,001-10,400 is chr2:10,000 + i. Tracks keep drawing in the sequence's own 0-based
// coordinates; only what a person reads or types goes through here.
import type { GenomePlace } from '../../../../src-main/shared/run-api';

const fmt = (n: number) => n.toLocaleString('en-US');

/** Genome coordinate of the sequence's position 0 (0 for a FASTA record). */
export function originOf(place: GenomePlace | null): number {
  return place?.startBp ?? 0;
}

/** 0-based base `bp` of the sequence, 1-based as people read it: "chr2:10,050" or "50". */
export function positionText(place: GenomePlace | null, bp: number): string {
  return place ? `${place.chrom}:${fmt(place.startBp + bp + 1)}` : fmt(bp + 1);
}

/** 0-based half-open [startBp, endBp) of the sequence, 1-based inclusive: "chr2:10,050–10,060" or "50–60"; one base is one position. */
export function spanText(place: GenomePlace | null, startBp: number, endBp: number): string {
  if (endBp - startBp === 1) return positionText(place, startBp);
  const o = originOf(place);
  return `${place ? `${place.chrom}:` : ''}${fmt(o + startBp + 1)}–${fmt(o + endBp)}`;
}

/** Where a model window of the sequence lies, as the Run view reads positions: "chr2:10,001–10,200" for a region, "bases 1–200" for a record. */
export function windowSpan(place: GenomePlace | null, startBp: number, endBp: number): string {
  return place ? spanText(place, startBp, endBp) : `bases ${spanText(null, startBp, endBp)}`;
}
