// `plrp predict`: the model's outputs for every FASTA record, as a TSV. A record longer than the
// model's input is tiled into windows: its output_k and logit_k are each the mean over the windows
// (the output is the mean of the windows' heads, not the head of the mean logit), and a note says so.
import type { Command } from 'commander';
import { AppError } from '../../shared/errors';
import { openModel } from '../../engine/explain/open-model';
import { readFasta } from '../../engine/genomics/fasta';
import { encodeWindow, windowStarts } from '../../engine/pool/tiling';
import { defaultStride } from '../../engine/genomics/tiling';
import { writeFileAtomic } from '../../engine/export/atomic-write';
import { withCancellation } from '../cancellation';
import { parseLayout, parsePositiveInt } from '../options';

interface PredictOptions { model: string; fasta: string; out: string; layout?: string; batchSize: string; threads?: string }

export function register(program: Command): void {
  program
    .command('predict')
    .description('the model\'s outputs (head included) and logits for every sequence, as TSV')
    .requiredOption('--model <M.onnx>', 'ONNX genome model')
    .requiredOption('--fasta <X.fa>', 'sequences (.fa, .fa.gz)')
    .requiredOption('--out <preds.tsv>', 'output TSV')
    .option('--layout <auto|NCL|NLC>', 'input layout of the model (detected by default)', 'auto')
    .option('--batch-size <N>', 'model windows per batch', '256')
    .option('--threads <N>', 'onnxruntime threads (default 2)')
    .action((o: PredictOptions) => withCancellation((signal) => runPredict(o, signal)));
}

async function runPredict(o: PredictOptions, signal: AbortSignal): Promise<void> {
  const model = await openModel(o.model, { intraOpThreads: o.threads ? parsePositiveInt('threads', o.threads) : 2, layout: parseLayout(o.layout) });
  try {
    const L = model.info.lengthBp;
    const k = model.info.outputSize;
    const batchSize = parsePositiveInt('batch-size', o.batchSize);
    const lines = [['sequence', 'length', 'predicted', ...Array.from({ length: k }, (_, j) => `output_${j}`), ...Array.from({ length: k }, (_, j) => `logit_${j}`)].join('\t')];
    let batch: { name: string; length: number; starts: number[]; letters: string }[] = [];
    let tiled = 0;
    const flush = async () => {
      const n = batch.reduce((s, b) => s + b.starts.length, 0);
      const x = new Float32Array(n * L * 4);
      let slot = 0;
      for (const b of batch) for (const s of b.starts) encodeWindow(b.letters, s, L, x, slot++);
      const { output, logits } = await model.predict(x, n);
      slot = 0;
      for (const b of batch) {
        const mean = (arr: Float32Array) => Array.from({ length: k }, (_, j) => {
          let s = 0;
          for (let w = slot; w < slot + b.starts.length; w++) s += arr[w * k + j];
          return s / b.starts.length;
        });
        const out = mean(output);
        const lg = mean(logits);
        lines.push([b.name, b.length, lg.indexOf(Math.max(...lg)), ...out.map(fmt), ...lg.map(fmt)].join('\t'));
        slot += b.starts.length;
      }
      batch = [];
    };
    for await (const rec of readFasta(o.fasta)) {
      if (signal.aborted) throw new AppError('CANCELLED', 'cancelled');
      batch.push({ name: rec.name, length: rec.sequence.length, starts: windowStarts(rec.sequence.length, L), letters: rec.sequence });
      if (batch[batch.length - 1].starts.length > 1) tiled++;
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length) await flush();
    await writeFileAtomic(o.out, `${lines.join('\n')}\n`);
    if (tiled > 0) {
      process.stderr.write(`plrp: note: ${tiled.toLocaleString('en-US')} record${tiled === 1 ? ' is' : 's are'} longer than the model's ${L}-bp input and tiled into windows (stride ${defaultStride(L)} bp): `
        + 'each output_k and logit_k is the mean over the windows, so output_k is the mean of the windows\' sigmoid/softmax, not the head applied to the mean logit\n');
    }
  } finally {
    await model.close();
  }
}

function fmt(v: number): string {
  return Number(v.toPrecision(7)).toString();
}
