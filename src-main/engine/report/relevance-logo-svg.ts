// One sequence's relevance as vector graphics: a letter logo of the observed-base relevance
// (Σ_c R[i,c]·X[i,c]; letter height ∝ |relevance|, above the axis when positive, below when
// negative), with the ground truth, motif hits and seqlets drawn on tracks aligned to the same bp
// axis. Below ~4 px per base letters are unreadable, so bars are drawn instead. A region of a
// genome is labelled with its genome positions, as the app's tracks label it.
import { escapeHtml as esc } from './html-escape';
import { placeLabels, type LabelBox } from '../../shared/feature-labels';
import { packRows } from '../../shared/feature-rows';

export interface LogoHit { start: number; end: number; label: string; strand: string }
export interface LogoSeqlet { start: number; end: number; sign: '+' | '-' }
/** A ground-truth region in the sequence's own coordinates (0-based, half-open). */
export interface LogoTruth { start: number; end: number; label: string }

export interface LogoInput {
  title: string;
  letters: string;
  /** Observed-base relevance per position. */
  relevance: ArrayLike<number>;
  /** null: the run scanned no motifs, and the figure has no motif track. */
  hits: readonly LogoHit[] | null;
  seqlets: readonly LogoSeqlet[];
  /** The regions the explanation is scored against; null (or absent): the run has no ground truth, and no track. */
  truth?: readonly LogoTruth[] | null;
  /** Where position 0 lies on its chromosome (a region run): the axis then reads genome positions. */
  origin?: { chrom: string; startBp: number } | null;
}

const COLORS: Record<string, string> = { A: '#109648', C: '#255c99', G: '#f7b32b', T: '#d62839' };
const SEQLET_COLORS: Record<LogoSeqlet['sign'], string> = { '+': '#d62839', '-': '#255c99' };
const HIT_COLOR = '#6c5b7b';
const TRUTH_COLOR = '#2a9d8f';
const WIDTH = 980;
const LEFT = 50;
const HALF = 70;
const TRACK = 16;
/**
 * Rows the motif track may stack hits into, as the Run view stacks them (shared/feature-rows.ts);
 * more hits than that go over the last row. The Run view's track holds two rows and zooms in to
 * part overlapping hits; a printed figure cannot zoom, so it has room for four.
 */
export const REPORT_HIT_ROWS = 4;
/** DejaVu Sans Bold cap height is ~0.73 em: scales a 100-unit glyph to the wanted height. */
const CAP = 73;

const LABEL_FONT = 9;
/**
 * Width of a hit's name at LABEL_FONT px in DejaVu Sans (advance widths in em, rounded up): the SVG
 * is written without a font engine, so a name is kept only if this generous estimate fits its box.
 */
