// Inputs that would silently mislead are flagged per sequence (out.json `warnings`, and stderr):
// shorter than the model's window, too many N, non-finite relevance; an out-of-range target is an
// exit-2 error that says the valid range.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../unit/cli/cli-helpers';
import { nonFiniteRelevanceWarning, sequenceWarnings } from '../../src-main/engine/explain/sequence-warnings';

const MODEL = 'test/fixtures/lrp/cnn4.onnx';
const dir = mkdtempSync(join(tmpdir(), 'plrp-mislead-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('misleading inputs', () => {
  it('flags short and N-heavy sequences in out.json and on stderr, and leaves clean ones alone', async () => {
    const fasta = join(dir, 'x.fa');
    const clean = 'ACGT'.repeat(50);
    writeFileSync(fasta, `>clean\n${clean}\n>short\nACGTACGTAC\n>nheavy\n${'N'.repeat(60)}${clean.slice(60)}\n`);
    const out = join(dir, 'out.json');
    const r = await runCli(['explain', '--model', MODEL, '--fasta', fasta, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const seqs = (JSON.parse(readFileSync(out, 'utf8')) as { sequences: { name: string; warnings?: string[] }[] }).sequences;
    const byName = new Map(seqs.map((s) => [s.name, s.warnings ?? []]));
    expect(byName.get('clean')).toEqual([]);
    expect(byName.get('short')!.join()).toMatch(/sequence short is 10 bp, shorter than the model's 200-bp input/);
    expect(byName.get('nheavy')!.join()).toMatch(/sequence nheavy is 30 % N\/ambiguous letters \(over 20 %\)/);
    expect(r.stderr).toMatch(/plrp: warning: sequence short/);
  });

  it('an output index beyond the model is exit 2 with the valid range', async () => {
    const r = await runCli(['explain', '--model', MODEL, '--fasta', 'test/fixtures/lrp/cnn4.fa', '--out', join(dir, 't.json'), '--target', '99']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/target index 99 is out of range: the model has \d+ outputs? \(0\.\.\d+\)/);
  });

  it('names the sequence and explanation when relevance is NaN or infinite, and is silent otherwise', () => {
    expect(nonFiniteRelevanceWarning('s7', 'plrp-m', Float32Array.of(0, Number.NaN))).toBe('relevance is not finite for sequence s7 under explanation plrp-m');
    expect(nonFiniteRelevanceWarning('s7', 'lrp', Float32Array.of(0, Number.NEGATIVE_INFINITY))).toMatch(/s7 under explanation lrp/);
    expect(nonFiniteRelevanceWarning('s7', 'lrp', Float32Array.of(0, 1e-30, -3))).toBeNull();
  });

  it('counts N and IUPAC codes against the threshold, at exactly 20 % not yet flagged', () => {
    expect(sequenceWarnings('a', 'NNNCGTACGT', 0)).toHaveLength(1);
    expect(sequenceWarnings('b', 'NNACGTACGT', 0)).toEqual([]);
    expect(sequenceWarnings('c', 'RYACGTACGT', 0)).toHaveLength(0);
    expect(sequenceWarnings('d', 'RYSACGTACG', 0)).toHaveLength(1);
    expect(sequenceWarnings('e', 'ACGT', 8)).toHaveLength(1);
  });
});
