// A new user's first launch: one click on the demo lands on results — tracks per method, motif hits —
// and the dashboard shows the metrics table. Screenshots of each view go to test-results/.
import { expect, test } from '@playwright/test';
import { startServer, type StudioServer } from './studio-server';

let server: StudioServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test('the demo runs end to end and every view shows its results', async ({ page }) => {
  await page.goto(server.url);
  await expect(page.getByText('No runs yet')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/01-start-empty.png' });

  await page.getByTestId('run-demo').click();
  await expect(page.getByTestId('run-view')).toBeVisible({ timeout: 90_000 });
  // LRP, PLRP-λ and PLRP-M at p = 0.5, and the sweep's other four p values: one track each.
  await expect(page.getByTestId('track-relevance')).toHaveCount(7);
  await expect(page.getByTestId('motif-hits')).toBeVisible();
  // 40 sequences (plus the header row); only those in view are in the page.
  await expect(page.getByTestId('sequence-scroll')).toHaveAttribute('aria-rowcount', '41');
  // The run opens on the first sequence with planted (ground-truth) sites: test_00003, a TAL1 site at 166–176.
  await expect(page.getByTestId('run-view')).toContainText('test_00003');
  // And says why, rather than leave the user wondering why not the first row.
  await expect(page.getByTestId('opened-why')).toHaveText('Opened on test_00003, the first sequence with ground-truth regions to compare its relevance with (test_00000 to test_00002 have none).');
  // The zoom buttons draw their symbols (an SVG: full-width ＋ and － had no glyph in Debian's
  // Chromium) and keep their names for assistive technology.
  for (const [id, name] of [['zoom-in', 'Zoom in'], ['zoom-out', 'Zoom out']]) {
    await expect(page.getByTestId(id)).toHaveAccessibleName(name);
    await expect(page.getByTestId(id).locator('svg path')).toHaveCount(1);
    const icon = (await page.getByTestId(id).locator('svg').boundingBox())!;
    expect(icon.width).toBeGreaterThan(8);
  }
  await expect(page.getByTestId('run-view')).toContainText('gata-tal-pair.fa · 40 sequences · 7 explanations · done');
  await expect(page.getByTestId('run-view')).toContainText(/motif hits \([1-9]\d*\)/);
  // Seqlets of one explanation (the first PLRP one by default), only significant ones zoomed out.
  await expect(page.getByTestId('seqlets')).toHaveAttribute('data-explanation', 'plrp-lambda-p0.5');
  await page.getByTestId('seqlet-explanation').selectOption('lrp');
  await expect(page.getByTestId('seqlets')).toHaveAttribute('data-explanation', 'lrp');
  await page.getByTestId('seqlet-explanation').selectOption('plrp-lambda-p0.5');
  await page.screenshot({ path: 'test-results/screens/02-run-view.png' });

  // Zoom in to letters and hover: the readout names position, base and every method's relevance.
  await page.getByTestId('jump-input').fill('60-100');
  await page.getByRole('button', { name: 'Jump' }).click();
  await expect(page.getByTestId('region')).toContainText('of 200 bp');
  const track = page.getByTestId('track-relevance').first();
  const box = (await track.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  await expect(page.getByTestId('hover-readout')).toContainText('plrp-m-p0.5');
  await page.screenshot({ path: 'test-results/screens/03-run-zoomed.png' });
  // Jumping from there to a wider region zooms out to show exactly that region; an unknown motif
  // name says so next to the field.
  await page.getByTestId('jump-input').fill('20-180');
  await page.getByRole('button', { name: 'Jump' }).click();
  await expect(page.getByTestId('region')).toHaveText('20–180 of 200 bp');
  await page.getByTestId('jump-input').fill('nosuchmotif');
  await page.getByRole('button', { name: 'Jump' }).click();
  await expect(page.getByTestId('jump-message')).toHaveText("no hit of 'nosuchmotif' in this sequence");
  await expect(page.getByTestId('region')).toHaveText('20–180 of 200 bp');
  // Another sequence picked here is the one the Layers view opens on (checked there).
  await page.getByTestId('sequence-row').filter({ hasText: 'test_00005' }).click();
  await expect(page.getByTestId('sequence-row').filter({ hasText: 'test_00005' })).toHaveAttribute('aria-selected', 'true');
  // The error was about the other sequence: it goes with it.
  await expect(page.getByTestId('jump-message')).toHaveText('');
  // So do the typed text (a range of the old sequence, while the view shows the new one whole) and
  // the note on why the view opened on test_00003.
  await expect(page.getByTestId('jump-input')).toHaveValue('');
  await expect(page.getByTestId('opened-why')).toHaveCount(0);
  const tracksTop = (await page.getByTestId('track-relevance').first().boundingBox())!.y;
  // A motif jump highlights the hit it went to, centred in the view, and names it beside the field;
  // Jump again moves the highlight to the motif's next hit (test_00005 has two SCRT2 hits).
  const mark = page.getByTestId('jump-mark');
  await page.getByTestId('jump-input').fill('scrt2');
  await page.getByRole('button', { name: 'Jump' }).click();
  await expect(page.getByTestId('jump-message')).toHaveText(/^SCRT2 \(MA[\d.]+\) 76–85 \+, hit 1 of 2; Jump again for the next$/);
  await expect(mark).toHaveAttribute('data-start-bp', '75');
  // The hit's name sits on the controls' line: the tracks stay where they were.
  expect((await page.getByTestId('track-relevance').first().boundingBox())!.y).toBe(tracksTop);
  const tracksBox = (await page.getByTestId('track-relevance').first().locator('canvas').boundingBox())!;
  const markBox = (await mark.boundingBox())!;
  expect(Math.abs(markBox.x + markBox.width / 2 - (tracksBox.x + tracksBox.width / 2))).toBeLessThan(4);
  expect(markBox.width).toBeGreaterThan(20);
  expect(markBox.width).toBeLessThan(tracksBox.width);
  await page.screenshot({ path: 'test-results/screens/03b-run-jump-mark.png' });
  await page.getByRole('button', { name: 'Jump' }).click();
  await expect(page.getByTestId('jump-message')).toHaveText(/^SCRT2 \(MA[\d.]+\) 80–89 −, hit 2 of 2; Jump again for the next$/);
  await expect(mark).toHaveAttribute('data-start-bp', '79');
  // Panning well away from the hit lets the highlight and its label go.
  await page.getByRole('group', { name: /^Tracks/ }).focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect(mark).toHaveCount(0);
  await expect(page.getByTestId('jump-message')).toHaveText('');
  // A position is marked too; a range, which the whole view shows, is not.
  await page.getByTestId('jump-input').fill('120');
  await page.getByRole('button', { name: 'Jump' }).click();
  await expect(page.getByTestId('jump-message')).toHaveText('position 120');
  await expect(mark).toHaveAttribute('data-end-bp', '120');
  await page.getByTestId('jump-input').fill('100-140');
  await page.getByRole('button', { name: 'Jump' }).click();
  await expect(mark).toHaveCount(0);

  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('metrics-table')).toBeVisible();
  await expect(page.getByTestId('metrics-table').locator('tbody tr')).toHaveCount(7);
  // Methods in the tracks' order (LRP, then each PLRP method by p), each summary with its n.
  await page.getByTestId('nav-run').click();
  await expect(page.getByTestId('track-relevance')).toHaveCount(7);
  const trackOrder = await page.getByTestId('track-relevance').evaluateAll((ts) => ts.map((t) => t.getAttribute('data-explanation')));
  await page.getByTestId('nav-dashboard').click();
  // The Dashboard loads its metrics after it shows: wait for every row before reading their order.
  await expect(page.getByTestId('metrics-row')).toHaveCount(7);
  expect(await page.getByTestId('metrics-row').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-explanation')))).toEqual(trackOrder);
  await expect(page.getByTestId('metrics-row').first().locator('[data-metric="gini"] [data-testid="metric-n"]')).toHaveText('n = 40 of 40');
  await expect(page.getByTestId('sweep-chart')).toBeVisible();
  // The knee of these sequences' sweep, Gini against faithfulness, and beside it the manifest's p
  // (cnn32-pair.json: 0.3, from plrp reproduce's held-out sequences), which New run offers.
  await expect(page.getByTestId('sweep-knee')).toContainText(/^Recommended p = 0\.\d \(the large purple point on the chart\) for these 40 sequences: the knee of their sweep of mean Gini \(sparsity\) against mean faithfulness \(MoRF − LeRF\)\./);
  await expect(page.getByTestId('sweep-knee')).toContainText(/The model's manifest recommends (p = 0\.3 \(the New-run default\), from the sequences its author evaluated it on|the same p)/);
  // The sweep starts at LRP, which the chart and the text call p = 0: the line says so.
  await expect(page.getByTestId('sweep-knee')).toContainText('From p = 0 (plain LRP, nothing pruned) to it');
  await page.getByTestId('sweep-knee').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/04d-dashboard-knee.png' });
  await expect(page.getByTestId('dashboard-coverage')).toHaveText('40 sequences');
  // Off the data the legend is a key (names and colours), not a row of "--" values.
  const legend = page.getByTestId('sweep-chart').locator('.u-legend');
  await expect(legend).toHaveText(/Gini\s*RMA\s*faithfulness\s*knee/, { useInnerText: true });
  await expect(legend).not.toContainText('--', { useInnerText: true });
  // Motifs ranked by captured relevance from the service, per method: the top motif of LRP first,
  // and the method picker shows it.
  await expect(page.getByTestId('motif-ranking')).toHaveAttribute('data-explanation', 'lrp');
  await expect(page.getByTestId('ranking-explanation')).toHaveValue('lrp');
  await expect(page.getByTestId('ranking-row').first()).toBeVisible();
  await page.getByTestId('ranking-explanation').selectOption('plrp-m-p0.5');
  await expect(page.getByTestId('motif-ranking')).toHaveAttribute('data-explanation', 'plrp-m-p0.5');
  await expect(page.getByTestId('ranking-row').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/04-dashboard.png', fullPage: true });
  await page.getByTestId('motif-ranking').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/04b-dashboard-ranking.png' });
  await page.getByTestId('sweep-chart').screenshot({ path: 'test-results/screens/04c-dashboard-sweep.png' });

  await page.getByTestId('nav-layers').click();
  await expect(page.getByTestId('layers-table')).toBeVisible();
  // The Layers table and its explanation picker in the tracks' order too (they listed stored order).
  expect(await page.getByTestId('layers-table').locator('tbody tr td:first-child').allTextContents()).toEqual(trackOrder);
  await expect(page.getByTestId('diag-explanation').locator('option')).toHaveText(trackOrder.filter((id) => id !== 'lrp') as string[]);
  // Layers opens on the sequence selected in the Run view; sequences with a warning are marked ⚠.
  const sequencePicker = page.getByTestId('diag-sequence');
  await expect(sequencePicker.locator('option:checked')).toHaveText('test_00005');
  await expect(sequencePicker.locator('option', { hasText: /^⚠ test_\d+$/ }).first()).toBeAttached();
  // Back to test_00003: the heatmap's point picker names the point it draws (it went blank).
  await expect(page.getByTestId('layer-point')).not.toHaveValue('');
  await sequencePicker.selectOption({ label: 'test_00003' });
  await expect(page.getByTestId('diagnostics-table').locator('tbody td').first()).toHaveText(/\S/);
  await expect(page.getByTestId('layer-point')).toHaveValue(
    (await page.getByTestId('diagnostics-table').locator('tbody tr').first().locator('td').first().textContent())!,
  );
  // Per-sequence PLRP diagnostics from the service: one row per pruning point, and the kept/pruned chart.
  await expect(page.getByTestId('diagnostics-table').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('diagnostics-chart')).toBeVisible();
  // Units at zero are counted out of all units, and said to include those that carried no relevance.
  await expect(page.getByTestId('diag-units-at-zero').first()).toHaveText(/^[\d,]+ of [1-9][\d,]*$/);
  await expect(page.getByTestId('diag-magnification').first()).toHaveText(/^\d/);
  await expect(page.getByTestId('diag-at-zero-note')).toContainText('carried no relevance');
  // The filters × positions heatmap of the first pruning point: PLRP (the first by p, 0.1) keeps some cells and prunes others.
  await expect(page.getByTestId('layer-heatmap-canvas')).toBeVisible();
  await expect(page.getByTestId('layer-counts')).toHaveText(/^[1-9]\d* kept, [1-9]\d* pruned$/);
  await page.screenshot({ path: 'test-results/screens/05-layers.png', fullPage: true });
  await page.getByTestId('layer-heatmap').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/05b-layers-heatmap.png' });

  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('cache-info')).toContainText('1 run · 1 model ·');
  await page.getByTestId('theme').selectOption('dark');
  await page.getByTestId('nav-run').click();
  await expect(page.getByTestId('track-relevance')).toHaveCount(7);
  // The Run view shows the sequence last picked in Layers.
  await expect(page.getByTestId('sequence-row').filter({ hasText: 'test_00003' })).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: 'test-results/screens/06-run-dark.png' });
  // The jump highlight on the dark theme: "TAL1" finds the planted site as JASPAR's TAL1::TCF3.
  await page.getByTestId('jump-input').fill('TAL1');
  await page.getByRole('button', { name: 'Jump' }).click();
  await expect(page.getByTestId('jump-message')).toHaveText('TAL1::TCF3 (MA0091.2) 167–176 −');
  await expect(page.getByTestId('jump-mark')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/06b-run-dark-jump-mark.png' });
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('theme').selectOption('light');
});
