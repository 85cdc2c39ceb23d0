// The self-contained run report: one HTML file with inline CSS and inline SVG figures, no scripts
// and no external references, so it opens offline and prints to PDF as is. Every string that
// came from a user's files is escaped; figures are returned too, for export one by one.
import { orderedConfigs } from '../../shared/explanation-order';
import type { ModelInfo } from '../explain/types';
import type { ModelSweep } from '../reproduce/sweep-result';
import { sweepPlots } from '../reproduce/report-plots';
import { encodeOneHot } from '../genomics/one-hot';
import { observedBaseRelevance } from '../genomics/observed-base';
import { barChartSvg, type BarPanel } from './bar-chart-svg';
import { escapeHtml as esc, fmt } from './html-escape';
import { flatRelevance, type OutJson } from './out-json';
import { relevanceLogoSvg, type LogoHit, type LogoSeqlet } from './relevance-logo-svg';
import { outputName } from './output-name';
import type { GenomePlace } from '../../shared/run-api';
import { REPORT_CSS } from './report-css';
import { optionsTable } from './report-options';
import { warningsSection } from './report-warnings';
import { predictionsSection, type ReportSource } from './report-predictions';
import { htmlTable, nameCell, numberList, type Column } from './report-table';
import { citations } from './citations';
import { countOf } from '../../shared/count-of';
import { uniqueSafeNames } from '../export/safe-name';

export interface InputChecksum { role: string; path: string; sha256: string | null; note?: string }

/** A cached run that is not done: the report covers the sequences it computed (and scanned for motifs). */
export interface PartialRun { status: string; computed: number; total: number; scanned: number }

export interface ReportInput {
  title: string;
  doc: OutJson;
  /** Sequence letters by name (a cached run's from the cache, else from its FASTA); null when not available. */
  letters: Map<string, string> | null;
  modelInfo: ModelInfo | null;
  inputs: InputChecksum[];
  /** What a reader must know before trusting the report (e.g. the FASTA changed since the run), shown under the title as warnings. */
  notices: string[];
  /** What the run reported while it ran (how it scored its ground truth, where it was imported from): information, shown plainly under the title. */
  notes?: string[];
  /** What the run explained, under the title: the FASTA, or its regions ("genome.fa · 7 regions (chr3:1-300, peaks.bed)"). */
  inputName?: string;
  /** The model's output names (index → name), or null: outputs go by index. */
  outputLabels?: string[] | null;
  /** A region run's sequences: where each lies on its chromosome (figures read genome positions); null otherwise. */
  places?: Map<string, GenomePlace> | null;
  /** The figure sequences' ground-truth regions, as their explanations were scored against them; null without a ground truth. */
  groundTruth?: Map<string, { startBp: number; endBp: number; name: string }[]> | null;
  /** Null for a complete run (and an out.json). */
  partial: PartialRun | null;
  versions: Record<string, string>;
  sweeps: ModelSweep[] | null;
  /** Names of the sequences that get a relevance figure. */
  figureSequences: string[];
  generatedAt: string;
  /** The cached run or out.json the report was made from; null when not known. */
  source: ReportSource | null;
  /**
   * Path → the name of the file the user picked, for inputs uploaded in the app: shown instead of
   * the temporary folder the upload was stored in, which means nothing to the reader.
   */
  uploadNames?: Readonly<Record<string, string>>;
}

export interface Report { html: string; figures: Map<string, string> }

interface Hit { motif_id: string; motif_alt_id?: string | null; sequence: number; start: number; end: number; strand: string; p_value: number; q_value: number; relevance?: Record<string, number> }
interface Seqlet { sequence: number; start: number; end: number; sign: string }
interface RankRow { motifId: string; motifAltId: string; hitCount: number; coveredBp: number; captured: number; fraction: number }

const table = htmlTable;
const numCol = (label: string): Column => ({ label, kind: 'number' });
const nameCol = (label: string): Column => ({ label, kind: 'name' });
const longCol = (label: string): Column => ({ label, kind: 'long' });