function labelWidth(text: string): number {
  let em = 0;
  for (const c of text) em += /[ilj.,:;'|!I1()[\]-]/.test(c) ? 0.35 : /[MWmw]/.test(c) ? 0.95 : /[A-Z0-9]/.test(c) ? 0.75 : 0.62;
  return em * LABEL_FONT;
}

function niceStep(span: number): number {
  const raw = span / 8;
  const mag = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  return [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? mag * 10;
}

export function relevanceLogoSvg(input: LogoInput): string {
  const L = input.relevance.length;
  const bp = (WIDTH - LEFT - 10) / Math.max(L, 1);
  let max = 0;
  for (let i = 0; i < L; i++) max = Math.max(max, Math.abs(input.relevance[i]));
  const scale = max > 0 ? HALF / max : 0;
  const axisY = 30 + HALF;
  const hits = input.hits ?? [];
  const hitsPlaced = packRows(hits.map((h) => ({ startBp: h.start, endBp: h.end })), (b) => b * bp, L * bp, REPORT_HIT_ROWS);
  const hitRows = hitsPlaced.reduce((n, p) => Math.max(n, p.row + 1), 0);
  const truthY = axisY + HALF + (input.origin ? 34 : 24);
  const tracksTop = truthY + (input.truth ? TRACK + 4 : 0);
  const seqletY = tracksTop + (input.hits ? TRACK * Math.max(hitRows, 1) + 4 : 0);
  const legendY = seqletY + TRACK + 12;
  const height = legendY + 10;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="DejaVu Sans, Arial, sans-serif">`);
  parts.push(`<title>${esc(input.title)}</title><rect width="100%" height="100%" fill="#fff"/>`);
  parts.push(`<text x="${LEFT}" y="16" font-size="12" font-weight="bold">${esc(input.title)}</text>`);
  parts.push(`<text x="4" y="${axisY - HALF + 8}" font-size="9">${max.toPrecision(3)}</text><text x="4" y="${axisY + HALF}" font-size="9">${(-max).toPrecision(3)}</text>`);
  for (let i = 0; i < L; i++) {
    const r = input.relevance[i];
    const h = Math.abs(r) * scale;
    if (h < 0.05) continue;
    const x = LEFT + i * bp;
    const letter = (input.letters[i] ?? 'N').toUpperCase();
    const color = COLORS[letter] ?? '#888';
    const top = r >= 0 ? axisY - h : axisY;
    if (bp < 4) {
      parts.push(`<rect x="${x.toFixed(2)}" y="${top.toFixed(2)}" width="${Math.max(bp, 0.5).toFixed(2)}" height="${h.toFixed(2)}" fill="${color}"/>`);
    } else {
      const sx = bp / 62;
      const sy = h / CAP;
      parts.push(`<text transform="translate(${x.toFixed(2)} ${(top + h).toFixed(2)}) scale(${sx.toFixed(4)} ${sy.toFixed(4)})" font-size="100" font-weight="bold" fill="${color}">${esc(letter)}</text>`);
    }
  }
  parts.push(`<line x1="${LEFT}" y1="${axisY}" x2="${LEFT + L * bp}" y2="${axisY}" stroke="#333" stroke-width="0.6"/>`);
  parts.push(axisTicks(L, bp, axisY + HALF, input.origin ?? null));
  if (input.truth) {
    parts.push(`<text x="4" y="${truthY + 11}" font-size="9">truth</text>`);
    if (input.truth.length === 0) parts.push(`<text x="${LEFT}" y="${truthY + 10}" font-size="9" fill="#777">no ground-truth region in this sequence</text>`);
    for (const t of input.truth) {
      const x = LEFT + t.start * bp;
      parts.push(`<rect x="${x.toFixed(2)}" y="${truthY}" width="${Math.max((t.end - t.start) * bp, 1).toFixed(2)}" height="${TRACK - 3}" fill="${TRUTH_COLOR}" fill-opacity="0.6"><title>ground truth ${esc(t.label)} ${t.start}–${t.end}</title></rect>`);
    }
  }
  if (input.hits) {
    parts.push(`<text x="4" y="${tracksTop + 11}" font-size="9">motifs</text>`);
    // In drawing order (by start), each in the row the Run view would give it.
    const boxes: LabelBox[] = hitsPlaced.map((p) => ({ x: LEFT + p.x, y: tracksTop + p.row * TRACK, w: p.w, h: TRACK - 3, label: hits[p.index].label }));
    boxes.forEach((b, k) => {
      const hit = hits[hitsPlaced[k].index];
      parts.push(`<g><title>${esc(hit.label)} (${esc(hit.strand)}) ${hit.start}–${hit.end}</title><rect x="${b.x.toFixed(2)}" y="${b.y}" width="${b.w.toFixed(2)}" height="${b.h}" fill="${HIT_COLOR}" fill-opacity="0.75"/></g>`);
    });
    // Names after all boxes, only where they fit their own box and no later box covers them (as the Run view).
    for (const l of placeLabels(boxes, labelWidth, LEFT + L * bp)) {
      parts.push(`<text x="${l.x.toFixed(2)}" y="${(l.y + 3).toFixed(2)}" font-size="${LABEL_FONT}" fill="#fff" pointer-events="none">${esc(boxes[l.index].label)}</text>`);
    }
  }
  parts.push(`<text x="4" y="${seqletY + 11}" font-size="9">seqlets</text>`);
  for (const s of input.seqlets) {
    const x = LEFT + s.start * bp;
    parts.push(`<rect x="${x.toFixed(2)}" y="${seqletY}" width="${Math.max((s.end - s.start) * bp, 1).toFixed(2)}" height="${TRACK - 3}" fill="${SEQLET_COLORS[s.sign]}" fill-opacity="0.7"><title>seqlet ${s.sign} ${s.start}–${s.end}</title></rect>`);
  }
  parts.push(legend(legendY, input.truth != null, input.hits !== null));
  parts.push('</svg>');
  return parts.join('');
}

/**
 * The axis under the logo. A sequence of its own reads 0…L (base boundaries); a region reads its
 * genome positions (1-based, as the app's ruler: chr2:2,001-2,200 reads 2,001 at its first base),
 * ticks on round positions at the centre of their base, the first base's position too, and the
 * chromosome at the left.
 */
function axisTicks(L: number, bp: number, y: number, origin: { chrom: string; startBp: number } | null): string {
  const tick = (x: number, label: string): string => `<line x1="${x.toFixed(2)}" y1="${y + 2}" x2="${x.toFixed(2)}" y2="${y + 6}" stroke="#333"/><text x="${x.toFixed(2)}" y="${y + 16}" font-size="9" text-anchor="middle">${label}</text>`;
  const step = niceStep(L);
  const out: string[] = [];
  if (!origin) {
    for (let p = 0; p <= L; p += step) out.push(tick(LEFT + p * bp, String(p)));
    return out.join('');
  }
  const first = origin.startBp + 1;
  const last = origin.startBp + L;
  // Genome position g is base g − first of the region, centred half a base in.
  const at = (g: number): number => LEFT + (g - first + 0.5) * bp;
  const round = Math.ceil(first / step) * step;
  if (round - first >= step / 2 || round > last) out.push(tick(at(first), first.toLocaleString('en-US')));
  for (let g = round; g <= last; g += step) out.push(tick(at(g), g.toLocaleString('en-US')));
  out.push(`<text x="4" y="${y + 16}" font-size="9">${esc(origin.chrom)}</text><text x="${LEFT + (L * bp) / 2}" y="${y + 28}" font-size="9" text-anchor="middle" fill="#555">position on ${esc(origin.chrom)} (1-based)</text>`);
  return out.join('');
}

/** The key to the tracks' colours, on one line under them (the figure is also exported alone); only tracks the figure has. */
function legend(y: number, truth: boolean, motifs: boolean): string {
  const items: [string, number, string][] = [
    ...(truth ? [[TRUTH_COLOR, 0.6, 'ground truth'] as [string, number, string]] : []),
    [SEQLET_COLORS['+'], 0.7, 'seqlet, positive relevance'], [SEQLET_COLORS['-'], 0.7, 'seqlet, negative relevance'],
    ...(motifs ? [[HIT_COLOR, 0.75, 'motif hit'] as [string, number, string]] : []),
  ];
  const tracks = items.map(([color, opacity, label], k) => {
    const x = LEFT + k * 150;
    return `<rect x="${x}" y="${y - 8}" width="10" height="9" fill="${color}" fill-opacity="${opacity}"/><text x="${x + 14}" y="${y}">${label}</text>`;
  }).join('');
  // The logo's letters by colour: squeezed to a base's width, a tall T reads as a red square on a
  // thin stem, which readers took for a mark of its own.
  const x = LEFT + items.length * 150;
  const bases = Object.entries(COLORS).map(([b, c]) => `<tspan fill="${c}" font-weight="bold">${b}</tspan>`).join(' ');
  return `<g data-legend="tracks" font-size="9">${tracks}<text x="${x}" y="${y}">${bases} logo letters: the observed base</text></g>`;
}
