// Reading the zennit reference fixtures (test/fixtures/lrp, copied from ../shared/fixtures/lrp).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_DIR = fileURLToPath(new URL('../../../fixtures/lrp', import.meta.url));
export const FIXTURE_MODELS = ['cnn4', 'cnn32', 'cnn-bn-nlc', 'resnet-lite'] as const;

export interface FixtureCase {
  composite: string;
  params: { epsilon: number; stabilizer: number; gamma: number };
  method: 'lrp' | 'plrp-lambda' | 'plrp-m';
  p?: number;
  threshold?: 'mass' | 'mass-per-sign' | 'count';
  lambda?: 'total' | 'per-sign';
  relevance: number[][][];
}

export interface Fixture {
  layout: 'NCL' | 'NLC';
  length: number;
  targets: number[];
  logits: number[][];
  model_output: number[][];
  cases: FixtureCase[];
}

export function loadFixture(name: string): { fixture: Fixture; onnxPath: string; onehot: Float32Array; n: number } {
  const fixture = JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.json`), 'utf8')) as Fixture;
  const seqs = parseSimpleFasta(readFileSync(join(FIXTURE_DIR, `${name}.fa`), 'utf8'));
  const L = fixture.length;
  const onehot = new Float32Array(seqs.length * L * 4);
  seqs.forEach((s, b) => {
    for (let i = 0; i < L; i++) {
      const c = 'ACGT'.indexOf(s[i]);
      if (c >= 0) onehot[(b * L + i) * 4 + c] = 1;
    }
  });
  return { fixture, onnxPath: join(FIXTURE_DIR, `${name}.onnx`), onehot, n: seqs.length };
}

/** Fixture FASTA files are plain multi-line ACGT records; the full reader is tested elsewhere. */
function parseSimpleFasta(text: string): string[] {
  return text.split('>').slice(1).map((rec) => rec.split('\n').slice(1).join('').trim().toUpperCase());
}

/** ‖actual − expected‖ / ‖expected‖; 0 when both are all zeros (e.g. relevance pruned away at p = 1). */
export function relativeL2(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < expected.length; i++) {
    num += (actual[i] - expected[i]) ** 2;
    den += expected[i] ** 2;
  }
  return Math.sqrt(num) / Math.max(Math.sqrt(den), 1e-30);
}

export function caseLabel(c: FixtureCase): string {
  const extra = c.method === 'lrp' ? '' : ` p=${c.p} ${c.threshold} λ:${c.lambda}`;
  return `${c.method} ${c.composite} ε=${c.params.epsilon}${extra}`;
}
