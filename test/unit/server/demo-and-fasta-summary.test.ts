// What the host tells the New-run and Start views before any run: the demo's checksums (Start
// opens a finished demo run by them, so they must be the ones a run records) and a FASTA's lengths.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../../src-main/services/engine-version';
import { demoBundle } from '../../../src-main/server/api/demo-bundle';
import { FileRegistry } from '../../../src-main/server/api/file-registry';
import { summarizeFasta } from '../../../src-main/server/api/fasta-summary';
import { sequenceWarnings } from '../../../src-main/engine/explain/sequence-warnings';
import { RunCache } from '../../../src-main/services/cache/run-cache';
import { sha256File } from '../../../src-main/services/file-hash';
import { ingestFasta } from '../../../src-main/services/ingest-fasta';

const dir = mkdtempSync(join(tmpdir(), 'plrp-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the demo bundle', () => {
  it('carries the checksums a run of its files records', async () => {
    const files = new FileRegistry();
    const bundle = await demoBundle(join(process.cwd(), 'resources'), files);
    expect(bundle.available).toBe(true);
    const cache = new RunCache(join(dir, 'c.sqlite'));
    try {
      const input = await ingestFasta(cache, files.resolve(bundle.fasta!.token), bundle.fasta!.name);
      expect(bundle.fingerprint).toEqual({ modelSha256: await sha256File(files.resolve(bundle.model!.token)), inputSha256: input.sha256, engineVersion: ENGINE_VERSION });
    } finally {
      cache.close();
    }
  });
});

describe('the FASTA summary', () => {
  it('counts the sequences of each length, shortest first', async () => {
    const fa = join(dir, 'mixed.fa');
    writeFileSync(fa, '>a\nACGTACGTAC\n>b\n' + 'A'.repeat(200) + '\n>c\n' + 'C'.repeat(50) + '\n>d\n' + 'G'.repeat(200) + '\n');
    const s = await summarizeFasta(fa, 'mixed.fa');
    expect(s.lengthCounts).toEqual([[10, 1], [50, 1], [200, 2]]);
    expect([s.minLengthBp, s.maxLengthBp]).toEqual([10, 200]);
    // The longest by name, longest first and equals in file order, for the note on tiled records.
    expect(s.longestRecords).toEqual([{ name: 'b', lengthBp: 200 }, { name: 'd', lengthBp: 200 }, { name: 'c', lengthBp: 50 }, { name: 'a', lengthBp: 10 }]);
  });
  it('keeps the five longest records only', async () => {
    const fa = join(dir, 'seven.fa');
    writeFileSync(fa, [3, 9, 1, 7, 5, 8, 2].map((n, i) => `>r${i}\n${'A'.repeat(n)}\n`).join(''));
    expect((await summarizeFasta(fa, 'seven.fa')).longestRecords.map((r) => r.lengthBp)).toEqual([9, 8, 7, 5, 3]);
  });
  it('stops counting lengths past the most distinct ones it keeps', async () => {
    const fa = join(dir, 'many-lengths.fa');
    writeFileSync(fa, Array.from({ length: 4 }, (_, i) => `>s${i}\n${'A'.repeat(i + 1)}\n`).join(''));
    expect((await summarizeFasta(fa, 'many-lengths.fa', undefined, 4)).lengthCounts).toHaveLength(4);
    const s = await summarizeFasta(fa, 'many-lengths.fa', undefined, 3);
    expect(s.lengthCounts).toBeNull();
    expect(s.minLengthBp).toBe(1);
  });
  it('warns about a mostly-N record before the run, in the words the run will use', async () => {
    const fa = join(dir, 'mostly-n.fa');
    const mostlyN = 'ACGTACGTAC' + 'N'.repeat(180) + 'ACGTACGTAC';
    writeFileSync(fa, `>clean\n${'ACGT'.repeat(50)}\n>withN\n${'ACGT'.repeat(45)}${'N'.repeat(20)}\n>mostlyN\n${mostlyN.toLowerCase()}\n`);
    const s = await summarizeFasta(fa, 'mostly-n.fa');
    // 20 N of 200 (10 %) is under the run's 20 %: only mostlyN (90 %, soft-masked or not) is named.
    expect(s.unknownWarnings).toEqual(sequenceWarnings('mostlyN', mostlyN, 200));
    expect(s.unknownWarnings).toEqual(['sequence mostlyN is 90 % N/ambiguous letters (over 20 %); its prediction and relevance are unreliable']);
  });
  it('names the first few mostly-N records and counts the rest', async () => {
    const fa = join(dir, 'many-n.fa');
    writeFileSync(fa, Array.from({ length: 8 }, (_, i) => `>gap${i}\n${'N'.repeat(50)}\n`).join(''));
    const s = await summarizeFasta(fa, 'many-n.fa');
    expect(s.unknownWarnings).toHaveLength(6);
    expect(s.unknownWarnings[0]).toBe('sequence gap0 is 100 % N/ambiguous letters (over 20 %); its prediction and relevance are unreliable');
    expect(s.unknownWarnings[5]).toBe('and 3 more sequences over 20 % N/ambiguous letters');
  });
});
