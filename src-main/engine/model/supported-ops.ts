// The op table of ../shared/spec/lrp.md: which ONNX ops may carry relevance, and how.
// Anything outside it fails the model load with the node, its op type and the reason — never guess.

export const PARAMETRIC_OPS = new Set(['Conv', 'Gemm', 'MatMul']);

/** Elementwise activations: relevance passes through unchanged (R_in = R_out). */
export const ACTIVATION_OPS = new Set([
  'Relu', 'LeakyRelu', 'Elu', 'Selu', 'Celu', 'Gelu', 'Softplus', 'Softsign', 'Tanh', 'Exp', 'Sigmoid',
  'HardSigmoid', 'HardSwish', 'Mish', 'PRelu', 'ThresholdedRelu',
]);

/** Ops that only move data: relevance moves back the same way. */
export const ROUTING_OPS = new Set([
  'Transpose', 'Reshape', 'Flatten', 'Squeeze', 'Unsqueeze', 'Identity', 'Dropout', 'Cast',
  'Concat', 'Split', 'Slice', 'Pad',
]);

export const POOLING_OPS = new Set(['MaxPool', 'GlobalMaxPool', 'AveragePool', 'GlobalAveragePool']);

/** Output heads skipped by the explanation (it starts at their input, the logit). */
export const HEAD_OPS = new Map<string, 'sigmoid' | 'softmax' | 'log-softmax'>([
  ['Sigmoid', 'sigmoid'],
  ['Softmax', 'softmax'],
  ['LogSoftmax', 'log-softmax'],
]);

/** Ops allowed on shape tensors only (PyTorch's Shape→Gather→Unsqueeze→Concat→Reshape chain). */
export const SHAPE_OPS = new Set(['Shape', 'Gather', 'Unsqueeze', 'Concat', 'Constant', 'ConstantOfShape', 'Cast', 'Slice', 'Squeeze', 'Mul', 'Div', 'Add', 'Sub', 'Reshape', 'Identity']);
