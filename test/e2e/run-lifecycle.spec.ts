// Long-lived runs as a user meets them: cancel mid-way (and resume later), reopen a cached run after
// the server restarts, export results to files, and a cache file the app cannot use.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dropFiles } from './drop-files';
import { randomFasta } from './fixture-fasta';
import { freshCacheDb, startServer } from './studio-server';

/** The stored count of the progress panel's "1,024 / 3,000 sequences" (running) or "1,024 of 3,000 sequences stored" (stopped). */
const storedCount = (text: string): number => Number(text.match(/([\d,]+) (?:\/|of) 3,000/)![1].replaceAll(',', ''));

/** Starts, from New run, a run of 3000 sequences through a 32-filter CNN: tens of seconds of work. */
async function startLongRun(page: Page, url: string, fasta: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('new-run').click();
  await dropFiles(page, '[data-testid="new-run-form"]', ['test/fixtures/lrp/cnn32.onnx', fasta]);
  await expect(page.getByTestId('model-card')).toBeVisible();
  await page.getByTestId('start-run').click();
}

test('a running run can be cancelled, stays resumable, and keeps what it finished', async ({ page }) => {
  // 3000 sequences through a 32-filter CNN: tens of seconds of work, so the cancel lands mid-way.
  const fasta = randomFasta(3000, 200);
  const server = await startServer();
  try {
    await startLongRun(page, server.url, fasta);
    await expect(page.getByTestId('run-eta')).toBeVisible();
    // The bar moves while the first batch (1,024 sequences) computes, before anything is stored.
    const stored = async () => storedCount((await page.getByTestId('run-progress').textContent())!);
    const bar = async () => Number(await page.getByTestId('run-progress-bar').getAttribute('value'));
    await expect.poll(async () => (await stored()) === 0 && (await bar()) > 0, { timeout: 60_000 }).toBe(true);
    await page.screenshot({ path: 'test-results/screens/09a-run-progress-in-batch.png' });
    await expect(page.getByTestId('run-progress')).toContainText(/[1-9][\d,]* \/ 3,000 sequences/);
    await page.screenshot({ path: 'test-results/screens/09-run-progress.png' });
    // Before cancelling, Cancel says what it keeps (the stored sequences) and what it drops.
    await expect(page.getByTestId('run-cancel')).toHaveAttribute('title', /^Cancel keeps the [\d,]+ sequences? stored so far; the batches being computed \(up to 1,024 sequences each\) are discarded/);
    await page.getByTestId('run-cancel').click();
    await expect(page.getByTestId('run-status')).toHaveText('cancelled', { timeout: 60_000 });
    await expect(page.getByTestId('run-resume')).toBeVisible();
    await expect(page.getByTestId('run-kept')).toHaveText(/^cancelled — [\d,]+ of 3,000 sequences stored; Resume continues from there$/);
    // Cancelled mid-way: some sequences finished and are kept, not all.
    const done = storedCount((await page.getByTestId('run-progress').textContent())!);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(3000);
    await page.screenshot({ path: 'test-results/screens/10-run-cancelled.png' });
    // Resumed from the same panel, it is running again and can be cancelled again from there.
    await page.getByTestId('run-resume').click();
    await expect(page.getByTestId('run-status')).toHaveText('running');
    await page.getByTestId('run-cancel').click();
    await expect(page.getByTestId('run-status')).toHaveText('cancelled', { timeout: 60_000 });
    await page.getByTestId('nav-start').click();
    const row = page.getByTestId('recent-run').first();
    await expect(row).toContainText('cancelled');
    // After leaving New run, the run list resumes it, shows how far it is, and cancels it again.
    await row.getByTestId('recent-run-resume').click();
    await expect(row.getByTestId('recent-run-status')).toHaveText(/running · \d+ %/, { timeout: 30_000 });
    await page.screenshot({ path: 'test-results/screens/10b-start-running.png' });
    await row.getByTestId('recent-run-cancel').click();
    await expect(row.getByTestId('recent-run-status')).toHaveText('cancelled', { timeout: 60_000 });
    // Its results open with thousands of rows, of which only those in view are in the page. The
    // table shows the rows as their pages arrive: here the first page is cut to 1,000 rows and the
    // next one held, and the first sequence already opens with its tracks.
    let releaseRest = () => {};
    const restHeld = new Promise<void>((resolve) => (releaseRest = resolve));
    await page.route('**/api/invoke/runs:sequences', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { offset?: number };
      if (!body.offset) return route.fulfill({ response: await route.fetch({ postData: JSON.stringify({ ...body, limit: 1000 }) }) });
      await restHeld;
      return route.continue();
    });
    await row.getByRole('button').first().click();
    const table = page.getByTestId('sequence-scroll');
    await expect(page.getByTestId('rows-loading')).toHaveText(/^loading: 1,000 of [\d,]+$/);
    await expect(table).toHaveAttribute('aria-rowcount', '1001');
    // Named as on Start: an unlabelled run goes by model · FASTA, with its short id beside.
    await expect(page.getByTestId('run-view').locator('h1')).toHaveText(/^cnn32\.onnx · random-3000x200\.fa [0-9a-f]{8}$/);
    await expect(page.getByTestId('run-view')).toContainText(/3,000 sequences · \d+ explanations? · cancelled/);
    await expect(page.getByTestId('track-relevance').first()).toBeVisible();
    releaseRest();
    await expect(page.getByTestId('rows-loading')).toHaveCount(0);
    await page.unroute('**/api/invoke/runs:sequences');
    await expect(page.getByTestId('sequence-row').first()).toBeVisible();
    const count = Number(await table.getAttribute('aria-rowcount')) - 1;
    expect(count).toBeGreaterThan(1000);
    expect(await page.getByTestId('sequence-row').count()).toBeLessThan(100);
    expect((await page.getByTestId('sequence-row').first().boundingBox())!.height).toBeCloseTo(22, 0);
    await table.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await expect(page.getByTestId('sequence-row').last().locator('td').first()).toHaveText(String(count));
    // The last sequences were not computed before the cancel: selecting one says so.
    await page.getByTestId('sequence-row').last().click();
    await expect(page.getByTestId('sequence-not-computed')).toContainText('The run has not computed this sequence (cancelled:');
    // Its table export holds the computed sequences only.
    const storedNow = Number(/\(([\d,]+) stored\)/.exec((await page.getByTestId('run-view').textContent())!)![1].replace(/,/g, ''));
    const [partialTsv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-tsv').click()]);
    const exported = readFileSync((await partialTsv.path())!, 'utf8').trim().split('\n');
    expect(exported).toHaveLength(storedNow + 1);
    expect(exported.slice(1).every((l) => l.split('\t')[3] !== '-1')).toBe(true);
    expect(await page.getByTestId('sequence-row').count()).toBeLessThan(100);
    await page.screenshot({ path: 'test-results/screens/10c-run-many-rows.png' });
    // The Layers view picks among 3,000 sequences by number, not from a 3,000-name list.
    await page.getByTestId('nav-layers').click();
    await page.getByTestId('diag-sequence-number').fill('2');
    await page.getByTestId('diag-sequence-number').press('Enter');
    await expect(page.getByTestId('pruning-diagnostics')).toContainText('of 3,000: rand_1');
    await expect(page.getByTestId('diagnostics-table').locator('tbody tr').first()).toBeVisible();
    // The Dashboard says its figures cover the stored part only; a stopped run does not change, so
    // it does not claim to update.
    await page.getByTestId('nav-dashboard').click();
    await expect(page.getByTestId('dashboard-coverage')).toHaveText(/^metrics of [\d,]+ of 3,000 sequences \(run cancelled\)$/);
    await expect(page.getByTestId('dashboard-live')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

test('the Dashboard of a running run follows it by itself, keeping the chosen method and chart zoom', async ({ page }) => {
  const server = await startServer();
  try {
    await startLongRun(page, server.url, randomFasta(3000, 200, 11));
    // Results open as soon as the first batch is stored, while the run goes on.
    await page.getByTestId('run-open').click({ timeout: 90_000 });
    await page.getByTestId('nav-dashboard').click();
    const coverage = page.getByTestId('dashboard-coverage');
    await expect(coverage).toHaveText(/^metrics of [\d,]+ of 3,000 sequences \(run still running\)$/);
    await expect(page.getByTestId('dashboard-live')).toHaveText('· updates as the run goes');
    // The user zooms into a chart (a drag across it) and ranks the motifs by another method.
    const chart = page.getByTestId('metric-chart').first();
    const plot = (await chart.locator('.u-over').boundingBox())!;
    await page.mouse.move(plot.x + plot.width * 0.3, plot.y + plot.height / 2);
    await page.mouse.down();
    await page.mouse.move(plot.x + plot.width * 0.7, plot.y + plot.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(chart).toHaveAttribute('data-zoomed', 'true');
    const methods = await page.getByTestId('ranking-explanation').locator('option').allTextContents();
    const chosen = methods[methods.length - 1];
    await page.getByTestId('ranking-explanation').selectOption(chosen);
    await page.screenshot({ path: 'test-results/screens/13-dashboard-running.png' });
    // With no click, the figures follow the run to its end, and what the user chose stays.
    await expect(coverage).toHaveText('3,000 sequences', { timeout: 90_000 });
    await expect(page.getByTestId('dashboard-live')).toHaveCount(0);
    await expect(page.getByTestId('metrics-table')).toBeVisible();
    await expect(chart).toHaveAttribute('data-zoomed', 'true');
    await expect(page.getByTestId('ranking-explanation')).toHaveValue(chosen);
    await expect(page.getByTestId('motif-ranking')).toHaveAttribute('data-explanation', chosen);
    await page.screenshot({ path: 'test-results/screens/13b-dashboard-finished.png' });
  } finally {
    await server.stop();
  }
});

test('the Run view of a running run follows each stored batch, keeping the open sequence, its zoom and the jump', async ({ page }) => {
  // A whole run of 3,000 sequences, watched from its first stored batch to its end.
  test.setTimeout(180_000);
  const server = await startServer();
  try {
    await startLongRun(page, server.url, randomFasta(3000, 200, 13));
    await page.getByTestId('run-open').click({ timeout: 90_000 });
    const subtitle = page.getByTestId('run-subtitle');
    await expect(subtitle).toContainText('· running');
    /** The run's status and stored count as the Run view last read them ("· running (1,024 stored)"). */
    const shown = async () => {
      const text = (await subtitle.textContent())!;
      return { running: text.includes('· running'), stored: Number(/\(([\d,]+) stored\)/.exec(text)?.[1].replaceAll(',', '') ?? 3000) };
    };
    const first = (await shown()).stored;
    // The last sequence is in the last batch: opened now, it says its tracks come once it is stored.
    const table = page.getByTestId('sequence-scroll');
    await table.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await page.getByTestId('sequence-row').last().click();
    await expect(page.getByTestId('sequence-not-computed')).toContainText('The run has not computed this sequence yet (running:');
    await expect(page.getByTestId('sequence-not-computed')).toContainText('its tracks appear here once the run stores it');
    await table.evaluate((el) => { el.scrollTop = 0; });
    // The user opens a sequence other than the one the view opens on, jumps to a position and zooms out a step.
    await page.getByTestId('sequence-row').nth(2).click();
    const heading = page.getByTestId('run-view').locator('.tracks-col h2');
    await expect(heading).toContainText('rand_2');
    await page.getByTestId('jump-input').fill('120');
    await page.getByTestId('jump-input').press('Enter');
    await expect(page.getByTestId('jump-message')).toHaveText('position 120');
    await page.getByTestId('zoom-out').click();
    const region = await page.getByTestId('region').textContent();
    expect(region).not.toContain('(200 of');
    await expect(page.getByTestId('jump-mark')).toHaveAttribute('data-start-bp', '119');
    // All of that happened while the run computed, or this test shows nothing.
    await expect(subtitle).toContainText('· running', { timeout: 1000 });
    await page.screenshot({ path: 'test-results/screens/14-run-view-running.png' });
    // With no click, the view reads the batches the run stores while it still runs, and what the user chose stays.
    await expect.poll(async () => { const s = await shown(); return s.running && s.stored > first; }, { timeout: 90_000 }).toBe(true);
    await expect(heading).toContainText('rand_2');
    await expect(page.getByTestId('region')).toHaveText(region!);
    await expect(page.getByTestId('jump-message')).toHaveText('position 120');
    await expect(page.getByTestId('jump-mark')).toHaveAttribute('data-start-bp', '119');
    await page.screenshot({ path: 'test-results/screens/14a-run-view-following.png' });
    // The run ends: the view says so and shows every row, and what the user chose stays.
    await expect(subtitle).toContainText(/3,000 sequences · \d+ explanations? · done/, { timeout: 90_000 });
    await expect(page.getByTestId('sequence-scroll')).toHaveAttribute('aria-rowcount', '3001');
    await expect(heading).toContainText('rand_2');
    await expect(page.getByTestId('region')).toHaveText(region!);
    await expect(page.getByTestId('jump-message')).toHaveText('position 120');
    await expect(page.getByTestId('jump-mark')).toHaveAttribute('data-start-bp', '119');
    await expect(page.getByTestId('track-relevance').first()).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/14b-run-view-done.png' });
    // The last sequence, not computed when it was opened, now has its tracks.
    await table.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await page.getByTestId('sequence-row').last().click();
    await expect(heading).toContainText('rand_2999');
    await expect(page.getByTestId('track-relevance').first()).toBeVisible();
  } finally {
    await server.stop();
  }
});

test('a finished run reopens from the cache after the server restarts, and exports to files', async ({ page }) => {
  const cacheDb = freshCacheDb();
  const first = await startServer({ cacheDb });
  try {
    await page.goto(first.url);
    await page.getByTestId('run-demo').click();
    await expect(page.getByTestId('run-view')).toBeVisible({ timeout: 90_000 });
  } finally {
    await first.stop();
  }
  const second = await startServer({ cacheDb });
  try {
    await page.goto(second.url);
    await expect(page.getByTestId('recent-run')).toHaveCount(1);
    await expect(page.getByTestId('recent-run')).toContainText('done');
    await page.screenshot({ path: 'test-results/screens/11-start-recent-runs.png' });
    // Delete asks first, in the row, naming the run; Keep leaves it.
    const row = page.getByTestId('recent-run');
    await row.getByRole('button', { name: /^Delete run Demo \([0-9a-f]{8}\)$/ }).click();
    const confirm = row.getByTestId('recent-run-confirm-delete');
    await expect(confirm).toHaveAccessibleName('Confirm deleting Demo');
    await expect(confirm).toContainText('Delete this run?');
    await page.screenshot({ path: 'test-results/screens/11a-start-confirm-delete.png' });
    await confirm.getByRole('button', { name: 'Keep' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(row).toHaveCount(1);
    // Run the demo again: the finished demo run opens from the cache, no second "Demo" row.
    await page.getByTestId('run-demo').click();
    await expect(page.getByTestId('track-relevance')).toHaveCount(7, { timeout: 30_000 });
    await page.getByTestId('nav-start').click();
    await expect(page.getByTestId('recent-run')).toHaveCount(1);
    await page.getByTestId('recent-run').getByRole('button', { name: 'Demo', exact: true }).click();
    await expect(page.getByTestId('track-relevance')).toHaveCount(7);
    // 40 sequences (plus the header row); only those in view are in the page.
    await expect(page.getByTestId('sequence-scroll')).toHaveAttribute('aria-rowcount', '41');

    const [tsv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-tsv').click()]);
    expect(tsv.suggestedFilename()).toBe('Demo.tsv');
    const lines = readFileSync((await tsv.path())!, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(41);
    // The demo model names its outputs: the table says which one each row explains, by name too.
    expect(lines[0].split('\t').slice(0, 7)).toEqual(['index', 'name', 'length_bp', 'target', 'target_name', 'logit', 'output']);
    expect(new Set(lines.slice(1).map((l) => l.split('\t')[4]))).toEqual(new Set(['absent', 'gata1_tal1_pair']));
    expect(lines[0]).toContain('plrp-m-p0.5_gini');

    // One explanation per bedGraph, chosen beside the button (LRP first, then each PLRP method by p),
    // as `plrp runs export` writes one file each: one track of 40 sequences × 200 one-base rows.
    await expect(page.getByTestId('export-bedgraph-explanation').locator('option')).toHaveText(['lrp', 'plrp-lambda-p0.1', 'plrp-lambda-p0.3', 'plrp-lambda-p0.5', 'plrp-lambda-p0.7', 'plrp-lambda-p0.9', 'plrp-m-p0.5']);
    await page.getByTestId('export-bedgraph-explanation').selectOption('plrp-lambda-p0.3');
    const [bedgraph] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-bedgraph').click()]);
    expect(bedgraph.suggestedFilename()).toBe('Demo.plrp-lambda-p0.3.bedGraph');
    const bg = readFileSync((await bedgraph.path())!, 'utf8').split('\n');
    expect(bg.filter((l) => l.startsWith('track '))).toEqual(['track type=bedGraph name="relevance plrp-lambda-p0.3" description="PLRP Studio epsilon-plus plrp-lambda relevance" visibility=full autoScale=on']);
    expect(bg.filter((l) => /^test_\d+\t\d+\t\d+\t/.test(l)).length).toBe(40 * 200);

    // Settings: free space by deleting the oldest runs down to a size; here the only run goes.
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('cache-info')).toContainText('1 run ·');
    await page.getByTestId('cache-prune-mode').selectOption('size');
    await page.getByTestId('cache-prune-limit').fill('0');
    await page.getByTestId('cache-prune').click();
    await expect(page.getByRole('status')).toHaveText(/^Removed 1 run, oldest first: [\d.]+ [KM]B → [\d.]+ [KM]B\.$/);
    await expect(page.getByTestId('cache-info')).toContainText('0 runs');
    await page.screenshot({ path: 'test-results/screens/11b-settings-pruned.png' });
    // Start no longer lists the deleted run, and Run the demo computes it again instead of opening it.
    await page.getByTestId('nav-start').click();
    await expect(page.getByTestId('recent-run')).toHaveCount(0);
    await page.getByTestId('run-demo').click();
    await expect(page.getByTestId('run-view')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('run-view')).toContainText('· done');
  } finally {
    await second.stop();
  }
});

test('a run cache the app cannot use is moved aside, and the app says where it went', async ({ page }) => {
  const cacheDb = freshCacheDb();
  writeFileSync(cacheDb, 'my lab notes, saved under the wrong name\n');
  const server = await startServer({ cacheDb });
  try {
    await page.goto(server.url);
    const notices = page.getByTestId('cache-notices');
    await expect(notices).toContainText('could not be used because it is not an SQLite database');
    const aside = readdirSync(dirname(cacheDb)).find((f) => f.startsWith('cache.sqlite.unusable-'))!;
    await expect(notices).toContainText(aside);
    // Nothing was lost: the file is where the message says, as it was.
    expect(readFileSync(join(dirname(cacheDb), aside), 'utf8')).toBe('my lab notes, saved under the wrong name\n');
    await page.screenshot({ path: 'test-results/screens/12-cache-moved-aside.png' });
    await page.getByTestId('cache-notices-dismiss').click();
    await expect(notices).toHaveCount(0);
    // The new cache works: the demo runs and is listed.
    await page.getByTestId('run-demo').click();
    await expect(page.getByTestId('run-view')).toBeVisible({ timeout: 90_000 });
  } finally {
    await server.stop();
  }
});

test('a run that another server computes on the same cache shows as theirs, without Cancel or Delete', async ({ page, browser }) => {
  const cacheDb = freshCacheDb();
  const fasta = randomFasta(3000, 200);
  const first = await startServer({ cacheDb });
  const second = await startServer({ cacheDb }).catch(async (e) => {
    await first.stop();
    throw e;
  });
  const other = await browser.newPage();
  try {
    await startLongRun(page, first.url, fasta);
    await expect(page.getByTestId('run-status')).toHaveText('running');

    await other.goto(second.url);
    const row = other.getByTestId('recent-run');
    await expect(row).toHaveCount(1);
    await expect(other.getByTestId('recent-run-status')).toHaveText(/^running in another process \(pid \d+\)$/);
    await expect(row.getByTestId('recent-run-cancel')).toHaveCount(0);
    await expect(row.getByRole('button', { name: /Delete run/ })).toBeDisabled();
    await other.screenshot({ path: 'test-results/screens/10d-run-in-other-process.png' });

    await page.getByTestId('run-cancel').click();
    await expect(page.getByTestId('run-status')).toHaveText('cancelled', { timeout: 60_000 });
    // Settled in its own process, the run is everyone's again: the other page follows by itself
    // (it re-reads the list while another process has a run) and offers Resume.
    await expect(other.getByTestId('recent-run-status')).toHaveText('cancelled', { timeout: 10_000 });
    await expect(other.getByTestId('recent-run-resume')).toBeVisible();
  } finally {
    await other.close();
    await first.stop();
    await second.stop();
  }
});
