// Test helpers: read a model file's declared I/O with onnx-proto and run it with onnxruntime-node
// on one-hot DNA in either layout, so manifests can be checked against the real files.
import { readFileSync } from 'node:fs';
import { onnx } from 'onnx-proto';
import * as ort from 'onnxruntime-node';
import { encodeOneHotInto } from '../../../../src-main/engine/genomics/one-hot';

export type Dim = number | string;

export interface DeclaredIo {
  opset: number;
  inputs: { name: string; dims: Dim[] }[];
  outputs: { name: string; dims: Dim[] }[];
  ops: string[];
}

function dimsOf(v: onnx.IValueInfoProto): Dim[] {
  return (v.type?.tensorType?.shape?.dim ?? []).map((d) => (d.dimParam ? d.dimParam : Number(d.dimValue)));
}

export function declaredIo(path: string): DeclaredIo {
  const model = onnx.ModelProto.decode(readFileSync(path));
  const graph = model.graph!;
  const initialisers = new Set((graph.initializer ?? []).map((t) => t.name));
  return {
    opset: Number((model.opsetImport ?? []).find((o) => !o.domain || o.domain === 'ai.onnx')?.version),
    inputs: (graph.input ?? []).filter((i) => !initialisers.has(i.name)).map((i) => ({ name: i.name!, dims: dimsOf(i) })),
    outputs: (graph.output ?? []).map((o) => ({ name: o.name!, dims: dimsOf(o) })),
    ops: [...new Set((graph.node ?? []).map((n) => n.opType!))].sort(),
  };
}

/** Runs the model on equal-length sequences; returns rows of the first output. */
export async function runOnSequences(path: string, inputName: string, layout: 'NCL' | 'NLC', seqs: readonly string[]): Promise<number[][]> {
  const lengthBp = seqs[0].length;
  const nlc = new Float32Array(seqs.length * lengthBp * 4);
  seqs.forEach((s, i) => encodeOneHotInto(s, nlc, i * lengthBp));
  let data = nlc;
  if (layout === 'NCL') {
    data = new Float32Array(nlc.length);
    for (let i = 0; i < seqs.length; i++) {
      for (let j = 0; j < lengthBp; j++) for (let c = 0; c < 4; c++) data[(i * 4 + c) * lengthBp + j] = nlc[(i * lengthBp + j) * 4 + c];
    }
  }
  const dims = layout === 'NCL' ? [seqs.length, 4, lengthBp] : [seqs.length, lengthBp, 4];
  const session = await ort.InferenceSession.create(path, { intraOpNumThreads: 1 });
  try {
    const result = await session.run({ [inputName]: new ort.Tensor('float32', data, dims) });
    const out = result[session.outputNames[0]];
    const width = Number(out.dims[1]);
    const values = out.data as Float32Array;
    return Array.from({ length: seqs.length }, (_, i) => Array.from(values.subarray(i * width, (i + 1) * width)));
  } finally {
    await session.release();
  }
}

/** AUROC = P(score of a positive > score of a negative), ties counted half (Mann–Whitney U). */
export function auroc(labels: readonly number[], scores: readonly number[]): number {
  let pos = 0;
  let neg = 0;
  let wins = 0;
  const order = scores.map((s, i) => [s, labels[i]] as const).sort((a, b) => a[0] - b[0]);
  // Sweep groups of tied scores: each positive beats all negatives strictly below it, half of ties.
  for (let i = 0; i < order.length; ) {
    let j = i;
    let gPos = 0;
    let gNeg = 0;
    while (j < order.length && order[j][0] === order[i][0]) {
      if (order[j][1] > 0.5) gPos++;
      else gNeg++;
      j++;
    }
    wins += gPos * neg + 0.5 * gPos * gNeg;
    pos += gPos;
    neg += gNeg;
    i = j;
  }
  return wins / (pos * neg);
}
