// Streams `plrp explain`'s out.json: the header first, one sequence at a time, then the footer —
// to a temporary file renamed into place at the end, so a cancelled run leaves no half file.
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { AppError } from '../../shared/errors';
import { discardOnForcedQuit } from '../cancellation';
import type { ExplainedSequence } from '../../engine/pool/explain-task';
import type { RecordInfo } from './fasta-job';
import { nonFiniteRelevanceWarning, sequenceWarnings } from '../../engine/explain/sequence-warnings';
import { magnifiedRelevanceWarning } from '../../engine/explain/pruning-warnings';
import { signWarnings } from '../../engine/explain/sign-warnings';

const sumOf = (a: Float32Array): number => { let s = 0; for (const v of a) s += v; return s; };

/** What may mislead about one explained sequence: too short, mostly N, non-finite, PLRP-magnified or sign-reversing relevance. */
export function warningsOf(info: RecordInfo, seq: ExplainedSequence, windowBp: number, receptiveFieldBp: number): string[] {
  return [
    ...sequenceWarnings(info.name, info.sequence, windowBp, undefined, receptiveFieldBp),
    ...seq.explanations.map((e) => nonFiniteRelevanceWarning(info.name, e.configId, e.relevance)).filter((w): w is string => w !== null),
    ...seq.explanations.map((e) => magnifiedRelevanceWarning(info.name, e.configId, e.diagnostics)).filter((w): w is string => w !== null),
    ...seq.explanations.flatMap((e) => signWarnings(info.name, e.configId, e.diagnostics, sumOf(e.relevance), seq.logits[seq.target], windowBp <= 0 || seq.lengthBp <= windowBp)),
  ];
}

export class JsonOutput {
  private readonly tmp: string;
  private readonly stream: WriteStream;
  private count = 0;
  /** Ends the temporary file's registration for removal on a forced quit (../cancellation). */
  private readonly forget: () => void;
  /** First write error (ENOSPC, EIO…): the stream reports it asynchronously. */
  private failure: NodeJS.ErrnoException | null = null;

  /** The model's fixed input length and receptive field (bp) from the header, for the short-sequence warning. */
  private readonly windowBp: number;
  private readonly receptiveFieldBp: number;

  /** `warn` prints a sequence's warnings (they are also stored with it). */
  constructor(private readonly path: string, header: Record<string, unknown>, private readonly warn: (message: string) => void) {
    const model = header.model as { length?: number; receptive_field_bp?: number } | undefined;
    this.windowBp = typeof model?.length === 'number' ? model.length : 0;
    this.receptiveFieldBp = typeof model?.receptive_field_bp === 'number' ? model.receptive_field_bp : 0;
    this.tmp = `${path}.${process.pid}.tmp`;
    this.stream = createWriteStream(this.tmp);
    this.forget = discardOnForcedQuit(this.tmp);
    this.stream.on('error', (e) => { this.failure ??= e; });
    const head = JSON.stringify(header);
    this.stream.write(`${head.slice(0, -1)},"sequences":[\n`);
  }

  async add(info: RecordInfo, seq: ExplainedSequence): Promise<void> {
    const entry: Record<string, unknown> = {
      name: info.name, description: info.description, length: seq.lengthBp,
      target: seq.target, logit: seq.logits[seq.target], output: Array.from(seq.output),
      relevance: Object.fromEntries(seq.explanations.map((e) => [e.configId, perPosition(e.relevance, seq.lengthBp)])),
      diagnostics: Object.fromEntries(seq.explanations.map((e) => [e.configId, e.diagnostics])),
    };
    if (seq.explanations.some((e) => Object.keys(e.metrics).length > 0)) {
      entry.metrics = Object.fromEntries(seq.explanations.map((e) => [e.configId, e.metrics]));
    }
    if (seq.explanations.some((e) => e.layerRelevance)) {
      entry.layer_relevance = Object.fromEntries(seq.explanations.map((e) => [e.configId, (e.layerRelevance ?? []).map((points) => points.map((l) => ({ point: l.point, shape: l.shape, before: Array.from(l.before), after: Array.from(l.after) })))]));
    }
    const warnings = warningsOf(info, seq, this.windowBp, this.receptiveFieldBp);
    if (warnings.length > 0) {
      entry.warnings = warnings;
      for (const w of warnings) this.warn(w);
    }
    if (this.failure) throw this.ioError(this.failure);
    const ok = this.stream.write(`${this.count++ ? ',\n' : ''}${JSON.stringify(entry)}`);
    if (!ok) await once(this.stream, 'drain').catch((e: NodeJS.ErrnoException) => { throw this.ioError(e); });
  }

  async finish(footer: Record<string, unknown> = {}): Promise<void> {
    const tail = Object.entries(footer).map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v)}`).join('');
    if (this.failure) throw this.ioError(this.failure);
    this.stream.end(`\n]${tail}}\n`);
    await once(this.stream, 'finish').catch((e: NodeJS.ErrnoException) => { throw this.ioError(e); });
    try {
      await rename(this.tmp, this.path);
      this.forget();
    } catch (e) {
      throw new AppError('IO_ERROR', `${this.path}: cannot write (${(e as Error).message})`);
    }
  }

  /** A full disk or failing device, as the user-facing error naming the final file. */
  private ioError(e: NodeJS.ErrnoException): AppError {
    return new AppError('IO_ERROR', `${this.path}: cannot write (${e.code ?? e.message}); nothing was written under this name`, { cause: e });
  }

  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.tmp, { force: true });
    this.forget();
  }
}

/** [L, 4] flat → [[A, C, G, T] per position]. */
function perPosition(r: Float32Array, lengthBp: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < lengthBp; i++) rows.push([r[i * 4], r[i * 4 + 1], r[i * 4 + 2], r[i * 4 + 3]]);
  return rows;
}
