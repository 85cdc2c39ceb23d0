// New run as a user: drop a model and a FASTA, read the model card and FASTA summary, start, open
// the results; an unsupported model shows why instead of a run button.
import { expect, test } from '@playwright/test';
import { dropFiles } from './drop-files';
import { genomeFasta } from './fixture-fasta';
import { startServer, type StudioServer } from './studio-server';

let server: StudioServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test('a dropped model and FASTA show their card and summary, and the run opens in the run view', async ({ page }) => {
  await page.goto(server.url);
  await page.getByTestId('new-run').click();
  await dropFiles(page, '[data-testid="new-run-form"]', ['test/fixtures/lrp/cnn4.onnx', 'test/fixtures/lrp/cnn4.fa']);
  await expect(page.getByTestId('model-card')).toContainText('cnn4.onnx');
  await expect(page.getByTestId('fasta-summary')).toBeVisible();
  await expect(page.getByTestId('slot-motifs-name')).toContainText('JASPAR');
  await page.screenshot({ path: 'test-results/screens/07-new-run.png', fullPage: true });
  await page.getByTestId('start-run').click();
  await page.getByTestId('run-open').click({ timeout: 60_000 });
  await expect(page.getByTestId('track-relevance')).toHaveCount(3);
});

test('an unsupported model explains what is unsupported and cannot be started', async ({ page }) => {
  await page.goto(server.url);
  await page.getByTestId('new-run').click();
  await dropFiles(page, '[data-testid="new-run-form"]', ['test/fixtures/models/unsupported-lstm.onnx', 'test/fixtures/lrp/cnn4.fa']);
  await expect(page.getByTestId('model-unsupported')).toBeVisible();
  await expect(page.getByTestId('model-error')).toContainText(/LSTM/i);
  await expect(page.getByTestId('start-run')).toBeDisabled();
  await page.screenshot({ path: 'test-results/screens/08-unsupported-model.png' });
});

test('Start stays disabled and says why for an unreadable FASTA and for a p out of range', async ({ page }) => {
  await page.goto(server.url);
  await page.getByTestId('new-run').click();
  await dropFiles(page, '[data-testid="new-run-form"]', ['test/fixtures/lrp/cnn4.onnx', 'test/fixtures/malformed/fasta-protein.fa']);
  await expect(page.getByTestId('new-run-error')).toContainText('fasta-protein.fa');
  await expect(page.getByTestId('new-run-error')).not.toContainText('plrp-uploads');
  await expect(page.getByTestId('start-run')).toBeDisabled();
  await expect(page.getByTestId('start-blocker')).toContainText('This FASTA could not be read');
  await dropFiles(page, '[data-testid="new-run-form"]', ['test/fixtures/lrp/cnn4.fa']);
  await expect(page.getByTestId('start-run')).toBeEnabled();
  await page.getByTestId('method-p').fill('');
  await expect(page.getByTestId('p-problem')).toContainText('Enter p');
  await expect(page.getByTestId('start-run')).toBeDisabled();
  await page.getByTestId('method-p').fill('1.5');
  await expect(page.getByTestId('p-problem')).toContainText('p = 1.5 is out of range');
  await page.screenshot({ path: 'test-results/screens/08b-p-out-of-range.png', fullPage: true });
  await page.getByTestId('method-p').fill('0.3');
  await expect(page.getByTestId('p-problem')).toHaveCount(0);
  await expect(page.getByTestId('start-run')).toBeEnabled();
});

test('a model chosen together with its manifest names its outputs; another model’s manifest is refused by name', async ({ page }) => {
  await page.goto(server.url);
  await page.getByTestId('new-run').click();
  await page.getByTestId('input-model').setInputFiles(['resources/models/deep-multitask.onnx']);
  await expect(page.getByTestId('manifest-hint')).toContainText('deep-multitask.onnx have no names');
  await expect(page.getByTestId('target').locator('option')).toHaveText(['predicted output (argmax)', 'output 0', 'output 1', 'output 2', 'output 3']);
  // The upload lives in a folder of its own: the manifest has to come with it.
  await page.getByTestId('input-model').setInputFiles(['resources/models/deep-multitask.onnx', 'resources/models/deep-multitask.json']);
  await expect(page.getByTestId('manifest-note')).toHaveText('Manifest deep-multitask.json: outputs named ctcf, cebpb, spi1, foxa1.');
  await expect(page.getByTestId('model-outputs')).toContainText('(ctcf, cebpb, spi1, foxa1)');
  await expect(page.getByTestId('target').locator('option')).toHaveText(['predicted output (argmax)', 'ctcf (output 0)', 'cebpb (output 1)', 'spi1 (output 2)', 'foxa1 (output 3)']);
  await page.screenshot({ path: 'test-results/screens/08c-model-with-manifest.png' });
  await dropFiles(page, '[data-testid="new-run-form"]', ['resources/models/cnn4-pair.json']);
  await expect(page.getByTestId('manifest-note')).toContainText('cnn4-pair.json describes a model of 3,389 bytes (cnn4-pair.onnx), but deep-multitask.onnx has 77,405 bytes');
  await expect(page.getByTestId('target').locator('option').nth(3)).toHaveText('spi1 (output 2)');
});

