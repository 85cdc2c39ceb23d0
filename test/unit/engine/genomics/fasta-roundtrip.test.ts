import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFastaAll } from '../../../../src-main/engine/genomics/fasta';
import { formatFasta } from '../../../../src-main/engine/genomics/fasta-writer';

const letters = 'ACGTNacgtnRYSWKMBDHV'.split('');
const record = fc.record({
  name: fc.stringMatching(/^[A-Za-z0-9_.:|-]{1,12}$/),
  description: fc.oneof(fc.constant(''), fc.stringMatching(/^[A-Za-z0-9=;]{1,8}( [A-Za-z0-9=;]{1,8}){0,3}$/)),
  sequence: fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 300 }).map((a) => a.join('')),
});

describe('FASTA round trip', () => {
  it('parses back exactly what was written, for any line width, line ending and gzip', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plrp-fasta-'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 80 }),
        fc.boolean(),
        fc.boolean(),
        async (records, width, crlf, gz) => {
          const text = formatFasta(records, width, crlf ? '\r\n' : '\n');
          const path = join(dir, `r${n++}.fa${gz ? '.gz' : ''}`);
          writeFileSync(path, gz ? gzipSync(text) : text);
          const back = await readFastaAll(path);
          expect(back.map((r) => r.name)).toEqual(records.map((r) => r.name));
          expect(back.map((r) => r.description)).toEqual(records.map((r) => r.description));
          expect(back.map((r) => r.sequence)).toEqual(records.map((r) => r.sequence.toUpperCase()));
          expect(back.map((r) => r.lowercaseCount)).toEqual(records.map((r) => (r.sequence.match(/[a-z]/g) ?? []).length));
          expect(back.map((r) => r.unknownCount)).toEqual(records.map((r) => (r.sequence.match(/[^ACGTacgt]/g) ?? []).length));
        },
      ),
      { numRuns: 150 },
    );
  });
});