function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${esc(title)}</h2>${body}</section>`;
}

function figure(name: string, svg: string, caption: string, figures: Map<string, string>): string {
  figures.set(name, svg);
  return `<figure data-figure="${esc(name)}">${svg}<figcaption>${esc(name)}: ${esc(caption)}</figcaption></figure>`;
}

export function buildReportHtml(given: ReportInput): Report {
  // Every table and figure in the one explanation order (LRP, then each PLRP method by p), as the
  // app lists them, whatever order the run stored them in.
  const r: ReportInput = { ...given, doc: { ...given.doc, explanations: orderedConfigs(given.doc.explanations) } };
  const figures = new Map<string, string>();
  const d = r.doc;
  const ids = d.explanations.map((e) => e.id);
  const parts: string[] = [];
  // What the run explained, unless the title says it already (a report with its own title may not).
  const input = r.inputName && !r.title.includes(r.inputName) ? ` · ${esc(r.inputName)}` : '';
  const counted = esc(countOf(d.sequences.length, r.places ? 'region' : 'sequence'));
  parts.push(`<header><h1>${esc(r.title)}</h1><p>PLRP Studio run report${input} · ${counted} · ${esc(countOf(ids.length, 'explanation'))} · generated ${esc(r.generatedAt)}</p>`
    + [...partialNotice(r.partial), ...r.notices].map((n) => `<p class="notice">${esc(n)}</p>`).join('')
    + (r.notes ?? []).map((n) => `<p class="note">${esc(n)}</p>`).join('') + '</header>');
  // Sections that summarise say over what, when that is not the whole run.
  const over = r.partial ? `<p class="left-out">Over the ${esc(countOf(r.partial.computed, 'computed sequence'))} of ${esc(r.partial.total.toLocaleString('en-US'))} (the run ${esc(r.partial.status === 'running' ? 'is still running' : `is ${r.partial.status}`)}).</p>` : '';
  const overMotifs = r.partial ? `<p class="left-out">Over the ${esc(countOf(r.partial.scanned, 'sequence'))} scanned for motifs, of ${esc(r.partial.total.toLocaleString('en-US'))}.</p>` : '';
  const warnings = warningsSection(d);
  if (warnings) parts.push(section('warnings', 'Warnings', over + warnings));

  const shown = (path: string): string => r.uploadNames?.[path] ?? path;
  parts.push(section('inputs', 'Inputs and checksums', table(['role', longCol('file'), longCol('sha256'), longCol('note')],
    r.inputs.map((i) => [esc(i.role), esc(i.path), `<code>${esc(i.sha256 ?? 'not available')}</code>`, esc(i.note ?? '')]))));

  const m = r.modelInfo;
  const card = m
    ? table(['field', longCol('value')], [
      ['input', `${esc(m.inputName)} [${esc(m.inputShape.join(', '))}], layout ${esc(m.layout)}, ${esc(m.lengthBp)} bp`],
      ['output', `${esc(m.outputName)}: ${esc(outputsOf(m.outputSize, r.outputLabels))}, head ${esc(m.head)}`],
      ['ONNX', `opset ${esc(m.opset)}, producer ${esc(m.producer || 'unknown')}`],
      ['pruning points', esc(m.pruningPoints.join(', ') || 'none')],
    ]) + table([nameCol('layer'), 'op', 'kind', 'rules per composite', 'pruning point'], m.layers.map((l) => [
      nameCell(l.name), esc(l.opType), esc(l.kind), esc(Object.entries(l.rules).map(([c, rule]) => `${c}: ${rule}`).join('; ')), l.pruningPoint ? 'yes' : '',
    ]))
    : table(['field', longCol('value')], [
      ...Object.entries(d.model).map(([k, v]) => [esc(k), esc(k === 'path' && typeof v === 'string' ? shown(v) : typeof v === 'object' ? JSON.stringify(v) : v)]),
      ...(r.outputLabels ? [['output names', esc(r.outputLabels.map((l, i) => `${i}: ${l}`).join(', '))]] : []),
    ]);
  parts.push(section('model', 'Model card', card));

  parts.push(section('options', 'Options', optionsTable(d.explanations)
    + `<p>Metrics: ${esc(d.metrics.join(', ') || 'none')} · ground truth: ${esc(d.ground_truth ? shown(d.ground_truth) : 'none')} · motifs: ${esc(d.motifs ? (d.motifs.file ? shown(d.motifs.file) : 'scanned') : 'none (not scanned)')}</p>`
    + (d.regions ? `<p>Regions: ${esc([...d.regions.strings, ...(d.regions.bed ? [`those of ${shown(d.regions.bed)}`] : [])].join(', ') || 'none')}</p>` : '')));

  parts.push(section('predictions', 'Predictions', over + predictionsSection(d, r.source, r.outputLabels ?? null)));

  parts.push(section('relevance', 'Relevance per sequence', relevanceFigures(r, figures)));
  parts.push(section('metrics', 'Metrics', over + metricSection(d, ids, figures, r.source)));
  if (r.sweeps && r.sweeps.length > 0) parts.push(section('sweep', 'Pruned fraction sweep (plrp reproduce)', sweepSection(r.sweeps, figures)));
  parts.push(section('motifs', 'Motif ranking', (d.motifs ? overMotifs : '') + motifSection(d, ids, r.source)));
  parts.push(section('diagnostics', 'PLRP diagnostics', over + diagnosticsSection(d, ids)));
  parts.push(section('versions', 'Engine and library versions', table(['component', 'version'], Object.entries({ engine: `${d.engine.name} ${d.engine.version}`, ...r.versions }).map(([k, v]) => [esc(k), esc(v)]))));
  parts.push(section('cite', 'How to cite', citations(d.motifs)));
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><title>${esc(r.title)}</title><style>${REPORT_CSS}</style></head><body>${parts.join('\n')}</body></html>\n`;
  return { html, figures };
}

