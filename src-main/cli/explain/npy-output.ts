// `plrp explain --out rel.npy`: one explanation of every sequence as an [N, L, 4] float32 array.
// A .npy holds numbers only, so each sequence's warnings are printed (as with out.json) but not kept.
import { AppError } from '../../shared/errors';
import { writeNpy } from '../../engine/export/npy';
import type { ModelInfo } from '../../engine/explain/types';
import type { ExplainedSequence } from '../../engine/pool/explain-task';
import type { RecordInfo } from './fasta-job';
import { warningsOf } from './json-output';

export class NpyOutput {
  private readonly parts: Float32Array[] = [];
  private lengthBp = -1;

  constructor(
    private readonly path: string,
    private readonly id: string,
    private readonly model: Pick<ModelInfo, 'lengthBp' | 'receptiveFieldBp'>,
    private readonly warn: (message: string) => void,
  ) {}

  async add(info: RecordInfo, seq: ExplainedSequence): Promise<void> {
    if (this.lengthBp >= 0 && seq.lengthBp !== this.lengthBp) {
      throw new AppError('USAGE', `--out ${this.path}: sequences have different lengths (${this.lengthBp} and ${seq.lengthBp} bp); an [N, L, 4] .npy needs one length — use out.json`);
    }
    this.lengthBp = seq.lengthBp;
    for (const w of warningsOf(info, seq, this.model.lengthBp, this.model.receptiveFieldBp ?? 0)) this.warn(w);
    this.parts.push(seq.explanations.find((e) => e.configId === this.id)!.relevance);
  }

  async finish(): Promise<void> {
    const L = Math.max(this.lengthBp, 0);
    const data = new Float32Array(this.parts.length * L * 4);
    this.parts.forEach((p, i) => data.set(p, i * L * 4));
    await writeNpy(this.path, data, [this.parts.length, L, 4]);
  }

  async abort(): Promise<void> {}
}
