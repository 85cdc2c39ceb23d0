// Regions of a genome may overlap (200 bp windows every 5 bp); a bedGraph may not: bedGraphToBigWig
// refuses overlapping intervals, and IGV draws whichever comes last. So where regions overlap, a
// base's value in the bedGraph is the mean over the regions covering it — the rule mergeWindows
// (engine/pool/tiling.ts) applies to the model windows a long record is tiled into. Each region's
// own values stay in out.json / the run's sequences. Written as a stream: regions arrive in
// bedGraph order (bedGraphOrder), and only the bases some later region may still cover are held.
import { chromComparator, type ChromOrder } from './chrom-order';

/** A sequence's values placed on the genome; `mask` 1 = padding, covers nothing. */
export interface PlacedValues {
  chrom: string;
  offset: number;
  values: ArrayLike<number>;
  mask?: ArrayLike<number>;
}

export interface Placed {
  chrom: string;
  offset: number;
  lengthBp: number;
}

/**
 * The order to write placed sequences in: chromosomes in `order` (./chrom-order: byte order for a
 * genome's regions, as bedGraphToBigWig wants; first appearance for a FASTA's records), positions
 * ascending within each (stable, so records with one name keep their order).
 */
export function bedGraphOrder(items: readonly Placed[], order: ChromOrder = 'records'): number[] {
  const byChrom = chromComparator(order, items.map((it) => it.chrom));
  return items.map((_, i) => i).sort((a, b) => byChrom(items[a].chrom, items[b].chrom) || items[a].offset - items[b].offset || a - b);
}

/** How many regions overlap another on their chromosome (0: the bedGraph is each region's own values). */
export function countOverlaps(items: readonly Placed[]): number {
  const order = bedGraphOrder(items);
  // In position order, a region overlaps another when it starts before the furthest end so far
  // (then that earlier region overlaps too) or the next region starts before its own end.
  const overlapping = new Set<number>();
  let chrom: string | null = null;
  let end = 0;
  let endOwner = -1;
  for (const i of order) {
    const it = items[i];
    if (it.chrom !== chrom) {
      chrom = it.chrom;
      end = 0;
      endOwner = -1;
    } else if (it.offset < end) {
      overlapping.add(i);
      overlapping.add(endOwner);
    }
    if (it.offset + it.lengthBp > end) {
      end = it.offset + it.lengthBp;
      endOwner = i;
    }
  }
  return overlapping.size;
}

/** Said in the track line and by the commands when regions overlap. */
export function overlapNote(overlaps: number): string {
  return `${overlaps.toLocaleString('en-US')} region${overlaps === 1 ? ' overlaps' : 's overlap'} another: where regions overlap, each base's value is the mean over the regions covering it (as for the windows of a long record)`;
}

export type BedGraphLine = (chrom: string, start: number, end: number, value: number) => string;

/**
 * Takes placed values in bedGraph order and returns bedGraph lines as soon as no later region can
 * cover their bases: runs of equal values are one line, uncovered bases none.
 */
export class OverlapAverager {
  private chrom: string | null = null;
  /** Genome position of sum[first]. */
  private origin = 0;
  private first = 0;
  private sum = new Float64Array(1024);
  private count = new Uint32Array(1024);
  /** End of the bases held (genome position). */
  private end = 0;
  private lastOffset = 0;

  constructor(private readonly line: BedGraphLine) {}

  add(t: PlacedValues): string {
    let out = '';
    if (t.chrom !== this.chrom) {
      out += this.finish();
      this.chrom = t.chrom;
      this.origin = this.end = this.lastOffset = t.offset;
    }
    if (t.offset < this.lastOffset) throw new Error(`OverlapAverager: ${t.chrom}:${t.offset} comes after ${this.lastOffset} (sort with bedGraphOrder)`);
    this.lastOffset = t.offset;
    out += this.flush(Math.min(t.offset, this.end));
    if (t.offset >= this.end) {
      this.origin = this.end = t.offset;
      this.first = 0;
    }
    this.reserve(t.offset + t.values.length);
    const at = this.first + (t.offset - this.origin);
    for (let i = 0; i < t.values.length; i++) {
      const v = t.values[i];
      if (t.mask?.[i] || !Number.isFinite(v)) continue;
      this.sum[at + i] += v;
      this.count[at + i]++;
    }
    this.end = Math.max(this.end, t.offset + t.values.length);
    return out;
  }

  /** The lines of every base still held. */
  finish(): string {
    const out = this.chrom === null ? '' : this.flush(this.end);
    this.first = 0;
    this.origin = this.end;
    return out;
  }

  /** Lines for the bases before genome position `upTo`, which are then dropped. */
  private flush(upTo: number): string {
    const stop = this.first + (upTo - this.origin);
    let out = '';
    let i = this.first;
    while (i < stop) {
      if (this.count[i] === 0) {
        i++;
        continue;
      }
      const v = this.sum[i] / this.count[i];
      let j = i + 1;
      while (j < stop && this.count[j] > 0 && this.sum[j] / this.count[j] === v) j++;
      out += this.line(this.chrom!, this.origin + (i - this.first), this.origin + (j - this.first), v);
      i = j;
    }
    this.sum.fill(0, this.first, stop);
    this.count.fill(0, this.first, stop);
    this.origin = upTo;
    this.first = stop;
    return out;
  }

  /** Room up to genome position `end`, moving the held bases to the front when that is enough. */
  private reserve(end: number): void {
    const need = end - this.origin;
    if (this.first + need <= this.sum.length) return;
    const held = this.end - this.origin;
    const size = Math.max(need, held) > this.sum.length / 2 ? Math.max(need, this.sum.length) * 2 : this.sum.length;
    const sum = new Float64Array(size);
    const count = new Uint32Array(size);
    sum.set(this.sum.subarray(this.first, this.first + held));
    count.set(this.count.subarray(this.first, this.first + held));
    this.sum = sum;
    this.count = count;
    this.first = 0;
  }
}
