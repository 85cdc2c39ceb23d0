// A record too long to explain in one piece (a chromosome) is refused up front with a message that
// names the file, line and record and says how to cut it — in a run, in `plrp explain`, and as a
// warning in the New-run FASTA summary — instead of exhausting memory mid-run.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RECORD_BP } from '../../../src-main/engine/genomics/record-limit';
import { ingestFasta } from '../../../src-main/services/ingest-fasta';
import { LocalRunService } from '../../../src-main/services/run-service';
import { summarizeFasta } from '../../../src-main/server/api/fasta-summary';
import { isAppError } from '../../../src-main/shared/errors';
import { runCli } from '../../unit/cli/cli-helpers';
import { MODEL, tempDir } from './service-fixtures';

let t: ReturnType<typeof tempDir>;
let svc: LocalRunService;
let fasta = '';
beforeAll(() => {
  t = tempDir();
  svc = new LocalRunService({ cachePath: join(t.dir, 'cache.sqlite'), threads: 1 });
  fasta = join(t.dir, 'chromosome.fa');
  // A short record first, then one base over the limit on line 3.
  writeFileSync(fasta, `>short\n${'ACGT'.repeat(50)}\n>chrLong\n${'ACGT'.repeat(MAX_RECORD_BP / 4)}A\n`);
});
afterAll(async () => {
  await svc.close();
  t.cleanup();
});

const names = (message: string) => {
  expect(message).toContain(`${fasta}, line 3`);
  expect(message).toContain(`record 'chrLong' is ${(MAX_RECORD_BP + 1).toLocaleString('en-US')} bp`);
  expect(message).toContain('--regions');
};

describe('records longer than one piece', () => {
  it('are refused by a run before anything is stored or computed', async () => {
    const error = await svc.start({ model: { kind: 'path', path: MODEL }, fasta: { kind: 'path', path: fasta }, explanations: [{ id: 'ep', composite: 'epsilon-plus' }] }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('RESOURCE_LIMIT');
    names((error as Error).message);
    expect(await svc.list()).toEqual([]);
    expect(svc.cache.db.prepare('SELECT (SELECT COUNT(*) FROM inputs) + (SELECT COUNT(*) FROM input_sequences)').pluck().get()).toBe(0);
  });

  it('are found by the ingest with a limit of the caller', async () => {
    const error = await ingestFasta(svc.cache, fasta, 'chromosome.fa', 100).catch((e: unknown) => e);
    expect((error as Error).message).toContain("record 'short' is 200 bp; records of up to 100 bp");
  });

  it('are refused by plrp explain with exit code 2 and the same message', async () => {
    const r = await runCli(['explain', '--model', MODEL, '--fasta', fasta, '--out', join(t.dir, 'out.json')]);
    expect(r.code).toBe(2);
    names(r.stderr);
  });

  it('are flagged in the FASTA summary of the New-run screen', async () => {
    const summary = await summarizeFasta(fasta, 'chromosome.fa');
    expect(summary.longRecordWarning).toContain(`'chrLong' is ${(MAX_RECORD_BP + 1).toLocaleString('en-US')} bp`);
    expect(summary.longRecordWarning).toContain('a run of the records will refuse it');
  });
});
