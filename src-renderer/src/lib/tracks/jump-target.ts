// What the tracks' "Jump to" field means: a 1-based position or range ("25000", "25,000-25,100"),
// on the chromosome for a region of a genome ("chr2:10,050-10,100" or "10,050-10,100"), or a motif
// name whose hits are visited one after another. Pure, so the wording of the feedback and the
// region it leads to are tested without a browser.
import type { GenomePlace } from '../../../../src-main/shared/run-api';
import { originOf, spanText } from './genome-place';

export interface JumpHit {
  motifName: string;
  motifId: string;
  startBp: number;
  endBp: number;
  strand: '+' | '-';
}

/**
 * What a jump found, highlighted in the tracks until the user jumps elsewhere or pans away: a motif
 * hit (kept, to outline that hit among the others) or one position.
 */
export interface JumpMark {
  startBp: number;
  endBp: number;
  hit?: JumpHit;
  /** Names what is highlighted, e.g. "GATA1 (MA0035.5) 1,204–1,213 +, hit 2 of 7". */
  label: string;
}

/** A region to show (0-based, end exclusive) and how much of the width it should take. */
export interface JumpRegion {
  startBp: number;
  endBp: number;
  fill: number;
  /** What to highlight; none for a range, which the whole view shows. */
  mark: JumpMark | null;
  /** Shown next to the field: the mark's label, and whether Jump again goes on to another hit. */
  note: string;
  /** For a motif jump: which of the motif's hits (in position order) this is. */
  hitIndex?: number;
}

export type JumpResult = JumpRegion | { error: string } | null;

const fmt = (n: number) => n.toLocaleString('en-US');

/** A motif hit takes half the width, so the bases around it stay in view. */
const HIT_FILL = 0.5;

/**
 * `previousHit` is the hitIndex of the last jump to the same text (-1 for none): the jump goes on
 * to the motif's next hit (wrapping), so pressing Jump again walks through the hits.
 */
export function parseJump(text: string, lengthBp: number, hits: readonly JumpHit[], previousHit = -1, place: GenomePlace | null = null): JumpResult {
  const query = text.trim();
  if (!query) return null;
  const range = rangeIn(query, place);
  if (range && 'error' in range) return range;
  if (range) {
    const [a, b, single] = range;
    if (a < 1 || b < 1) return { error: 'positions start at 1' };
    // Positions are on the chromosome for a region of a genome: its first base is origin + 1.
    const origin = originOf(place);
    const first = Math.max(1, Math.min(a, b) - origin);
    const last = Math.min(lengthBp, Math.max(a, b) - origin);
    if (place && (first > lengthBp || last < 1)) {
      return { error: `${spanText(place, Math.min(a, b) - origin - 1, Math.max(a, b) - origin)} is outside this region (${spanText(place, 0, lengthBp)})` };
    }
    if (first > lengthBp) return { error: `${fmt(first)} is past the end (${fmt(lengthBp)} bp)` };
    if (!single) return { startBp: first - 1, endBp: last, fill: 1, mark: null, note: '' };
    const label = `position ${spanText(place, first - 1, first)}`;
    return { startBp: first - 1, endBp: first, fill: 1, mark: { startBp: first - 1, endBp: first, label }, note: label };
  }
  const ofMotif = hitsNamed(query, hits).sort((x, y) => x.startBp - y.startBp);
  if (ofMotif.length === 0) return { error: `no hit of '${query}' in this sequence` };
  const i = (previousHit + 1) % ofMotif.length;
  const hit = ofMotif[i];
  const label = hitLabel(hit, i, ofMotif.length, place);
  const note = ofMotif.length > 1 ? `${label}; Jump again for the next` : label;
  return { startBp: hit.startBp, endBp: hit.endBp, fill: HIT_FILL, mark: { startBp: hit.startBp, endBp: hit.endBp, hit, label }, note, hitIndex: i };
}

/**
 * "GATA1 (MA0035.5) 1,204–1,213 +, hit 2 of 7": the motif and its id (two databases may share a
 * name), the hit's 1-based bases and strand as the hover readout shows them, and which hit of the
 * motif this is when it has several.
 */
export function hitLabel(hit: JumpHit, index: number, count: number, place: GenomePlace | null = null): string {
  // A typographic minus: a lone hyphen at the end of "167–176 -" reads as a stray dash.
  const where = `${hit.motifName} (${hit.motifId}) ${spanText(place, hit.startBp, hit.endBp)} ${hit.strand === '-' ? '−' : '+'}`;
  return count > 1 ? `${where}, hit ${index + 1} of ${count}` : where;
}

/**
 * Whether two rows are the same hit: by value, since the hits of a sequence may be fetched again
 * (a hit on each strand of the same bases is two hits).
 */
export function sameHit(a: JumpHit, b: JumpHit): boolean {
  return a.motifId === b.motifId && a.startBp === b.startBp && a.endBp === b.endBp && a.strand === b.strand;
}

/**
 * Whether the highlight of a jump still belongs on screen: it goes once the view has moved more
 * than a view's width away from it, so a small pan keeps it but looking elsewhere drops it.
 */
export function markStaysInView(mark: Pick<JumpMark, 'startBp' | 'endBp'>, view: { startBp: number; endBp: number }): boolean {
  const width = view.endBp - view.startBp;
  const gap = Math.max(mark.startBp - view.endBp, view.startBp - mark.endBp, 0);
  return gap <= width;
}

/**
 * The 1-based positions typed ("25000", "25,000-25,100"; the flag: one position), or null when the text is not a position
 * (a motif name). For a region of a genome, "chr2:10,050-10,100" too; another chromosome is an error.
 */
function rangeIn(query: string, place: GenomePlace | null): [number, number, boolean] | { error: string } | null {
  // A chromosome prefix: "chr2:" but not a dimer's "TAL1::TCF3".
  const prefixed = place ? /^([^:\s]+):(?!:)(.+)$/.exec(query) : null;
  const numbers = (prefixed ? prefixed[2] : query).replace(/[,_]/g, '').match(/^(-?\d+)(?:\s*(?:-|–|\.\.)\s*(-?\d+))?$/);
  if (!numbers) return null;
  if (prefixed && place && prefixed[1] !== place.chrom) return { error: `this region is on ${place.chrom}, not ${prefixed[1]}` };
  const a = Number(numbers[1]);
  return numbers[2] === undefined ? [a, a, true] : [a, Number(numbers[2]), false];
}

/**
 * Hits of the motif a user typed, ignoring case: the motif of that exact name; failing that, the
 * dimers that contain it ("TAL1" finds JASPAR's "TAL1::TCF3"); failing that, names that start
 * with it ("GATA" finds GATA1 and Gata4).
 */
function hitsNamed(query: string, hits: readonly JumpHit[]): JumpHit[] {
  const q = query.toLowerCase();
  const name = (h: JumpHit) => h.motifName.toLowerCase();
  const tries: ((h: JumpHit) => boolean)[] = [
    (h) => name(h) === q,
    (h) => name(h).split('::').includes(q),
    (h) => name(h).startsWith(q),
  ];
  for (const matches of tries) {
    const found = hits.filter(matches);
    if (found.length > 0) return found;
  }
  return [];
}
