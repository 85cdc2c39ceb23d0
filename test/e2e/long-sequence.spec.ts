// Smooth at 100 kbp: a run of the 200-bp cnn4 model tiled over one generated 100 kbp sequence
// opens in the Run view, and every zoom and pan asks the service for a binned slice of about one
// bin per pixel, never the whole sequence. Prints the measured time per redraw (action → slices
// answered → next painted frame).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { RunSummary, TrackSlice } from '../../src-main/shared/run-api';
import type { FileEntry } from '../../src-main/shared/studio-types';
import { startServer, type StudioServer } from './studio-server';

const LENGTH = 100_000;
let server: StudioServer;
let fasta = '';
test.beforeAll(async () => {
  let s = 99;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) >>> 30) & 3;
  const letters = Array.from({ length: LENGTH }, () => 'ACGT'[next()]).join('');
  fasta = join(mkdtempSync(join(tmpdir(), 'plrp-e2e-100k-')), 'long-100kbp.fa');
  writeFileSync(fasta, `>chr_test\n${letters.replace(/(.{80})/g, '$1\n')}\n`);
  server = await startServer({ files: ['test/fixtures/lrp/cnn4.onnx', fasta] });
});
test.afterAll(async () => {
  await server.stop();
});

async function invoke<T>(page: Page, channel: string, body: unknown): Promise<T> {
  const res = await page.request.post(`${server.origin}/api/invoke/${channel}`, { data: body, headers: { Origin: server.origin } });
  const json = (await res.json()) as { ok: boolean; value: T; error?: unknown };
  expect(json.ok, JSON.stringify(json.error)).toBe(true);
  return json.value;
}

/**
 * Runs LRP and PLRP-λ on the 100 kbp record under `label` through the API and waits for it; the
 * second test's run is served from the cache the first one filled.
 */
async function runLongRecord(page: Page, label: string): Promise<void> {
  await page.goto(server.url);
  const files = await invoke<FileEntry[]>(page, 'files:list', {});
  const token = (name: string) => ({ kind: 'token' as const, token: files.find((f) => f.name === name)!.token });
  const run = await invoke<RunSummary>(page, 'runs:start', {
    model: token('cnn4.onnx'), fasta: token('long-100kbp.fa'), label, metrics: [],
    explanations: [{ id: 'lrp', composite: 'epsilon-plus' }, { id: 'pl', composite: 'epsilon-plus', method: 'plrp-lambda', p: 0.3 }],
  });
  await expect.poll(async () => (await invoke<RunSummary>(page, 'runs:get', { runId: run.id })).status, { timeout: 200_000, intervals: [1000] }).toBe('done');
}

test('a 100 kbp run opens in the Run view and zoom/pan fetch only viewport-sized binned slices', async ({ page }) => {
  test.setTimeout(240_000);
  await runLongRecord(page, 'long');

  const slices: TrackSlice[] = [];
  page.on('response', async (r) => {
    if (r.url().endsWith('/api/invoke/runs:trackSlice')) slices.push(((await r.json()) as { value: TrackSlice }).value);
  });
  await page.reload();
  await page.getByTestId('recent-run').getByRole('button', { name: 'long', exact: true }).click();
  await expect(page.getByTestId('region')).toContainText('of 100,000 bp');
  await expect(page.getByTestId('track-relevance')).toHaveCount(2);
  const canvas = page.getByTestId('track-relevance').first().locator('canvas');
  const widthPx = Math.round((await canvas.boundingBox())!.width);
  await expect.poll(() => slices.length).toBeGreaterThanOrEqual(2);

  // Each step: click, wait for both explanations' new slices, then for the next painted frame.
  const times: number[] = [];
  const step = async (act: () => Promise<void>) => {
    const before = slices.length;
    const t0 = Date.now();
    await act();
    await expect.poll(() => slices.length, { intervals: [5] }).toBeGreaterThanOrEqual(before + 2);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    times.push(Date.now() - t0);
  };
  const tracks = page.locator('.tracks');
  for (let i = 0; i < 6; i++) await step(() => page.getByTestId('zoom-in').click());
  for (let i = 0; i < 4; i++) await step(async () => { await tracks.focus(); await page.keyboard.press('ArrowRight'); });
  for (let i = 0; i < 3; i++) await step(() => page.getByTestId('zoom-out').click());
  await step(() => page.getByRole('button', { name: 'Whole sequence' }).click());
  await page.screenshot({ path: 'test-results/screens/14-run-100kbp.png' });

  for (const s of slices) {
    // About one bin per pixel, never the 100 000 bases. Bins are whole bases (bpPerBin = ⌊bp per
    // pixel⌋), so a slice can hold up to (1 + 1/bpPerBin) × the width: 10 % over at ≥ 10 bp per bin.
    const allowed = widthPx * (1 + 1 / Math.max(1, Math.floor(s.bpPerBin))) + 2;
    expect(s.bins.length).toBeLessThanOrEqual(s.bpPerBin >= 10 ? widthPx * 1.1 + 2 : allowed);
    expect(s.bases?.length ?? 0).toBeLessThanOrEqual(allowed);
    expect(s.endBp - s.startBp).toBeLessThanOrEqual(LENGTH);
  }
  expect(slices[0].bpPerBin).toBeGreaterThan(100);
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1];
  console.log(`100 kbp: ${slices.length} slices, max ${Math.max(...slices.map((s) => s.bins.length))} bins (view ${widthPx} px); redraw ms median ${median}, max ${sorted.at(-1)}, all ${times.join(',')}`);
  // Interactive: a redraw (round trip to the service included) well under a second.
  expect(median).toBeLessThan(500);
});

test('the Layers view of a 100 kbp record steps through its 999 model windows one at a time', async ({ page }) => {
  test.setTimeout(240_000);
  await runLongRecord(page, 'long-layers');
  await page.reload();
  await page.getByTestId('recent-run').getByRole('button', { name: 'long-layers', exact: true }).click();
  // The record's logit is a mean over its windows, and the title says so beside it.
  await expect(page.getByTestId('tiled-logit-note')).toHaveText(' (mean over its model windows)');
  // With a space before it: Svelte drops an element's leading whitespace, which ran it into the logit.
  await expect(page.getByTestId('run-view').locator('h2').first()).toContainText(/logit [-\d.e]+ \(mean over its model windows\)/);
  await page.getByTestId('nav-layers').click();
  // No Σ R ÷ logit for a tiled record: Σ R sums over 100 kbp, the logit is a window mean.
  await expect(page.getByTestId('layers-tiled-note')).toContainText('leaves out 1 record longer than the model\'s 200-bp input');
  await expect(page.getByTestId('layers-table').locator('tbody tr').first().locator('td').nth(6)).toHaveText('—');
  const span = page.getByTestId('diag-window-span');
  await expect(page.getByTestId('pruning-diagnostics')).toContainText('of 999');
  await expect(span).toHaveText('bases 1–200');
  await page.getByRole('button', { name: 'Next window' }).click();
  await expect(span).toHaveText('bases 101–300');
  await page.getByTestId('diag-window').fill('500');
  await page.getByTestId('diag-window').press('Enter');
  await expect(span).toHaveText('bases 49,901–50,100');
  await expect(page.getByTestId('diagnostics-table').locator('tbody tr').first()).toBeVisible();
  // Layer relevance is kept for the first windows only, and the heatmap says so.
  await expect(page.getByTestId('layer-heatmap-empty')).toHaveText('Layer relevance is kept for the first 4 model windows of a sequence; this is window 500.');
  await page.screenshot({ path: 'test-results/screens/14b-layers-100kbp.png', fullPage: true });
});