test('regions of a genome FASTA are checked as typed, explained as the run\'s sequences, and shown on their chromosome', async ({ page }) => {
  const genome = genomeFasta({ chr1: 1_000, chr2: 12_000 });
  await page.goto(server.url);
  await page.getByTestId('new-run').click();
  await dropFiles(page, '[data-testid="new-run-form"]', ['test/fixtures/lrp/cnn4.onnx', genome]);
  await expect(page.getByTestId('fasta-count')).toHaveText('2');
  const regions = page.getByTestId('regions-text');
  // Syntax is checked as one types; whether a region fits the FASTA, against its index.
  await regions.fill('chr1:0-200');
  await expect(page.getByTestId('regions-problems')).toContainText('positions start at 1');
  await expect(page.getByTestId('start-run')).toBeDisabled();
  await regions.fill('chr3:1-200\nchr1:901-1,001');
  // Every problem at once, right under the field they are about.
  await expect(page.getByTestId('regions-error').locator('li')).toHaveText(["region 'chr3:1-200': no sequence named 'chr3' in the FASTA index", "chr1:901-1,001: extends past the end of 'chr1' (length 1,000 bp)"]);
  await page.screenshot({ path: 'test-results/screens/08d-new-run-region-errors.png', fullPage: true });
  await regions.fill('chr2:1,001-1,200 chr2:1001-1200');
  await expect(page.getByTestId('regions-problems')).toContainText('chr2:1001-1200 is the same region as chr2:1,001-1,200');
  await expect(page.getByTestId('start-run')).toBeDisabled();
  // A region of another length than the model's input gets no faithfulness: said before the run.
  await regions.fill('chr1:101-300\nchr2:10,001-10,400');
  await expect(page.getByTestId('fasta-faithfulness-note')).toContainText("1 of 2 regions is not the model's 200-bp input length: their faithfulness will be \"—\"");
  await regions.fill('chr1:101-300\nchr2:10,001-10,200');
  await expect(page.getByTestId('fasta-regions')).toContainText('The run explains 2 regions of it, not its records: 200 bp each');
  await expect(page.getByTestId('fasta-faithfulness-note')).toHaveCount(0);
  await expect(page.getByTestId('regions-status')).toHaveText('2 regions of genome.fa.');
  await expect(page.getByTestId('start-run')).toBeEnabled();
  await page.screenshot({ path: 'test-results/screens/08d-new-run-regions.png', fullPage: true });
  await page.getByTestId('start-run').click();
  await page.getByTestId('run-open').click({ timeout: 60_000 });
  await expect(page.getByTestId('run-title')).toContainText('cnn4.onnx · genome.fa · 2 regions (chr1:101-300, chr2:10,001-10,200)');
  await expect(page.getByTestId('run-subtitle')).toContainText('2 regions');
  // The Run view reloads once the run is done (and opens its sequence again): wait for that
  // before using the tracks, or a jump's message can go with the reload.
  await expect(page.getByTestId('run-subtitle')).toContainText('· done');
  await expect(page.getByTestId('sequence-row').locator('td.name')).toHaveText(['chr1:101-300', 'chr2:10,001-10,200']);
  // The tracks read positions on the chromosome: the region's first base is chr2:10,001, not 1.
  await page.getByTestId('sequence-row').nth(1).click();
  await expect(page.getByTestId('region')).toHaveText("chr2:10,001–10,200 (200 of the region's 200 bp)");
  await page.getByTestId('jump-input').fill('chr2:10,051-10,100');
  await page.getByTestId('jump-input').press('Enter');
  await expect(page.getByTestId('region')).toContainText('chr2:10,051–10,100');
  await page.getByTestId('jump-input').fill('51');
  await page.getByTestId('jump-input').press('Enter');
  await expect(page.getByTestId('jump-message')).toHaveText('chr2:51 is outside this region (chr2:10,001–10,200)');
  await page.screenshot({ path: 'test-results/screens/08e-region-run-tracks.png', fullPage: true });
  // The Start list says which regions of genome.fa the run explains.
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByTestId('recent-run-input').first()).toContainText('2 regions (chr1:101-300, chr2:10,001-10,200)');
});

