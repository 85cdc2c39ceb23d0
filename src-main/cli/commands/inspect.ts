// `plrp inspect`: what a user needs to know about a model before explaining it — input and
// layout, outputs, every layer with the rule each composite gives it. An unsupported op or a
// non-DNA input fails (exit code 2) with the node, its op type and the file.
import type { Command } from 'commander';
import { openModel } from '../../engine/explain/open-model';
import type { ModelInfo } from '../../engine/explain/types';
import { COMPOSITES } from '../../shared/explain-config';
import { parseLayout } from '../options';

export function register(program: Command): void {
  program
    .command('inspect')
    .description('describe an ONNX model: input layout, outputs, layers and the LRP rule each gets')
    .requiredOption('--model <M.onnx>', 'ONNX genome model')
    .option('--layout <auto|NCL|NLC>', 'input layout of the model (detected by default)', 'auto')
    .option('--json', 'print the description as JSON')
    .action(async (o: { model: string; layout?: string; json?: boolean }) => {
      const model = await openModel(o.model, { layout: parseLayout(o.layout) });
      try {
        process.stdout.write(o.json ? `${JSON.stringify(model.info, null, 2)}\n` : formatModelInfo(model.info));
      } finally {
        await model.close();
      }
    });
}

export function formatModelInfo(info: ModelInfo): string {
  const shape = `[${info.inputShape.map((d) => (d < 0 ? 'N' : d)).join(', ')}]`;
  const lines = [
    `model      ${info.path}`,
    `sha256     ${info.sha256}`,
    `producer   ${info.producer || 'unknown'} (opset ${info.opset})`,
    `input      ${info.inputName} ${shape}  layout ${info.layout} (alphabet on axis ${info.alphabetAxis}, A,C,G,T), length ${info.lengthBp > 0 ? `${info.lengthBp} bp` : 'any'}`,
    `output     ${info.outputName}: ${info.outputSize} value${info.outputSize === 1 ? '' : 's'}, head ${info.head}`,
    `receptive  ${info.receptiveFieldBp ?? '?'} bp${!info.receptiveFieldWholeInput ? ' per output' : info.lengthBp > 0 ? ' (the output sees the whole input)' : ' per feature, pooled over the whole sequence'}`,
    `pruning    ${info.pruningPoints.length} PLRP pruning point${info.pruningPoints.length === 1 ? '' : 's'}: ${info.pruningPoints.join(', ') || '(none)'}`,
    '',
    `layers (rule per composite: ${COMPOSITES.join(' / ')})`,
  ];
  for (const l of info.layers) {
    const rules = l.kind === 'other' ? l.note ?? '' : COMPOSITES.map((c) => l.rules[c]).join(' / ') + (l.note ? `  (${l.note})` : '');
    lines.push(`  ${l.pruningPoint ? '✂' : ' '} ${l.opType.padEnd(18)} ${l.name.padEnd(28)} ${rules}`);
  }
  lines.push('', 'unsupported nodes: none (the model loaded and every node has a relevance rule)', '✂ = its input is a PLRP pruning point');
  return `${lines.join('\n')}\n`;
}
