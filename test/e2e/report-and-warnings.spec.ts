// Export in the app: the demo run's report as a self-contained HTML file and as a PDF (through the
// same report module as `plrp report`). Per-sequence warnings: a FASTA with a too-short and an
// N-rich sequence marks both in the sequence table and lists them in the Run view header.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { dropFiles } from './drop-files';
import { randomFasta } from './fixture-fasta';
import { startServer, type StudioServer } from './studio-server';

let server: StudioServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test('the demo run exports its report as self-contained HTML and as PDF', async ({ page }) => {
  await page.goto(server.url);
  await page.getByTestId('run-demo').click();
  await expect(page.getByTestId('run-view')).toBeVisible({ timeout: 90_000 });
  const modelName = (await page.getByTestId('run-view').locator('.head .muted').textContent())!.split(' · ')[0];
  expect(modelName).toMatch(/\.onnx$/);

  const [html] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report-html').click()]);
  expect(html.suggestedFilename()).toBe('Demo.report.html');
  const text = readFileSync((await html.path())!, 'utf8');
  expect(text.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(text).toContain(modelName);
  // Opens offline: no element loads anything, and the only URL is the SVG namespace.
  expect(text).not.toMatch(/<[^>]*\s(?:src|href)\s*=\s*["']?https?:/i);
  expect(new Set(text.match(/https?:\/\/[^\s"'<)]+/g) ?? [])).toEqual(new Set(['http://www.w3.org/2000/svg']));

  const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId('export-report-pdf').click()]);
  expect(pdf.suggestedFilename()).toBe('Demo.report.pdf');
  const bytes = readFileSync((await pdf.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(20_000);
});

test('sequences too short for the model or mostly N carry a warning in the table and the header', async ({ page }) => {
  // cnn4 takes 200 bp: the first sequence is 120 bp, the second 75 % N, the third clean.
  const path = randomFasta(3, 200, 11);
  const lines = readFileSync(path, 'utf8').split('\n');
  lines[1] = lines[1].slice(0, 120);
  lines[3] = 'N'.repeat(150) + lines[3].slice(150);
  const fasta = join(path, '..', 'warnings.fa');
  writeFileSync(fasta, lines.join('\n'));

  await page.goto(server.url);
  await page.getByTestId('new-run').click();
  await dropFiles(page, '[data-testid="new-run-form"]', ['test/fixtures/lrp/cnn4.onnx', fasta]);
  await expect(page.getByTestId('fasta-summary')).toBeVisible();
  // Said before the run, from the model card's input length and the summary's lengths.
  await expect(page.getByTestId('fasta-short-warning')).toHaveText(
    "⚠ 1 sequence (120 bp) is shorter than the model's 200-bp input and will be padded with N: its relevance is less reliable.",
  );
  // The mostly-N record too, from the letters alone, in the words the run's warning uses (below).
  await expect(page.getByTestId('fasta-unknown-warning')).toHaveText(
    '⚠ sequence rand_1 is 75 % N/ambiguous letters (over 20 %); its prediction and relevance are unreliable',
  );
  await page.getByTestId('fasta-summary').screenshot({ path: 'test-results/screens/12b-fasta-mostly-n.png' });
  await page.getByTestId('start-run').click();
  await page.getByTestId('run-open').click({ timeout: 60_000 });
  await expect(page.getByTestId('sequence-row')).toHaveCount(3);
  const marks = page.getByTestId('sequence-warning');
  await expect(marks).toHaveCount(2);
  await expect(marks.first()).toHaveAttribute('title', /120 bp, shorter than the model's 200-bp input/);
  await expect(marks.nth(1)).toHaveAttribute('title', /sequence rand_1 is 75 % N\/ambiguous letters \(over 20 %\); its prediction and relevance are unreliable/);
  const header = page.getByTestId('run-warnings');
  await expect(header).toContainText('2 sequences have warnings');
  await header.locator('summary').click();
  // rand_0's padded tail also makes PLRP-λ flip signs at a pruning point (λ < 0): its own warning.
  await expect(header.locator('li')).toHaveCount(3);
  await expect(header.locator('li').nth(1)).toContainText('rand_0: PLRP-λ flipped the sign of relevance for sequence rand_0 under explanation plrp-lambda-p0.5');
  await page.screenshot({ path: 'test-results/screens/13-run-warnings.png' });
});
