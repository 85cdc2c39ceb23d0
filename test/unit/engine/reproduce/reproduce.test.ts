import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reproduce } from '../../../../src-main/engine/reproduce/reproduce';

// End to end on the shipped sample CNNs (resources/models), kept small: 4 sequences, p ∈ {0, 0.5}.
describe('plrp reproduce on the shipped CNNs', () => {
  it('writes the table and plots for both pair CNNs, PLRP sparser than LRP, with a recommended p each', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'plrp-reproduce-'));
    const { sweeps, files } = await reproduce({ outDir, sequences: 4, seed: 1, pGrid: [0, 0.5], composite: 'epsilon-plus' });
    expect(sweeps.map((s) => s.model)).toEqual(['cnn4-pair', 'cnn32-pair']);
    for (const sw of sweeps) {
      expect(sw.sequences).toBe(4);
      const gini = (method: string, p: number) => sw.rows.find((r) => r.method === method && r.p === p)!.metrics.gini!.mean;
      expect(gini('plrp-lambda', 0.5)).toBeGreaterThan(gini('lrp', 0));
      expect(gini('plrp-m', 0.5)).toBeGreaterThan(gini('lrp', 0));
      expect(sw.rows.find((r) => r.method === 'lrp')!.metrics.rma!.n).toBe(4);
      expect(sw.recommended.map((r) => [0, 0.5].includes(r.p))).toEqual([true, true]);
      expect(sw.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(files.map((f) => f.slice(outDir.length + 1)).sort()).toEqual(
      expect.arrayContaining(['reproduce.tsv', 'reproduce.md', 'reproduce.json', join('plots', 'gini.svg'), join('plots', 'faith_morf_minus_lerf_auc.svg')]),
    );
    const tsv = (await readFile(join(outDir, 'reproduce.tsv'), 'utf8')).trimEnd().split('\n');
    // Header + 2 models × 3 methods × 2 p.
    expect(tsv).toHaveLength(1 + 12);
    const json = JSON.parse(await readFile(join(outDir, 'reproduce.json'), 'utf8'));
    expect(json.options).toMatchObject({ seed: 1, pGrid: [0, 0.5], composite: 'epsilon-plus' });
  });
});
