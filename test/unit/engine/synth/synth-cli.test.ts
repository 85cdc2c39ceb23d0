import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../../src-main/cli/main';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plrp-synth-'));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('plrp synth', () => {
  it('writes the same data set twice for the same preset and seed', async () => {
    const args = ['synth', '--preset', 'multitask', '--train', '30', '--validation', '5', '--test', '10'];
    expect(await main([...args, '--out', join(dir, 'a')])).toBe(0);
    expect(await main([...args, '--out', join(dir, 'b')])).toBe(0);
    for (const f of ['train.fa', 'test.bed', 'validation.labels.tsv', 'dataset.json']) {
      expect(await readFile(join(dir, 'b', f), 'utf8')).toBe(await readFile(join(dir, 'a', f), 'utf8'));
    }
    const labels = (await readFile(join(dir, 'a', 'test.labels.tsv'), 'utf8')).trim().split('\n');
    expect(labels[0]).toBe('name\tctcf\tcebpb\tspi1\tfoxa1');
    expect(labels).toHaveLength(11);
  });

  it('reads a JSON spec with the user\'s own motifs and tasks', async () => {
    const spec = { seed: 5, lengthBp: 100, tasks: [{ name: 'rest', motifs: ['MA0138'] }], splits: { train: 4, validation: 0, test: 0 } };
    await writeFile(join(dir, 'spec.json'), JSON.stringify(spec));
    expect(await main(['synth', '--spec', join(dir, 'spec.json'), '--out', join(dir, 'o')])).toBe(0);
    const d = JSON.parse(await readFile(join(dir, 'o', 'dataset.json'), 'utf8'));
    expect(d.motifs[0]).toMatchObject({ id: 'MA0138', name: 'REST', widthBp: 20 });
  });

  it('exits 2 naming the file and field for an invalid spec', async () => {
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ seed: 1, lengthBp: 100, tasks: [], splits: { train: 1, validation: 0, test: 0 } }));
    const err = vi.mocked(process.stderr.write);
    expect(await main(['synth', '--spec', join(dir, 'bad.json'), '--out', join(dir, 'o')])).toBe(2);
    expect(err.mock.calls.map((c) => String(c[0])).join('')).toMatch(/bad\.json: tasks/);
  });

  it('exits 2 for an unknown preset', async () => {
    expect(await main(['synth', '--preset', 'nope', '--out', join(dir, 'o')])).toBe(2);
  });
});
