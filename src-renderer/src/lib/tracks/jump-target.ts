// What the tracks' "Jump to" field means: a 1-based position or range ("25000", "25,000-25,100"),
// on the chromosome for a region of a genome ("chr2:10,050-10,100" or "10,050-10,100"), or a motif
// name whose hits are visited one after another. Pure, so the wording of the feedback and the
// region it leads to are tested without a browser.
import type { GenomePlace } from '../../../../src-main/shared/run-api';
import { originOf, spanText } from './genome-place';

export interface JumpHit {
  motifName: string;
  startBp: number;
  endBp: number;
}

/** A region to show (0-based, end exclusive) and how much of the width it should take. */
export interface JumpRegion {
  startBp: number;
  endBp: number;
  fill: number;
  /** Shown next to the field, e.g. which of several hits this is. */
  note: string;
  /** For a motif jump: which of the motif's hits (in position order) this is. */
  hitIndex?: number;
}

export type JumpResult = JumpRegion | { error: string } | null;

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
    const [a, b] = range;
    if (a < 1 || b < 1) return { error: 'positions start at 1' };
    // Positions are on the chromosome for a region of a genome: its first base is origin + 1.
    const origin = originOf(place);
    const first = Math.max(1, Math.min(a, b) - origin);
    const last = Math.min(lengthBp, Math.max(a, b) - origin);
    if (place && (first > lengthBp || last < 1)) {
      return { error: `${spanText(place, Math.min(a, b) - origin - 1, Math.max(a, b) - origin)} is outside this region (${spanText(place, 0, lengthBp)})` };
    }
    if (first > lengthBp) return { error: `${first.toLocaleString('en-US')} is past the end (${lengthBp.toLocaleString('en-US')} bp)` };
    return { startBp: first - 1, endBp: last, fill: 1, note: '' };
  }
  const ofMotif = hitsNamed(query, hits).sort((x, y) => x.startBp - y.startBp);
  if (ofMotif.length === 0) return { error: `no hit of '${query}' in this sequence` };
  const i = (previousHit + 1) % ofMotif.length;
  const hit = ofMotif[i];
  const exact = hit.motifName.toLowerCase() === query.toLowerCase();
  const where = ofMotif.length > 1 ? `hit ${i + 1} of ${ofMotif.length}; Jump again for the next` : '';
  const note = [exact ? '' : hit.motifName, where].filter(Boolean).join(', ');
  return { startBp: hit.startBp, endBp: hit.endBp, fill: HIT_FILL, note, hitIndex: i };
}

/**
 * The 1-based positions typed ("25000", "25,000-25,100"), or null when the text is not a position
 * (a motif name). For a region of a genome, "chr2:10,050-10,100" too; another chromosome is an error.
 */
function rangeIn(query: string, place: GenomePlace | null): [number, number] | { error: string } | null {
  // A chromosome prefix: "chr2:" but not a dimer's "TAL1::TCF3".
  const prefixed = place ? /^([^:\s]+):(?!:)(.+)$/.exec(query) : null;
  const numbers = (prefixed ? prefixed[2] : query).replace(/[,_]/g, '').match(/^(-?\d+)(?:\s*(?:-|–|\.\.)\s*(-?\d+))?$/);
  if (!numbers) return null;
  if (prefixed && place && prefixed[1] !== place.chrom) return { error: `this region is on ${place.chrom}, not ${prefixed[1]}` };
  const a = Number(numbers[1]);
  return [a, numbers[2] === undefined ? a : Number(numbers[2])];
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
