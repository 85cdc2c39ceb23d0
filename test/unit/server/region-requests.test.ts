// New run's regions on their way to the run service: the request schema lets them through, the
// handler hands the regions BED over as a path (not as the ground truth), and the regions check
// that New run shows says what a run of them would explain, or why the service would refuse them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src-main/server/api/handlers';
import { FileRegistry } from '../../../src-main/server/api/file-registry';
import { SettingsStore } from '../../../src-main/server/api/settings-store';
import { parseRequest } from '../../../src-main/shared/ipc';
import type { RunRequest, RunService, RunSummary } from '../../../src-main/shared/run-api';

const dir = mkdtempSync(join(tmpdir(), 'plrp-region-req-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fasta = join(dir, 'genome.fa');
writeFileSync(fasta, `>chr1\n${'ACGT'.repeat(250)}\n>chr2\n${'GGCA'.repeat(3000)}\n`);
const bed = join(dir, 'peaks.bed');
writeFileSync(bed, 'chr2\t10000\t10400\tpeak1\nchr1\t0\t50\tpeak2\n');

const files = new FileRegistry();
const started: RunRequest[] = [];
const runs = { start: async (r: RunRequest) => { started.push(r); return {} as RunSummary; } } as unknown as RunService;
const handlers = createHandlers({
  runs, files, settings: new SettingsStore(join(dir, 'settings.json')),
  modelCard: async () => { throw new Error('unused'); }, fastaSummary: async () => { throw new Error('unused'); }, demo: async () => ({ available: false }),
});
const token = (path: string) => ({ kind: 'token' as const, token: files.register(path, 'dialog').token });
const regionsSummary = (regions: string[], regionsBed?: string) =>
  handlers['files:regionsSummary']!(parseRequest('files:regionsSummary', { fasta: token(fasta), regions, ...(regionsBed ? { regionsBed: token(regionsBed) } : {}) }));

describe('a region run requested by the app', () => {
  it('passes the schema and reaches the service with the regions BED as a path', async () => {
    const payload = {
      model: token(fasta), fasta: token(fasta), explanations: [{ id: 'lrp', composite: 'epsilon-plus', method: 'lrp' }],
      regions: ['chr1:101-500', 'chr2:10,001-10,400'], regionsBed: token(bed),
    };
    await handlers['runs:start']!(parseRequest('runs:start', payload));
    expect(started[0].regions).toEqual(['chr1:101-500', 'chr2:10,001-10,400']);
    expect(started[0].regionsBed).toEqual({ kind: 'path', path: bed });
    expect(started[0].groundTruthBed).toBeUndefined();
    // A path from the renderer is refused, as for every other file.
    expect(() => parseRequest('runs:start', { ...payload, regionsBed: { kind: 'path', path: bed } })).toThrow();
  });
});

describe('the regions check of New run', () => {
  it('counts the regions, typed then from the BED, with their lengths and names', async () => {
    const s = await regionsSummary(['chr1:101-500', 'chr2:10,101-10,500'], bed);
    expect(s).toEqual({
      regions: 4, minLengthBp: 50, maxLengthBp: 400, totalBp: 1250,
      lengthCounts: [[50, 1], [400, 3]], firstNames: ['chr1:101-500', 'chr2:10,101-10,500', 'peak1', 'peak2'],
    });
    expect((await regionsSummary(['chr1'])).totalBp).toBe(1000);
  });
  it('says what the run service would say: unknown chromosome, past the end, names twice', async () => {
    await expect(regionsSummary(['chr3:1-10'])).rejects.toThrow("region 'chr3:1-10': no sequence named 'chr3' in the FASTA index");
    await expect(regionsSummary(['chr1:900-1001'])).rejects.toThrow("chr1:900-1001: extends past the end of 'chr1' (length 1,000 bp)");
    // A BED line without a name is named chr:start-end, as a typed region is: the same region twice.
    const unnamed = join(dir, 'peaks-unnamed.bed');
    writeFileSync(unnamed, 'chr1\t0\t50\n');
    await expect(regionsSummary(['chr1:1-50'], unnamed)).rejects.toThrow('peaks-unnamed.bed:1: region name "chr1:1-50" is given twice (also typed region chr1:1-50)');
  });
  it('lists every problem at once, the first few then how many more, BED lines named by the file as New run shows it', async () => {
    const typed = ['chr3:1-10', 'chr1:900-1001', 'chr9:1-2', 'chr8:1-2', 'chr7:1-2', 'chr6:1-2'];
    const e = await regionsSummary(typed, bed).catch((x: Error) => x);
    expect((e as Error).message.split('\n')).toEqual([
      "region 'chr3:1-10': no sequence named 'chr3' in the FASTA index",
      "chr1:900-1001: extends past the end of 'chr1' (length 1,000 bp)",
      "region 'chr9:1-2': no sequence named 'chr9' in the FASTA index",
      "region 'chr8:1-2': no sequence named 'chr8' in the FASTA index",
      "region 'chr7:1-2': no sequence named 'chr7' in the FASTA index",
      '… and 1 more problem',
    ]);
  });
  it('compares typed regions by the bases they name, not by how they are written', async () => {
    await expect(regionsSummary(['chr2:1,001-1,200', 'chr2:1001-1200'])).rejects.toThrow('typed region chr2:1001-1200 is the same place as the typed region chr2:1,001-1,200 (chr2:1001-1200): each region is one sequence of the run; give it once');
    await expect(regionsSummary(['chr1', 'chr1:1-1000'])).rejects.toThrow('typed region chr1:1-1000 is the same place as the typed region chr1 (chr1:1-1000)');
  });
});