test('a multitask run says how it scores its BED, which sites a sequence has, and where the model predicts no task; New run keeps the form', async ({ page }) => {
  await page.goto(server.url);
  await page.getByTestId('new-run').click();
  await page.getByTestId('input-model').setInputFiles(['resources/models/deep-multitask.onnx', 'resources/models/deep-multitask.json']);
  await page.getByTestId('input-fasta').setInputFiles(['resources/demo/multitask.fa']);
  await page.getByTestId('input-bed').setInputFiles(['resources/demo/multitask.bed']);
  await expect(page.getByTestId('manifest-note')).toContainText('outputs named ctcf, cebpb, spi1, foxa1');
  await page.getByTestId('method-plrp-m').uncheck();
  // Hidden file inputs lengthen no page: the window does not scroll, only the view inside it.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(await page.evaluate(() => window.innerHeight));
  await page.getByTestId('start-run').click();
  await page.getByTestId('run-open').click({ timeout: 60_000 });
  await expect(page.getByTestId('run-subtitle')).toContainText('· done');
  await expect(page.getByTestId('run-notice').filter({ hasText: "multitask.bed: RMA and RRA score each explanation against the regions of the output it explains, matched by the BED's name column" })).toBeVisible();
  // test_00005 is explained as ctcf and holds Spi1 and FOXA1 sites, none of CTCF: nothing to score RMA against.
  await page.getByTestId('sequence-filter').fill('test_00005');
  await page.getByTestId('sequence-row').first().click();
  await expect(page.getByTestId('sequence-target')).toHaveText('ctcf');
  await expect(page.getByTestId('ground-truth')).toHaveAttribute('data-note', 'no ctcf site in this sequence (it has Spi1, FOXA1 sites)');
  await expect(page.getByTestId('sequence-row').locator('td[data-metric="rma"]')).toHaveAttribute('title', '— : this sequence has no ground-truth regions of ctcf to score against');
  // test_00013: every sigmoid output is below 0.5, and argmax still picked one to explain.
  await page.getByTestId('sequence-filter').fill('test_00013');
  await page.getByTestId('sequence-row').first().click();
  await expect(page.getByTestId('no-prediction')).toHaveText('— below 0.5 for every output: the model predicts no task here');
  await expect(page.getByTestId('sequence-unpredicted')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/08e-multitask-no-prediction.png' });
  await page.getByTestId('sequence-filter').fill('');
  await page.getByTestId('hide-unpredicted').check();
  await expect(page.getByTestId('sequence-scroll')).toHaveAttribute('aria-rowcount', '36');

  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('no-prediction-summary')).toContainText("5 of 40 sequences have no output above the model's decision threshold");
  await expect(page.getByTestId('run-notice').filter({ hasText: 'RMA and RRA score each explanation against the regions of the output it explains' })).toBeVisible();
  // RMA has a value where the explained output has a site here (and some relevance is positive).
  await expect(page.locator('[data-testid="metrics-row"][data-explanation="lrp"] [data-metric="rma"] [data-testid="metric-n"]')).toHaveText('n = 35 of 40');
  await page.screenshot({ path: 'test-results/screens/08f-multitask-dashboard.png', fullPage: true });

  // Back in New run, after opening the run: the same files and choices, ready for a second run.
  await page.getByTestId('nav-new-run').click();
  await expect(page.getByTestId('slot-model-name')).toHaveText('deep-multitask.onnx');
  await expect(page.getByTestId('slot-fasta-name')).toHaveText('multitask.fa');
  await expect(page.getByTestId('slot-bed-name')).toHaveText('multitask.bed');
  await expect(page.getByTestId('method-plrp-m')).not.toBeChecked();
  await expect(page.getByTestId('start-run')).toBeEnabled();
});
