import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFastaAll } from '../../../../src-main/engine/genomics/fasta';
import { formatFasta } from '../../../../src-main/engine/genomics/fasta-writer';
import { FastaParser } from '../../../../src-main/engine/genomics/fasta-parser';

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

describe('FastaParser chunking', () => {
  it('gives the same records however the bytes are split into chunks (CRLF pairs and headers included)', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 30 }), fc.boolean(), fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 40 }), (records, width, crlf, cuts) => {
        const bytes = Buffer.from(formatFasta(records, width, crlf ? '\r\n' : '\n'));
        const parser = new FastaParser('chunks.fa');
        const out = [];
        let pos = 0;
        for (let k = 0; pos < bytes.length; k++) {
          const next = Math.min(bytes.length, pos + cuts[k % cuts.length]);
          out.push(...parser.push(bytes.subarray(pos, next)));
          pos = next;
        }
        out.push(...parser.end());
        expect(out.map((r) => [r.name, r.description, r.sequence])).toEqual(records.map((r) => [r.name, r.description, r.sequence.toUpperCase()]));
      }),
      { numRuns: 200 },
    );
  });
});
