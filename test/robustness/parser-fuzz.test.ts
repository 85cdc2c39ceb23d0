// Property-based fuzzing of every input parser: for any bytes or text, a parser either returns a
// value or throws an AppError whose message names the file — never a TypeError, RangeError or hang.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src-main/shared/errors';
import { FastaParser } from '../../src-main/engine/genomics/fasta-parser';
import { readFastaAll } from '../../src-main/engine/genomics/fasta';
import { parseBed } from '../../src-main/engine/genomics/bed-reader';
import { parseGroundTruthBed } from '../../src-main/engine/metrics/ground-truth-mask';
import { parseMotifs } from '../../src-main/engine/motifs/read-motifs';
import { decodeModel } from '../../src-main/engine/onnx/read-model';
import { buildGraph } from '../../src-main/engine/onnx/graph';
import { analyzeGraph } from '../../src-main/engine/model/analyze';
import { parseExplainConfig } from '../../src-main/shared/explain-config';

const RUNS = { numRuns: 300, seed: 8 };
const dir = mkdtempSync(join(tmpdir(), 'plrp-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `f`; a thrown error must be an AppError naming `file`. */
function expectValueOrAppError(f: () => unknown, file: string): void {
  try {
    f();
  } catch (e) {
    if (!isAppError(e)) throw e;
    expect(e.message).toContain(file);
  }
}

function expectProbabilities(probs: number[][]): void {
  for (const row of probs) {
    expect(row).toHaveLength(4);
    expect(row.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
  }
}

/** Text made of the characters a format's parser looks at, so the fuzzer reaches deep branches. */
const formatText = (alphabet: string[]) => fc.array(fc.constantFrom(...alphabet), { maxLength: 400 }).map((a) => a.join(''));

const FASTA_TOKENS = ['>', 's1', ' ', '\n', '\r\n', 'ACGT', 'acgt', 'N', 'R', '@', '+', '\t', '*', '-', '\u00e9', '\0', '\ufeff'];
const BED_TOKENS = ['chr1', 's1', '\t', ' ', '\n', '0', '10', '-5', '1e3', 'NaN', 'track', '#', '+', '-', '.', '99999999999999999999'];
const MOTIF_TOKENS = [
  'MEME version 4\n', 'ALPHABET= ACGT\n', 'MOTIF m1\n', 'letter-probability matrix: alength= 4 w= 2 nsites= 5 E= 0\n',
  '>MA1 x\n', 'A [ ', 'C [ ', ' ]\n', 'AC  M1\n', 'ID  x\n', 'P0 A C G T\n', '01 ', 'XX\n', '//\n',
  '0.25 ', '1 ', '-1 ', 'NaN ', 'Infinity ', '\n', 'Background letter frequencies\n', 'A 0.3 C 0.2 G 0.2 T 0.3\n',
];

describe('parser fuzzing', () => {
  it('FASTA: any bytes in any chunking give records or a BAD_FASTA naming the file', () => {
    fc.assert(fc.property(formatText(FASTA_TOKENS), fc.integer({ min: 1, max: 64 }), (text, chunk) => {
      const bytes = Buffer.from(text, 'utf8');
      expectValueOrAppError(() => {
        const p = new FastaParser('fuzz.fa');
        const records = [];
        for (let i = 0; i < bytes.length; i += chunk) records.push(...p.push(bytes.subarray(i, i + chunk)));
        records.push(...p.end());
        for (const r of records) expect(r.sequence).toMatch(/^[ACGTNRYSWKMBDHV]*$/);
      }, 'fuzz.fa');
    }), RUNS);
  });

  it('FASTA: random binary bytes are refused as binary or not FASTA', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 2048 }), (bytes) => {
      expectValueOrAppError(() => {
        const p = new FastaParser('bin.fa');
        p.push(Buffer.from(bytes));
        p.end();
      }, 'bin.fa');
    }), RUNS);
  });

  it('FASTA: a 16 MB single-line record parses in seconds, and a bad letter at its end is located by column', async () => {
    const line = 'ACGT'.repeat(4 << 20);
    const ok = join(dir, 'huge.fa');
    writeFileSync(ok, `>chr\n${line}\n`);
    const t0 = performance.now();
    const recs = await readFastaAll(ok);
    expect(recs[0].sequence.length).toBe(line.length);
    const bad = join(dir, 'huge-bad.fa');
    writeFileSync(bad, `>chr\n${line}!\n`);
    await expect(readFastaAll(bad)).rejects.toThrow(new RegExp(`line 2, column ${line.length + 1}`));
    // A bound against quadratic re-scanning (which takes minutes on 16 MB), not a speed target:
    // generous enough for a loaded 2-core CI machine (measured 1–15 s).
    expect(performance.now() - t0).toBeLessThan(30_000);
  });

  it('FASTA: a 4 MB header line with no newline is read without hanging', async () => {
    const path = join(dir, 'huge-header.fa');
    writeFileSync(path, `>${'x'.repeat(4 << 20)}`);
    await expect(readFastaAll(path)).rejects.toThrow(/empty|no sequence/i);
  });

  it('BED: any text gives intervals with 0 <= start <= end or a BAD_BED naming file and line', () => {
    fc.assert(fc.property(formatText(BED_TOKENS), (text) => {
      expectValueOrAppError(() => {
        for (const iv of parseBed(text, 'fuzz.bed')) {
          expect(iv.start).toBeGreaterThanOrEqual(0);
          expect(iv.end).toBeGreaterThanOrEqual(iv.start);
          expect(Number.isSafeInteger(iv.end)).toBe(true);
        }
      }, 'fuzz.bed');
    }), RUNS);
  });

  it('ground-truth BED: any text gives intervals with start < end or a BAD_BED naming file and line', () => {
    fc.assert(fc.property(formatText(BED_TOKENS), (text) => {
      expectValueOrAppError(() => {
        for (const list of parseGroundTruthBed(text, 'gt.bed').values()) {
          for (const iv of list) {
            expect(iv.end).toBeGreaterThan(iv.start);
            expect(Number.isSafeInteger(iv.end)).toBe(true);
          }
        }
      }, 'gt.bed');
    }), RUNS);
  });

  it('motifs: any MEME/JASPAR/TRANSFAC-like text gives finite probability matrices or a BAD_MOTIFS naming the file', () => {
    fc.assert(fc.property(formatText(MOTIF_TOKENS), (text) => {
      expectValueOrAppError(() => {
        for (const m of parseMotifs(text, 'fuzz.motifs')) expectProbabilities(m.probs);
      }, 'fuzz.motifs');
    }), RUNS);
  });

  it('motifs: well-formed files with hostile numbers and row widths give finite matrices or an error naming file and line', () => {
    const cell = fc.constantFrom('0.25', '0.1', '0', '7', '-1', 'NaN', 'Infinity', '1e400', '0x10', '');
    const row = fc.array(cell, { minLength: 0, maxLength: 6 });
    const rows = fc.array(row, { minLength: 1, maxLength: 5 });
    let parsed = 0;
    fc.assert(fc.property(rows, fc.constantFrom('meme', 'jaspar', 'transfac'), (matrix, format) => {
      const text = format === 'meme'
        ? `MEME version 4\n\nALPHABET= ACGT\n\nMOTIF m1\nletter-probability matrix: alength= 4 w= ${matrix.length} nsites= 5\n${matrix.map((r) => r.join(' ')).join('\n')}\n`
        : format === 'jaspar'
          ? `>MA1 x\n${['A', 'C', 'G', 'T'].map((l, i) => `${l} [ ${(matrix[i] ?? []).join(' ')} ]`).join('\n')}\n`
          : `AC  M1\nXX\nID  x\nXX\nP0 A C G T\n${matrix.map((r, i) => `${String(i + 1).padStart(2, '0')} ${r.join(' ')}`).join('\n')}\nXX\n//\n`;
      try {
        for (const m of parseMotifs(text, 'hostile.motifs')) expectProbabilities(m.probs);
        parsed++;
      } catch (e) {
        if (!isAppError(e)) throw e;
        expect(e.message).toMatch(/hostile\.motifs(:\d+)?/);
      }
    }), RUNS);
    expect(parsed).toBeGreaterThan(0);
  });

  it('ONNX: random bytes and bit-flipped models are decoded and analysed, or refused with BAD_MODEL-class errors', () => {
    const model = new Uint8Array(readFileSync('test/fixtures/lrp/cnn4.onnx'));
    const flips = fc.array(fc.tuple(fc.nat(model.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 });
    fc.assert(fc.property(flips, (edits) => {
      const bytes = model.slice();
      for (const [i, v] of edits) bytes[i] = v;
      expectValueOrAppError(() => analyzeGraph(buildGraph(decodeModel(bytes, 'flip.onnx'), 'flip.onnx')), 'flip.onnx');
    }), { numRuns: 200, seed: 8 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
      expectValueOrAppError(() => analyzeGraph(buildGraph(decodeModel(bytes, 'rand.onnx'), 'rand.onnx')), 'rand.onnx');
    }), RUNS);
  });

  it('explanation configs: any JSON value is a valid config or a schema error, never a crash', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      try {
        const c = parseExplainConfig(value);
        expect(typeof c.id).toBe('string');
      } catch (e) {
        expect((e as Error).name).toBe('ZodError');
      }
    }), RUNS);
  });
});
