// One run of a single long record through the run service, timed, with this process's peak
// resident memory (the workers are threads of it). The figures behind MAX_RECORD_BP
// (src-main/engine/genomics/record-limit.ts); records over that limit are refused, so measuring
// past it needs the constant raised locally.
//   npx tsx scripts/bench/long-record.ts --bp 2000000 [--explanations three|one|sweep] [--no-motifs] [--model M.onnx]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ExplainConfigInput } from '../../src-main/shared/explain-config';
import { LocalRunService } from '../../src-main/services/run-service';
import { randomLetters, rng } from './sequences';
import { rssSampler } from './timing';

const { values } = parseArgs({
  options: {
    bp: { type: 'string', default: '1000000' },
    explanations: { type: 'string', default: 'three' },
    'no-motifs': { type: 'boolean', default: false },
    model: { type: 'string', default: 'resources/models/cnn32-pair.onnx' },
  },
});

const EXPLANATIONS: Record<string, ExplainConfigInput[]> = {
  one: [{ id: 'lrp', composite: 'epsilon-plus' }],
  three: [
    { id: 'lrp', composite: 'epsilon-plus' },
    { id: 'plrp-lambda', composite: 'epsilon-plus', method: 'plrp-lambda', p: 0.3 },
    { id: 'plrp-m', composite: 'epsilon-plus', method: 'plrp-m', p: 0.3 },
  ],
  // What the demo runs: LRP, PLRP-M and the p sweep of PLRP-λ (seven explanations).
  sweep: [
    { id: 'lrp', composite: 'epsilon-plus' },
    { id: 'plrp-m', composite: 'epsilon-plus', method: 'plrp-m', p: 0.5 },
    ...[0.1, 0.3, 0.5, 0.7, 0.9].map((p): ExplainConfigInput => ({ id: `plrp-lambda-p${p}`, composite: 'epsilon-plus', method: 'plrp-lambda', p })),
  ],
};
const explanations = EXPLANATIONS[values.explanations!];
if (!explanations) throw new Error(`--explanations: one of ${Object.keys(EXPLANATIONS).join(', ')}`);
const bp = Number(values.bp);
const dir = mkdtempSync(join(tmpdir(), 'plrp-long-record-'));
try {
  const fasta = join(dir, 'long.fa');
  writeFileSync(fasta, `>long_record\n${randomLetters(bp, rng(7)).replace(/(.{80})/g, '$1\n')}\n`);
  const sampler = rssSampler();
  const service = new LocalRunService({ cachePath: join(dir, 'cache.db'), threads: 1, intraOpThreads: 2 });
  const t0 = performance.now();
  const run = await service.start({
    model: { kind: 'path', path: values.model! }, fasta: { kind: 'path', path: fasta }, explanations, scanMotifs: !values['no-motifs'],
  });
  const settled = await service.whenSettled(run.id);
  const seconds = (performance.now() - t0) / 1000;
  await service.close();
  const peakMb = sampler.stop() / 2 ** 20;
  console.log(`${bp.toLocaleString('en-US')} bp, ${explanations.length} explanation(s), motifs ${values['no-motifs'] ? 'off' : 'on'}: ${settled.status}${settled.error ? ` (${settled.error.message})` : ''}`
    + ` in ${seconds.toFixed(1)} s, peak ${peakMb.toFixed(0)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
