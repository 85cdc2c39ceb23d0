// The run report: one self-contained, offline HTML file in which user-supplied strings are text,
// with a relevance logo per chosen sequence and explanation, and every section the issue lists.
import { describe, expect, it } from 'vitest';
import { parseOutJson, type OutJson } from '../../../src-main/engine/report/out-json';
import { buildReportHtml, type ReportInput } from '../../../src-main/engine/report/report-html';
import { relevanceLogoSvg } from '../../../src-main/engine/report/relevance-logo-svg';
import { MAX_PREDICTION_ROWS, SUM_COLUMNS_PER_TABLE } from '../../../src-main/engine/report/report-predictions';
import { nameCell } from '../../../src-main/engine/report/report-table';
import { REPORT_CSS } from '../../../src-main/engine/report/report-css';
import { MAX_WARNING_ROWS } from '../../../src-main/engine/report/report-warnings';

const EVIL = '<script>alert(1)</script>';

function doc(): OutJson {
  const rel = (k: number): number[][] => Array.from({ length: 8 }, (_, i) => [i === k ? 0.5 : 0, i === k + 1 ? -0.25 : 0, 0, 0]);
  return parseOutJson({
    engine: { name: 'plrp-studio', version: 'plrp-engine-1' },
    model: { path: '/nowhere/m"odel.onnx', sha256: 'ab'.repeat(32), head: 'none' },
    fasta: '/nowhere/x.fa', ground_truth: null, metrics: ['gini'],
    explanations: [{ id: 'lrp', config: { id: 'lrp', method: 'lrp' } }, { id: 'plrp', config: { id: 'plrp', method: 'plrp-lambda', p: 0.3 } }],
    sequences: [0, 1, 2, 3, 4, 5].map((k) => ({
      name: k === 0 ? EVIL : `s${k}`, description: k === 0 ? '<img src=x onerror=alert(2)>' : '', length: 8, target: 0, logit: 1.5, output: [1.5, -1],
      relevance: { lrp: rel(k % 6), plrp: rel(k % 6) },
      diagnostics: { lrp: [[]], plrp: [[{ point: 'fc_in', p: 0.3, prunedCount: 3, keptCount: 7, prunedMassFraction: 0.25, lambda: 1.1, lambdaPos: null, lambdaNeg: null, signFlips: 0, sumBefore: 1, sumAfter: 1 }]] },
      metrics: { lrp: { gini: 0.5 }, plrp: { gini: 0.7 } },
    })),
    summary: { metrics: { lrp: { gini: { n: 6, mean: 0.5, median: 0.5, q1: 0.4, q3: 0.6, iqr: 0.2, std: 0.1, min: 0.3, max: 0.7 } }, plrp: { gini: { n: 6, mean: 0.7, median: 0.7, q1: 0.6, q3: 0.8, iqr: 0.2, std: 0.1, min: 0.5, max: 0.9 } } } },
    seqlets: { lrp: [{ sequence: 0, start: 0, end: 3, sign: 'positive', attribution: 0.5, p_value: 0.01, best_hit: null }] },
    motifs: { file: 'm.meme', hits: [{ motif_id: 'MA0001.1', motif_alt_id: `<b>${EVIL}`, sequence: 0, start: 1, end: 4, strand: '+', score: 5, p_value: 1e-4, q_value: 0.1, matched_sequence: 'ACG', relevance: { lrp: 0.5 } }],
      ranking: { lrp: [{ motifIndex: 0, motifId: 'MA0001.1', motifAltId: EVIL, hitCount: 1, coveredBp: 3, captured: 0.5, fraction: 0.5 }] } },
  }, 'test');
}

function input(over: Partial<ReportInput> = {}): ReportInput {
  const d = doc();
  return {
    title: `Report ${EVIL}`, doc: d, letters: new Map(d.sequences.map((s) => [s.name, 'ACGTACGT'])), modelInfo: null,
    inputs: [{ role: 'FASTA', path: `/data/${EVIL}.fa`, sha256: 'cd'.repeat(32) }], notices: [], partial: null, versions: { node: '20' }, sweeps: null,
    figureSequences: d.sequences.slice(0, 5).map((s) => s.name), generatedAt: '2024-01-01T00:00:00Z', source: null, ...over,
  };
}

