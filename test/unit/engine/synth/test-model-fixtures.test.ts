// The differently-exported test models in test/fixtures/models/: each sidecar must describe its
// ONNX file truthfully, and ORT must reproduce the outputs PyTorch computed when it wrote them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredIo, runOnSequences, type Dim } from './onnx-io';

const DIR = 'test/fixtures/models';

interface Sidecar {
  file: string;
  bytes: number;
  opset: number;
  input: { name: string; shape: Dim[] };
  outputs: { name: string; shape: Dim[] }[];
  layout: 'NCL' | 'NLC' | null;
  length: number;
  ops: string[];
  expect: { status: 'supported' } | { status: 'error'; code: string; op?: string; node?: string };
  sample?: { sequences: string[]; output: number[][] };
}

const sidecars: Sidecar[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Sidecar);

describe('test models exported differently from the LRP fixtures', () => {
  it('include supported, unsupported-op and non-DNA cases', () => {
    const statuses = sidecars.map((s) => (s.expect.status === 'supported' ? 'supported' : s.expect.code));
    expect(new Set(statuses)).toEqual(new Set(['supported', 'UNSUPPORTED_OP', 'NOT_DNA_MODEL']));
    expect(sidecars.length).toBeGreaterThanOrEqual(6);
  });

  for (const side of sidecars) {
    describe(side.file, () => {
      const path = join(DIR, side.file);

      it('declares the input, outputs, opset and ops its sidecar states', () => {
        const io = declaredIo(path);
        expect(readFileSync(path).length).toBe(side.bytes);
        expect(io.opset).toBe(side.opset);
        expect(io.inputs).toEqual([{ name: side.input.name, dims: side.input.shape }]);
        expect(io.outputs).toEqual(side.outputs.map((o) => ({ name: o.name, dims: o.shape })));
        expect(io.ops).toEqual(side.ops);
      });

      if (side.expect.status === 'error' && side.expect.op) {
        const op = side.expect.op;
        it(`contains the ${op} node its expected error names`, () => {
          expect(declaredIo(path).ops).toContain(op);
        });
      }

      if (side.sample && side.layout) {
        const { sequences, output } = side.sample;
        const layout = side.layout;
        it('gives in ONNX Runtime the outputs PyTorch computed (within 1e-5)', async () => {
          const got = await runOnSequences(path, side.input.name, layout, sequences);
          got.forEach((row, i) => row.forEach((v, k) => expect(Math.abs(v - output[i][k])).toBeLessThan(1e-5)));
        });
      }
    });
  }
});