/** "partial: 10,240 of 20,000 sequences computed (cancelled)", first under the title. */
function partialNotice(p: PartialRun | null): string[] {
  return p ? [`partial: ${p.computed.toLocaleString('en-US')} of ${countOf(p.total, 'sequence')} computed (${p.status === 'running' ? 'still running' : p.status})`] : [];
}

/**
 * Which sequences the figures show, when not all of them: the report draws a few (the first 5 by
 * default), and a reader must not take them for the whole run. Null when every sequence is drawn.
 * How to choose others depends on where the report came from: `plrp report --sequences` on the
 * command line; in the app, whose Report button draws the first 5, the Run view's tracks.
 */
export function figureSelectionNote(chosen: readonly number[], total: number, source: ReportSource | null = null): string | null {
  if (chosen.length === 0 || chosen.length >= total) return null;
  const first = chosen.every((idx, k) => idx === k);
  const others = source && 'runId' in source && source.app
    ? 'the Run view shows every sequence\'s relevance in its tracks'
    : 'choose others with plrp report --sequences name1,name2';
  return first
    ? `Figures for the first ${chosen.length.toLocaleString('en-US')} of ${countOf(total, 'sequence')} (${others}).`
    : `Figures for ${chosen.length.toLocaleString('en-US')} chosen sequences of ${total.toLocaleString('en-US')}.`;
}

/** "4 outputs (ctcf, cebpb, spi1, foxa1)" with the model's output names, "4 outputs" without. */
function outputsOf(size: number, labels: readonly string[] | null | undefined): string {
  return `${countOf(size, 'output')}${labels && labels.length > 0 ? ` (${labels.join(', ')})` : ''}`;
}

