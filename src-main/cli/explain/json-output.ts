// Streams `plrp explain`'s out.json: the header first, one sequence at a time, then the footer —
// to a temporary file renamed into place at the end, so a cancelled run leaves no half file.
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { AppError } from '../../shared/errors';
import type { ExplainedRecord } from './explain-fasta';

export class JsonOutput {
  private readonly tmp: string;
  private readonly stream: WriteStream;
  private count = 0;

  constructor(private readonly path: string, header: Record<string, unknown>) {
    this.tmp = `${path}.${process.pid}.tmp`;
    this.stream = createWriteStream(this.tmp);
    const head = JSON.stringify(header);
    this.stream.write(`${head.slice(0, -1)},"sequences":[\n`);
  }

  async add(rec: ExplainedRecord): Promise<void> {
    const relevance: Record<string, number[][]> = {};
    for (const [id, r] of Object.entries(rec.relevance)) {
      const rows: number[][] = [];
      for (let i = 0; i < rec.lengthBp; i++) rows.push(Array.from(r.subarray(i * 4, i * 4 + 4)));
      relevance[id] = rows;
    }
    const entry: Record<string, unknown> = {
      name: rec.name, description: rec.description, length: rec.lengthBp, windows: rec.windows,
      padded_left_bp: rec.paddedLeftBp, target: rec.target, logit: rec.logit, output: rec.output,
      relevance, diagnostics: rec.diagnostics,
    };
    if (rec.layerRelevance) {
      entry.layer_relevance = Object.fromEntries(Object.entries(rec.layerRelevance).map(([id, perWindow]) => [id, perWindow.map((points) => points.map((l) => ({ point: l.point, shape: l.shape, before: Array.from(l.before), after: Array.from(l.after) })))]));
    }
    const ok = this.stream.write(`${this.count++ ? ',\n' : ''}${JSON.stringify(entry)}`);
    if (!ok) await once(this.stream, 'drain');
  }

  async finish(footer: Record<string, unknown> = {}): Promise<void> {
    const tail = Object.entries(footer).map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v)}`).join('');
    this.stream.end(`\n]${tail}}\n`);
    await once(this.stream, 'finish');
    try {
      await rename(this.tmp, this.path);
    } catch (e) {
      throw new AppError('IO_ERROR', `${this.path}: cannot write (${(e as Error).message})`);
    }
  }

  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.tmp, { force: true });
  }
}
