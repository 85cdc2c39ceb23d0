// The original model with intermediate tensors exposed as extra graph outputs, so one ONNX Runtime
// run yields the activations the reference backend's rules need (and the model's own predictions).
import { onnx, type IModelProto } from '../onnx/proto';

export function withExtraOutputs(model: IModelProto, names: string[]): Uint8Array {
  const graph = model.graph!;
  const existing = new Set((graph.output ?? []).map((o) => o.name));
  const extra = names.filter((n) => !existing.has(n)).map((name) => onnx.ValueInfoProto.create({ name }));
  const copy = onnx.ModelProto.create({ ...model, graph: onnx.GraphProto.create({ ...graph, output: [...(graph.output ?? []), ...extra] }) });
  return onnx.ModelProto.encode(copy).finish();
}
