// Op type → relevance handler for every non-parametric op of the spec's table.
import { ACTIVATION_OPS } from '../../model/supported-ops';
import type { NodeHandler } from './handler';
import { passThrough } from './pass-through';
import { reshapeBack } from './reshape';
import { transposeBack } from './transpose';
import { averagePoolBack, maxPoolBack } from './pooling';
import { residualAddBack } from './residual-add';
import { concatBack, padBack, sliceBack, splitBack } from './routing';

const HANDLERS = new Map<string, NodeHandler>([
  ['Identity', passThrough], ['Dropout', passThrough], ['Cast', passThrough], ['BatchNormalization', passThrough],
  ['Reshape', reshapeBack], ['Flatten', reshapeBack], ['Squeeze', reshapeBack], ['Unsqueeze', reshapeBack],
  ['Transpose', transposeBack],
  ['MaxPool', maxPoolBack], ['GlobalMaxPool', maxPoolBack],
  ['AveragePool', averagePoolBack], ['GlobalAveragePool', averagePoolBack],
  ['Add', residualAddBack],
  ['Pad', padBack], ['Concat', concatBack], ['Split', splitBack], ['Slice', sliceBack],
]);
for (const op of ACTIVATION_OPS) HANDLERS.set(op, passThrough);

export function handlerFor(opType: string): NodeHandler | undefined {
  return HANDLERS.get(opType);
}