function relevanceFigures(r: ReportInput, figures: Map<string, string>): string {
  const d = r.doc;
  // No motif scan, no motif track: an empty track and its colour key would claim a scan found nothing.
  const hits = d.motifs ? ((d.motifs as { hits?: Hit[] }).hits ?? []) : null;
  const seqlets = (d.seqlets ?? {}) as unknown as Record<string, Seqlet[]>;
  const out: string[] = [];
  const chosen = r.figureSequences.map((name) => d.sequences.findIndex((s) => s.name === name)).filter((idx) => idx >= 0);
  const missing = chosen.filter((idx) => !r.letters?.has(d.sequences[idx].name)).map((idx) => d.sequences[idx].name);
  if (missing.length > 0) {
    const which = missing.length === chosen.length ? 'the sequences drawn' : missing.join(', ');
    out.push(`<p class="left-out">The letters of ${esc(which)} are not available (the run's FASTA ${esc(d.fasta)} is not there, or does not hold them): those figures draw each position's total relevance (summed over A, C, G and T) as grey bars.</p>`);
  }
  const which = figureSelectionNote(chosen, d.sequences.length, r.source);
  if (which) out.push(`<p class="left-out">${esc(which)}</p>`);
  if (r.groundTruth) out.push('<p class="left-out">The truth track shows the ground-truth regions each explanation is scored against (RMA, RRA).</p>');
  // Figures are files too (plrp report --figures DIR): named by sequence and explanation, made safe
  // (a FASTA header may hold `/` or `..`), with `_2`… where two names would give the same file.
  const names = uniqueSafeNames(chosen.flatMap((idx) => d.explanations.map(({ id }) => `relevance-${d.sequences[idx].name}-${id}`)));
  for (const [n, idx] of chosen.entries()) {
    const s = d.sequences[idx];
    const known = r.letters?.get(s.name);
    const letters = known ?? 'N'.repeat(s.length);
    const onehot = known ? encodeOneHot(letters) : null;
    const place = r.places?.get(s.name) ?? null;
    const truth = r.groundTruth ? (r.groundTruth.get(s.name) ?? []).map((g) => ({ start: g.startBp, end: g.endBp, label: g.name })) : null;
    d.explanations.forEach(({ id }, k) => {
      const relevance = flatRelevance(s.relevance[id] ?? []);
      const drawn = onehot ? observedBaseRelevance(relevance, onehot) : totalRelevance(relevance);
      const seqHits: LogoHit[] | null = hits && hits.filter((h) => h.sequence === idx).map((h) => ({ start: h.start, end: h.end, strand: h.strand, label: h.motif_alt_id || h.motif_id }));
      const seqSeqlets: LogoSeqlet[] = (seqlets[id] ?? []).filter((q) => q.sequence === idx).map((q) => ({ start: q.start, end: q.end, sign: q.sign === 'negative' || q.sign === '-' ? '-' : '+' }));
      const svg = relevanceLogoSvg({ title: `${s.name} · ${id} · target ${outputName(s.target, r.outputLabels)}`, letters, relevance: drawn, hits: seqHits, seqlets: seqSeqlets, truth, origin: place });
      const tracks = [truth ? 'ground truth' : null, hits ? 'motif hits' : null, 'seqlets'].filter(Boolean).join(', ');
      const what = onehot ? 'observed-base relevance' : 'total relevance per position (letters not available)';
      const where = place ? ` at ${place.chrom}:${(place.startBp + 1).toLocaleString('en-US')}-${(place.startBp + s.length).toLocaleString('en-US')}` : '';
      const caption = `${what} of ${s.name}${where} (${id}), ${tracks} aligned below (seqlets: red = positive relevance, blue = negative)`;
      out.push(figure(names[n * d.explanations.length + k], svg, caption, figures));
    });
  }
  return out.join('') || '<p>No sequence selected.</p>';
}

