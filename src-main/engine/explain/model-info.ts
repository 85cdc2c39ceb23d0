// What `plrp inspect` and the app's model card show: input, layout, outputs, and each layer with
// the rule every composite gives it.
import { COMPOSITES } from '../../shared/explain-config';
import type { AnalyzedModel } from '../model/analyze';
import { ruleFor } from '../lrp/composites';
import type { LayerInfo, ModelInfo } from './types';

export function describeModel(model: AnalyzedModel, path: string, sha256: string, outputSize: number): ModelInfo {
  const firstLinear = model.linearUnits[0];
  const layers: LayerInfo[] = model.units.map((u) => {
    if (u.kind === 'linear') {
      const rules: Record<string, string> = {};
      for (const c of COMPOSITES) rules[c] = ruleFor(c, u.params.layer, u === firstLinear, {}, u.name);
      const folded = u.nodes.slice(1).map((n) => n.opType);
      return {
        name: u.name, opType: u.opType, kind: u.params.layer, rules,
        pruningPoint: model.pruningPoints.includes(u.input),
        note: folded.length ? `folded: ${folded.join(', ')}` : undefined,
      };
    }
    return { name: u.name, opType: u.opType, kind: 'other', rules: {}, pruningPoint: false, note: noteFor(u.opType) };
  });
  if (model.head !== 'none') layers.push({ name: 'head', opType: model.head, kind: 'other', rules: {}, pruningPoint: false, note: 'skipped: explanations start at the logit' });
  return {
    path, sha256,
    inputName: model.input.name,
    inputShape: model.input.dims.map((d, i) => (i === 0 ? -1 : d)),
    layout: model.layout,
    alphabetAxis: model.alphabetAxis,
    lengthBp: model.lengthBp,
    outputName: model.outputName,
    outputSize,
    head: model.head,
    layers,
    pruningPoints: model.pruningPoints,
    opset: model.graph.opset,
    producer: model.graph.producer,
  };
}

function noteFor(op: string): string {
  if (op === 'MaxPool' || op === 'GlobalMaxPool') return 'winner takes all';
  if (op === 'AveragePool' || op === 'GlobalAveragePool') return 'norm rule';
  if (op === 'Add') return 'residual: norm rule over summands';
  if (op === 'BatchNormalization') return 'pass (not after a linear layer)';
  if (op === 'Pad') return 'padded positions dropped';
  if (['Transpose', 'Reshape', 'Flatten', 'Squeeze', 'Unsqueeze', 'Concat', 'Split', 'Slice'].includes(op)) return 'moves back with the data';
  return 'pass';
}
