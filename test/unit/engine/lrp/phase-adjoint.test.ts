// The input layer's adjoint convolution computed in 4 interleaved phases (../../../../src-main/
// engine/lrp/onnx/phase-adjoint) against the plain TypeScript adjoint, over the geometries that
// move its bookkeeping: lengths not divisible by 4, kernels of 1 to 19, padding on either side.
import { describe, expect, it } from 'vitest';
import type { IModelProto } from '../../../../src-main/engine/onnx/proto';
import { onnx } from '../../../../src-main/engine/onnx/proto';
import { makeNode, valueInfo } from '../../../../src-main/engine/lrp/onnx/node-factory';
import { SegmentBuilder } from '../../../../src-main/engine/lrp/onnx/segment-builder';
import { phaseAdjoint, phaseAdjointApplies } from '../../../../src-main/engine/lrp/onnx/phase-adjoint';
import { createEagerAlgebra } from '../../../../src-main/engine/lrp/eager/eager-algebra';
import type { LinearParams } from '../../../../src-main/engine/model/linear-params';
import { createSession, ort } from '../../../../src-main/engine/runtime/ort';
import { relativeL2 } from './fixture-helpers';
import { seededRandom } from './tiny-onnx';

function passThrough(cOut: number, lS: number): IModelProto {
  const graph = onnx.GraphProto.create({
    name: 'pass', node: [makeNode('Identity', ['s'], ['y'], 'id')],
    input: [valueInfo('s', 'float32', [-1, cOut, lS])], output: [valueInfo('y', 'float32', [-1, cOut, lS])],
  });
  return { irVersion: 7, opsetImport: [{ domain: '', version: 13 }], graph };
}

async function graphAdjoint(s: Float32Array, n: number, p: LinearParams, lS: number, lIn: number): Promise<Float32Array> {
  const [cOut, cIn] = p.weight.dims;
  const b = new SegmentBuilder(passThrough(cOut, lS));
  b.observe('c', phaseAdjoint(b, b.original('y', [-1, cOut, lS]), p, b.original('like', [-1, cIn, lIn])));
  const built = b.finish();
  const session = await createSession(built.segments[0].bytes, 'phase adjoint test graph');
  const out = await session.run({ s: new ort.Tensor('float32', s, [n, cOut, lS]) });
  await session.release();
  return out[built.observed.get('c')!].data as Float32Array;
}

describe('the 4-phase adjoint of the input layer', () => {
  const cases = [
    { k: 19, pads: [9, 9], lIn: 300 }, { k: 15, pads: [7, 7], lIn: 201 }, { k: 5, pads: [0, 0], lIn: 50 },
    { k: 3, pads: [2, 0], lIn: 7 }, { k: 7, pads: [0, 6], lIn: 18 }, { k: 1, pads: [0, 0], lIn: 13 }, { k: 8, pads: [3, 4], lIn: 64 },
  ] as const;
  it.each(cases)('equals the plain adjoint (kernel $k, pads $pads, length $lIn)', async ({ k, pads, lIn }) => {
    const rand = seededRandom(k * 100 + lIn);
    const cIn = 4;
    const cOut = 8;
    const n = 3;
    const p: LinearParams = {
      layer: 'conv', bias: null,
      weight: { dims: [cOut, cIn, k], data: Float32Array.from({ length: cOut * cIn * k }, () => rand() - 0.5), dtype: 'float32' },
      conv: { kernel: k, strides: 1, dilations: 1, group: 1, pads: [pads[0], pads[1]] },
    };
    expect(phaseAdjointApplies(p)).toBe(true);
    const lS = lIn + pads[0] + pads[1] - k + 1;
    const s = Float32Array.from({ length: n * cOut * lS }, () => rand() - 0.5);
    const want = createEagerAlgebra().linearT({ dims: [n, cOut, lS], data: s }, p, { dims: [n, cIn, lIn], data: new Float32Array(n * cIn * lIn) });
    const got = await graphAdjoint(s, n, p, lS, lIn);
    expect(got.length).toBe(want.data.length);
    expect(relativeL2(got, want.data as Float32Array)).toBeLessThan(1e-6);
  });

  it('is not used for strided, dilated or wide layers', () => {
    const p = (conv: Partial<LinearParams['conv']>, cIn = 4): LinearParams => ({
      layer: 'conv', bias: null, weight: { dims: [8, cIn, 5], data: new Float32Array(8 * cIn * 5), dtype: 'float32' },
      conv: { kernel: 5, strides: 1, dilations: 1, group: 1, pads: [2, 2], ...conv },
    });
    expect(phaseAdjointApplies(p({ strides: 2 }))).toBe(false);
    expect(phaseAdjointApplies(p({ dilations: 2 }))).toBe(false);
    expect(phaseAdjointApplies(p({}, 16))).toBe(false);
  });
});