/** Σ_c R[i,c] per position: what a figure draws when the letters explained are not known. */
function totalRelevance(relevance: Float32Array): Float32Array {
  const out = new Float32Array(relevance.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = relevance[i * 4] + relevance[i * 4 + 1] + relevance[i * 4 + 2] + relevance[i * 4 + 3];
  return out;
}

/** How a run of this source gets metrics or a motif scan: the option or control its reader can use. */
function howTo(source: ReportSource | null, what: 'metrics' | 'motifs'): string {
  if (source && 'runId' in source && source.app) {
    return what === 'metrics'
      ? 'a run started from New run computes Gini, entropy and faithfulness, and RMA and RRA with a ground-truth BED'
      : 'a run started from New run scans the chosen motif database, the bundled JASPAR 2024 by default';
  }
  if (source && 'runId' in source) return what === 'metrics' ? 'plrp runs start --metrics' : 'plrp runs start --motifs FILE|bundled';
  return what === 'metrics' ? 'plrp explain --metrics' : 'plrp explain --motifs FILE|bundled';
}

function metricSection(d: OutJson, ids: string[], figures: Map<string, string>, source: ReportSource | null): string {
  const summary = d.summary?.metrics;
  if (!summary) return `<p>No metrics were computed for this run (${esc(howTo(source, 'metrics'))}).</p>`;
  const names = [...new Set(ids.flatMap((id) => Object.keys(summary[id] ?? {})))].filter((n) => n !== 'faithfulness');
  const rows: string[][] = [];
  const panels: BarPanel[] = [];
  for (const n of names) {
    const bars = [];
    for (const id of ids) {
      const s = summary[id]?.[n] as { n: number; mean: number; median: number; q1: number; q3: number; std: number } | null | undefined;
      rows.push([esc(n), nameCell(id), s ? fmt(s.n) : '0', fmt(s?.mean), fmt(s?.median), s ? numberList([fmt(s.q1), fmt(s.q3)], ' – ') : '–', fmt(s?.std)]);
      if (s) bars.push({ label: id, value: s.mean, lo: s.q1, hi: s.q3 });
    }
    if (bars.length) panels.push({ title: n, bars });
  }
  const faith = ids.flatMap((id) => Object.entries((summary[id]?.faithfulness ?? {}) as Record<string, { mean: number; std: number } | null>)
    .map(([score, s]) => [nameCell(id), esc(score), fmt(s?.mean), fmt(s?.std)]));
  return table(['metric', nameCol('explanation'), numCol('n'), numCol('mean'), numCol('median'), { label: 'IQR', kind: 'numbers' }, numCol('std')], rows)
    + (faith.length ? table([nameCol('explanation'), 'faithfulness score', numCol('mean'), numCol('std')], faith) : '')
    + (panels.length ? figure('metrics', barChartSvg('Metric summary per explanation', panels), 'mean over sequences, whiskers from q1 to q3', figures) : '');
}

function sweepSection(sweeps: ModelSweep[], figures: Map<string, string>): string {
  const rec = table(['model', numCol('sequences'), 'method', numCol('recommended p')], sweeps.flatMap((s) => s.recommended.map((k) => [esc(s.model), esc(s.sequences), esc(k.method), fmt(k.p)])));
  return rec + [...sweepPlots(sweeps)].map(([file, svg]) => figure(`sweep-${file.replace(/\.svg$/, '')}`, svg, 'metric against pruned fraction p, mean ± std', figures)).join('');
}

function motifSection(d: OutJson, ids: string[], source: ReportSource | null): string {
  const ranking = (d.motifs as { ranking?: Record<string, RankRow[]> } | undefined)?.ranking;
  if (!ranking) return `<p>No motif scan in this run (${esc(howTo(source, 'motifs'))}).</p>`;
  return ids.map((id) => `<h3>${esc(id)}</h3>` + table([numCol('rank'), nameCol('motif'), nameCol('name'), numCol('hits'), numCol('covered bp'), numCol('captured relevance'), numCol('fraction')],
    (ranking[id] ?? []).slice(0, 25).map((m, i) => [esc(i + 1), nameCell(m.motifId), nameCell(m.motifAltId), esc(m.hitCount), esc(m.coveredBp), fmt(m.captured), fmt(m.fraction)]))).join('');
}

interface Diag { point: string; p: number; prunedMassFraction: number; lambda: number | null; signFlips: number; sumBefore: number; sumAfter: number }

function diagnosticsSection(d: OutJson, ids: string[]): string {
  const rows: string[][] = [];
  for (const id of ids) {
    const byPoint = new Map<string, Diag[]>();
    for (const s of d.sequences) {
      // out.json keeps them per model window, then per pruning point ([window][point]).
      for (const g of ((s.diagnostics[id] ?? []) as (Diag | Diag[])[]).flat()) {
        const list = byPoint.get(g.point);
        if (list) list.push(g);
        else byPoint.set(g.point, [g]);
      }
    }
    for (const [point, list] of byPoint) {
      const mean = (f: (g: Diag) => number | null): number => list.reduce((a, g) => a + (f(g) ?? Number.NaN), 0) / list.length;
      rows.push([nameCell(id), nameCell(point), fmt(list[0].p), fmt(mean((g) => g.prunedMassFraction)), fmt(mean((g) => g.lambda)), esc(list.reduce((a, g) => a + g.signFlips, 0)), fmt(mean((g) => g.sumBefore)), fmt(mean((g) => g.sumAfter))]);
    }
  }
  if (rows.length === 0) return '<p>No pruning in this run (plain LRP has no PLRP diagnostics).</p>';
  return table([nameCol('explanation'), nameCol('pruning point'), numCol('p'), numCol('mean pruned mass fraction'), numCol('mean λ'), numCol('sign flips (total)'), numCol('mean Σ before'), numCol('mean Σ after')], rows);
}