describe('buildReportHtml', () => {
  it('shows a FASTA header, description, file name and motif name made of HTML as text, never as markup', () => {
    const { html } = buildReportHtml(input());
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b><script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('m&quot;odel.onnx');
  });

  it('references nothing outside the file: no scripts, links, images or style imports, and a CSP that forbids fetching', () => {
    const { html } = buildReportHtml(input());
    expect(html).not.toMatch(/<[^>]*\s(?:src|href)\s*=/i);
    expect(html).not.toMatch(/url\(|@import/i);
    const urls = html.match(/https?:\/\/[^\s"'<]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg']));
    expect(html).toContain("default-src 'none'");
  });

  it('draws one inline vector relevance figure per chosen sequence and explanation, defaulting to the first 5 sequences', () => {
    const { html, figures } = buildReportHtml(input());
    expect([...figures.keys()].filter((k) => k.startsWith('relevance-'))).toHaveLength(5 * 2);
    expect(html.match(/<figure data-figure="relevance-/g)).toHaveLength(10);
    const only = buildReportHtml(input({ figureSequences: ['s3'] }));
    expect([...only.figures.keys()].filter((k) => k.startsWith('relevance-'))).toEqual(['relevance-s3-lrp', 'relevance-s3-plrp']);
  });

  it('names relevance figures by sequence and explanation as safe, distinct file names', () => {
    const d = doc();
    d.sequences[1].name = '../a b';
    d.sequences[2].name = '../a_b';
    const { figures } = buildReportHtml(input({ doc: d, figureSequences: [EVIL, '../a b', '../a_b'] }));
    // No `/`: each is a file in --figures DIR; the second `../a_b` would overwrite the first without `_2`.
    expect([...figures.keys()].filter((k) => k.startsWith('relevance-'))).toEqual([
      'relevance-_script_alert_1_script_-lrp', 'relevance-_script_alert_1_script_-plrp',
      'relevance-.._a_b-lrp', 'relevance-.._a_b-plrp', 'relevance-.._a_b-lrp_2', 'relevance-.._a_b-plrp_2',
    ]);
  });

  it('gives the seqlet and motif-hit colours a key, in the figure (exported alone) and its caption', () => {
    const { html, figures } = buildReportHtml(input({ figureSequences: [EVIL] }));
    const key = /<g data-legend="tracks"[^]*?<\/g>/.exec(figures.get('relevance-_script_alert_1_script_-lrp')!)?.[0] ?? '';
    expect(key).toMatch(/fill="#d62839"[^>]*\/><text[^>]*>seqlet, positive relevance</);
    expect(key).toMatch(/fill="#255c99"[^>]*\/><text[^>]*>seqlet, negative relevance</);
    expect(key).toContain('motif hit');
    expect(html).toContain('(seqlets: red = positive relevance, blue = negative)</figcaption>');
  });

  it('has every section: inputs, model, options, predictions, relevance, metrics, motifs, diagnostics, versions and citations', () => {
    const { html } = buildReportHtml(input());
    for (const id of ['inputs', 'model', 'options', 'predictions', 'relevance', 'metrics', 'motifs', 'diagnostics', 'versions', 'cite']) {
      expect(html, id).toContain(`<section id="${id}">`);
    }
    expect(html).toContain('PLRP Studio run report · 6 sequences · 2 explanations · generated');
    expect(html).toContain('arXiv:2404.14271');
    expect(html).toContain('Yanez Sarmiento');
    // The run scanned a motif file of its own: its source is to be cited, not the bundled JASPAR.
    expect(html).toContain('Motif hits from m.meme: please cite that collection\'s source.');
    expect(html).not.toContain('JASPAR 2024');
    const bundled = doc();
    bundled.motifs!.file = '/opt/plrp/resources/jaspar/JASPAR2024_CORE_vertebrates_non-redundant_pfms_transfac.txt';
    const withJaspar = buildReportHtml(input({ doc: bundled })).html;
    expect(withJaspar).toContain('JASPAR 2024');
    expect(withJaspar).toContain('doi:10.1093/nar/gkad1059');
    expect(html).toContain('cdcdcd');
    expect(html).toMatch(/fc_in<\/span><\/td><td class="number">0\.3<\/td><td class="number">0\.25<\/td><td class="number">1\.1<\/td>/);
  });
});

/** A run of n sequences as a cached run's report document has them: numbers, no relevance. */
function manySequences(n: number, description = '', ids = ['lrp', 'plrp-lambda-p0.5']): OutJson {
  return parseOutJson({
    engine: { name: 'plrp-studio', version: 'plrp-engine-1' }, model: { path: '/nowhere/m.onnx', sha256: 'ab'.repeat(32) }, fasta: '/nowhere/x.fa',
    explanations: ids.map((id) => ({ id, config: { id, method: id === 'lrp' ? 'lrp' : 'plrp-lambda', p: 0.5 } })),
    sequences: Array.from({ length: n }, (_, k) => ({
      name: `test_${String(k).padStart(5, '0')}`, description, length: 200, target: k % 2, logit: -0.0514 - k, output: [0.9997, 2.501e-4],
      relevance: {}, relevance_sum: Object.fromEntries(ids.map((id, j) => [id, j === 0 ? -0.007263 : 1234 + j - 1])),
    })),
  }, 'test');
}

const predictionsOf = (html: string): string => /<section id="predictions">.*?<\/section>/s.exec(html)![0];
const cells = (row: string): string[] => [...row.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((m) => m[1]);

describe('the Predictions table', () => {
  const report = (n: number, over: Partial<ReportInput> = {}, description = ''): string => {
    const d = manySequences(n, description);
    return predictionsOf(buildReportHtml(input({ doc: d, letters: null, figureSequences: [], ...over })).html);
  };

  it('leaves out a column that is empty in every row (a FASTA without descriptions), and keeps it when one row has text', () => {
    const table = report(3);
    const [head, ...rows] = [...table.matchAll(/<tr>.*?<\/tr>/g)].map((m) => cells(m[0]));
    expect(head).toEqual(['name', 'bp', 'target', 'logit', 'output', 'Σ R lrp', 'Σ R plrp-lambda-p0.5']);
    for (const r of rows) {
      expect(r).toHaveLength(head.length);
      for (const c of r) expect(c.trim()).not.toBe('');
    }
    expect(cells(/<tr>.*?<\/tr>/.exec(report(3, {}, 'promoter'))![0])).toContain('description');
  });

  it('prints every number in a cell that never wraps, so 200 bp cannot print as "2/0/0"', () => {
    const tr = /<tbody><tr>(.*?)<\/tr>/.exec(report(1))![1];
    const row = cells(tr);
    const tds = [...tr.matchAll(/<td([^>]*)>/g)].map((m) => m[1]);
    expect(row.slice(1, 4)).toEqual(['200', '0', '-0.0514']);
    expect(row.slice(5)).toEqual(['-0.007263', '1234']);
    // bp, target, logit, output (two numbers fit one line) and both Σ R columns
    expect(tds.slice(1)).toEqual(Array(6).fill(' class="number"'));
    expect(REPORT_CSS).toMatch(/td\.number\{[^}]*white-space:nowrap/);
    expect(REPORT_CSS).toMatch(/font-variant-numeric:tabular-nums/);
  });

  it(`lists the first ${MAX_PREDICTION_ROWS} sequences of a large run and says how many more there are and how to export them all`, () => {
    const table = report(20_000, { source: { runId: 'run-123' } });
    expect(table.match(/<tr>/g)).toHaveLength(MAX_PREDICTION_ROWS + 1);
    expect(table).toContain(`test_${String(MAX_PREDICTION_ROWS - 1).padStart(5, '0')}`);
    expect(table).not.toContain(`test_${String(MAX_PREDICTION_ROWS).padStart(5, '0')}`);
    expect(table).toContain('the first 200 of 20,000 sequences: 19,800 more sequences are not listed');
    expect(table).toContain('<code>plrp runs export run-123 --out DIR</code>');
    expect(table).toContain('Export → Table (TSV)');
    expect(report(250, { source: { outJson: '/data/out.json' } })).toContain("50 more sequences are not listed. Every sequence's numbers are in /data/out.json");
  });

  it(`continues the Σ R of more than ${SUM_COLUMNS_PER_TABLE} explanations in a further table that repeats each sequence's name`, () => {
    const ids = Array.from({ length: 9 }, (_, k) => `e${k + 1}`);
    const html = predictionsOf(buildReportHtml(input({ doc: manySequences(3, '', ids), letters: null, figureSequences: [] })).html);
    const heads = [...html.matchAll(/<table[^>]*><thead><tr>(.*?)<\/tr>/g)].map((m) => cells(m[1]));
    expect(heads).toEqual([
      ['name', 'bp', 'target', 'logit', 'output', ...ids.slice(0, 7).map((id) => `Σ R ${id}`)],
      ['name', 'Σ R e8', 'Σ R e9'],
    ]);
    expect(html).toContain('Σ R, continued: explanations 8–9 of 9');
    const continued = [...html.matchAll(/<table[^>]*>.*?<\/table>/g)][1][0];
    expect(continued.match(/<tr>/g)).toHaveLength(1 + 3);
    expect(cells(/<tbody><tr>(.*?)<\/tr>/.exec(continued)![1]).map((c) => c.replace(/<[^>]+>/g, ''))).toEqual(['test_00000', '1240', '1241']);
  });

  it(`has no note when a run has at most ${MAX_PREDICTION_ROWS} sequences`, () => {
    const table = report(MAX_PREDICTION_ROWS, { source: { runId: 'run-123' } });
    expect(table.match(/<tr>/g)).toHaveLength(MAX_PREDICTION_ROWS + 1);
    expect(table).not.toContain('not listed');
  });
});

describe('nameCell', () => {
  it('keeps a short name on one line', () => {
    expect(nameCell('test_00000')).toBe('<span class="nowrap">test_00000</span>');
  });

  it('lets a longer name break only after a separator, or after 16 characters without one', () => {
    expect(nameCell('chr1:1000000-1000200(+)')).toBe('chr1:<wbr>1000000-<wbr>1000200(+)');
    expect(nameCell('ENSG00000139618_BRCA2_promoter')).toBe('ENSG00000139618_<wbr>BRCA2_<wbr>promoter');
    expect(nameCell('A'.repeat(40))).toBe(['A'.repeat(16), 'A'.repeat(16), 'A'.repeat(8)].join('<wbr>'));
  });

  it('cuts a name longer than 60 characters with "…" and keeps the whole name, escaped, in the title', () => {
    const long = `${'<b>'.repeat(10)}${'x'.repeat(40)}`;
    const html = nameCell(long);
    expect(html).toContain(`title="${'&lt;b&gt;'.repeat(10)}${'x'.repeat(40)}"`);
    expect(html).toContain('…');
    expect(html).not.toContain('<b>');
    expect(html.replace(/<[^>]+>/g, '').replace(/&lt;|&gt;/g, '#')).toHaveLength(60);
  });
});

describe('relevanceLogoSvg', () => {
  it('draws a positive letter above the axis and a negative one below it, at heights proportional to |relevance|', () => {
    const svg = relevanceLogoSvg({ title: 't', letters: 'ACGT', relevance: [1, -0.5, 0, 0], hits: [], seqlets: [] });
    const letters = [...svg.matchAll(/translate\(([\d.]+) ([\d.]+)\) scale\(([\d.]+) ([\d.]+)\)[^>]*fill="(#\w+)">(\w)</g)];
    expect(letters.map((m) => m[6])).toEqual(['A', 'C']);
    const [a, c] = letters.map((m) => ({ bottom: Number(m[2]), sy: Number(m[4]) }));
    expect(a.sy / c.sy).toBeCloseTo(2, 3);
    const axis = Number(/<line x1="[\d.]+" y1="([\d.]+)"/.exec(svg)![1]);
    expect(a.bottom).toBeCloseTo(axis, 1);
    expect(c.bottom).toBeGreaterThan(axis);
  });

  it('labels a region\'s axis with genome positions, as the app\'s ruler does (chr2:2,001-2,200 reads 2,001 at its first base)', () => {
    const svg = relevanceLogoSvg({ title: 't', letters: 'A'.repeat(200), relevance: new Float32Array(200).fill(0.1), hits: null, seqlets: [], origin: { chrom: 'chr2', startBp: 2000 } });
    const ticks = [...svg.matchAll(/text-anchor="middle">([\d,]+)<\/text>/g)].map((m) => m[1]);
    expect(ticks[0]).toBe('2,001');
    expect(ticks.at(-1)).toBe('2,200');
    expect(ticks).not.toContain('0');
    expect(svg).toContain('position on chr2 (1-based)');
  });

  it('draws a ground-truth track with its colour key when the run has a ground truth, and none without', () => {
    const base = { title: 't', letters: 'ACGT', relevance: [1, 0, 0, 0], hits: null, seqlets: [] };
    const withTruth = relevanceLogoSvg({ ...base, truth: [{ start: 1, end: 3, label: 'site' }] });
    expect(withTruth).toContain('<title>ground truth site 1–3</title>');
    expect(withTruth).toContain('>ground truth</text>');
    expect(relevanceLogoSvg(base)).not.toContain('ground truth');
  });

  it('is well-formed SVG that names the sequence escaped', () => {
    const svg = relevanceLogoSvg({ title: EVIL, letters: 'AC', relevance: [1, 1], hits: [{ start: 0, end: 1, label: EVIL, strand: '+' }], seqlets: [] });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toContain('<script');
  });

  it('names a motif hit only where the name fits its box and no later box covers it (as the Run view)', () => {
    // 200 bp over 920 px: 4.6 px per base. Four rows, as the Run view stacks them: Dux, fifth of
    // the overlapping hits, is drawn in the last row over FOXA1.
    const hits = [
      { start: 10, end: 40, label: 'PITX2', strand: '+' },
      { start: 10, end: 40, label: 'HOXB13', strand: '+' },
      { start: 12, end: 42, label: 'SOX2', strand: '+' },
      { start: 14, end: 44, label: 'FOXA1', strand: '+' }, // covered by Dux: no name
      { start: 100, end: 106, label: 'NEUROD1', strand: '+' }, // 27.6 px: too narrow for its name
      { start: 100, end: 130, label: 'DUX4', strand: '-' },
      { start: 16, end: 46, label: 'Dux', strand: '+' },
    ];
    const svg = relevanceLogoSvg({ title: 't', letters: 'A'.repeat(200), relevance: new Float32Array(200).fill(0.1), hits, seqlets: [] });
    const names = [...svg.matchAll(/<text [^>]*fill="#fff"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(names).toEqual(['PITX2', 'HOXB13', 'SOX2', 'Dux', 'DUX4']);
    // Every hit keeps its box and its hover name.
    for (const h of hits) expect(svg).toContain(`<title>${h.label} (${h.strand}) ${h.start}–${h.end}</title>`);
  });

  it('keys the logo letters by colour in the legend (a squeezed T reads as a red square)', () => {
    const svg = relevanceLogoSvg({ title: 't', letters: 'ACGT', relevance: [1, 1, 1, 1], hits: [], seqlets: [] });
    const key = /<g data-legend="tracks"[^]*?<\/g>/.exec(svg)![0];
    expect(key).toContain('<tspan fill="#d62839" font-weight="bold">T</tspan>');
    expect(key).toContain('logo letters: the observed base');
  });
});

describe('the Options table', () => {
  const rowsOf = (html: string): string[][] => [.../<section id="options">.*?<\/section>/s.exec(html)![0].matchAll(/<tr>.*?<\/tr>/g)].map((m) => cells(m[0]).map((c) => c.replace(/<[^>]+>/g, '')));

  it('shows "—" for the settings a method does not use, as the Layers view does: p and threshold for LRP, λ for all but PLRP-λ', () => {
    const d = parseOutJson({
      engine: { name: 'plrp-studio', version: 'plrp-engine-1' }, model: { path: '/nowhere/m.onnx', sha256: 'ab'.repeat(32) }, fasta: '/nowhere/x.fa',
      explanations: [
        { id: 'lrp', config: { id: 'lrp', method: 'lrp' } },
        { id: 'plrp-l', config: { id: 'plrp-l', method: 'plrp-lambda', p: 0.3, lambda: 'per-sign' } },
        { id: 'plrp-m', config: { id: 'plrp-m', method: 'plrp-m', p: 0.5, threshold: 'count' } },
      ],
      sequences: [],
    }, 'test');
    const [head, ...rows] = rowsOf(buildReportHtml(input({ doc: d, figureSequences: [] })).html);
    expect(head.slice(0, 6)).toEqual(['explanation', 'composite', 'method', 'p', 'threshold', 'λ']);
    expect(rows.map((r) => r.slice(2, 6))).toEqual([
      ['lrp', '—', '—', '—'],
      ['plrp-lambda', '0.3', 'mass', 'per-sign'],
      ['plrp-m', '0.5', 'count', '—'],
    ]);
  });

  it('shows "—" for γ where no layer uses the γ rule: every composite but ε-γ-box, unless a rule override asks for γ', () => {
    const d = parseOutJson({
      engine: { name: 'plrp-studio', version: 'plrp-engine-1' }, model: { path: '/nowhere/m.onnx', sha256: 'ab'.repeat(32) }, fasta: '/nowhere/x.fa',
      explanations: [
        { id: 'plus', config: { id: 'plus', composite: 'epsilon-plus' } },
        { id: 'box', config: { id: 'box', composite: 'epsilon-gamma-box', gamma: 0.5 } },
        { id: 'over', config: { id: 'over', composite: 'epsilon', rules: { conv2: 'gamma' } } },
      ],
      sequences: [],
    }, 'test');
    const [head, ...rows] = rowsOf(buildReportHtml(input({ doc: d, figureSequences: [] })).html);
    const gamma = head.indexOf('γ');
    expect(rows.map((r) => [r[0], r[gamma]])).toEqual([['plus', '—'], ['box', '0.5'], ['over', '0.25']]);
  });
});

describe('the Relevance per sequence section', () => {
  const noteOf = (html: string): string | undefined => /<section id="relevance">.*?<\/section>/s.exec(html)![0].match(/<p class="left-out">(.*?)<\/p>/)?.[1];

  it('says it draws the first K of N sequences and how to choose others, so the figures are not taken for the whole run', () => {
    expect(noteOf(buildReportHtml(input()).html)).toBe('Figures for the first 5 of 6 sequences (choose others with plrp report --sequences name1,name2).');
  });

  it('in the app\'s report, points to the Run view instead of a CLI option its reader cannot use', () => {
    expect(noteOf(buildReportHtml(input({ source: { runId: 'r1', app: true } })).html)).toBe('Figures for the first 5 of 6 sequences (the Run view shows every sequence&#39;s relevance in its tracks).');
  });

  it('draws each position\'s total relevance when the letters are not available, and says so, instead of an empty plot', () => {
    const { html, figures } = buildReportHtml(input({ letters: null }));
    expect(html).toContain('are not available');
    expect(html).toContain('total relevance (summed over A, C, G and T) as grey bars');
    const svg = figures.get('relevance-s1-lrp')!;
    // s1 has 0.5 at position 1 and −0.25 at position 2: the scale is ±0.5, not 0.
    expect(svg).toContain('>0.500</text>');
    expect(svg).toMatch(/fill="#888">N<\/text>/);
  });

  it('says how many were chosen when they are not the first ones, and nothing when every sequence is drawn', () => {
    expect(noteOf(buildReportHtml(input({ figureSequences: ['s3', 's5'] })).html)).toBe('Figures for 2 chosen sequences of 6.');
    const all = buildReportHtml(input({ figureSequences: doc().sequences.map((s) => s.name) })).html;
    expect(noteOf(all)).toBeUndefined();
  });
});

describe('hints for a run without metrics or motifs', () => {
  const bare = (): OutJson => {
    const d = doc();
    delete d.summary;
    delete d.motifs;
    return d;
  };
  const textOf = (source: ReportInput['source']): string => buildReportHtml(input({ doc: bare(), source })).html;

  it('name the option or control of where the report came from: plrp explain, plrp runs start, or the app', () => {
    expect(textOf({ outJson: 'out.json' })).toContain('No metrics were computed for this run (plrp explain --metrics).');
    expect(textOf({ runId: 'r1' })).toContain('No metrics were computed for this run (plrp runs start --metrics).');
    const app = textOf({ runId: 'r1', app: true });
    expect(app).toContain('No metrics were computed for this run (a run started from New run computes Gini, entropy and faithfulness');
    expect(app).not.toMatch(/plrp (explain|runs start)/);
  });

  it('leave the motif track, its colour key and the JASPAR citation out when nothing was scanned', () => {
    const { html, figures } = buildReportHtml(input({ doc: bare() }));
    for (const svg of figures.values()) {
      expect(svg.includes('motif hit')).toBe(false);
      expect(svg.includes('>motifs</text>')).toBe(false);
    }
    expect(html).not.toContain('JASPAR');
    expect(html).toContain('motifs: none (not scanned)');
  });
});

describe('the Warnings section', () => {
  const warned = (n: number, of: number): OutJson => {
    const d = manySequences(of);
    d.sequences.slice(0, n).forEach((s, k) => { s.warnings = k === 0 ? [`sequence ${s.name} is 10 bp`, EVIL] : [`sequence ${s.name} is 90 % N/ambiguous letters`]; });
    return d;
  };
  const sectionOf = (d: OutJson): string | undefined => /<section id="warnings">.*?<\/section>/s.exec(buildReportHtml(input({ doc: d, letters: null, figureSequences: [] })).html)?.[0];

  it('counts the warned sequences and lists each with its warnings, escaped', () => {
    const s = sectionOf(warned(2, 5))!;
    expect(s).toContain('⚠ 2 sequences have warnings that may make their results mislead.');
    const rows = [...s.matchAll(/<tbody>.*?<\/tbody>/g)][0][0];
    expect(rows.match(/<tr>/g)).toHaveLength(2);
    expect(rows).toContain('<div class="warning">sequence test_00000 is 10 bp</div><div class="warning">&lt;script&gt;');
    expect(s).not.toContain('<script');
    expect(s).not.toContain('are not.');
  });

  it(`lists the first ${MAX_WARNING_ROWS} warned sequences and says how many more there are`, () => {
    const s = sectionOf(warned(MAX_WARNING_ROWS + 12, 100))!;
    expect(s).toContain(`⚠ ${MAX_WARNING_ROWS + 12} sequences have warnings`);
    expect(s.match(/<tr>/g)).toHaveLength(MAX_WARNING_ROWS + 1);
    expect(s).toContain(`The first ${MAX_WARNING_ROWS} are listed: 12 more sequences with warnings are not.`);
  });

  it('is not there when no sequence has a warning', () => {
    expect(sectionOf(manySequences(3))).toBeUndefined();
  });
});
