// Gathers what a report shows beyond out.json itself: checksums of the input files (when they are
// still where the run read them), the model card (by opening the model, if present), the sequence
// letters (from the FASTA), the p sweep of a `plrp reproduce` folder and the library versions.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readFastaAll } from '../../engine/genomics/fasta';
import { openModel } from '../../engine/explain/open-model';
import type { ModelInfo } from '../../engine/explain/types';
import type { OutJson } from '../../engine/report/out-json';
import type { InputChecksum, ReportInput } from '../../engine/report/report-html';
import type { ReportSource } from '../../engine/report/report-predictions';
import type { ModelSweep } from '../../engine/reproduce/sweep-result';
import { AppError } from '../../shared/errors';
import { sha256File } from '../file-hash';

export interface CollectOptions {
  title?: string;
  /** Sequence names for figures; default the first 5. */
  sequences?: string[];
  reproduceDir?: string;
  /** The cached run or out.json the document came from, named in the report where it lists only some sequences. */
  source?: ReportSource;
}

const require = createRequire(import.meta.url);

function versionOf(pkg: string): string {
  try {
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

export function libraryVersions(): Record<string, string> {
  return {
    node: process.versions.node,
    ...(process.versions.electron ? { electron: process.versions.electron } : {}),
    'onnxruntime-node': versionOf('onnxruntime-node'),
    'better-sqlite3': versionOf('better-sqlite3'),
    zod: versionOf('zod'),
    platform: `${process.platform} ${process.arch}`,
  };
}

async function checksum(role: string, path: string | null | undefined, expected?: string): Promise<InputChecksum | null> {
  if (!path) return null;
  if (!existsSync(path)) return { role, path, sha256: expected ?? null, note: expected ? 'file not found; checksum from the run' : 'file not found' };
  const sha = await sha256File(path);
  const note = expected && expected !== sha ? `CHANGED since the run (run had ${expected})` : expected ? 'matches the run' : '';
  return { role, path, sha256: sha, note };
}

async function readSweeps(dir: string): Promise<ModelSweep[]> {
  const file = join(dir, 'reproduce.json');
  if (!existsSync(file)) throw new AppError('FILE_NOT_FOUND', `${file}: no reproduce.json (run plrp reproduce --out ${dir} first)`);
  const parsed = JSON.parse(await readFile(file, 'utf8')) as { sweeps?: ModelSweep[] };
  if (!Array.isArray(parsed.sweeps)) throw new AppError('BAD_CONFIG', `${file}: no "sweeps" array`);
  return parsed.sweeps;
}

export async function collectReportInput(doc: OutJson, o: CollectOptions = {}): Promise<ReportInput> {
  const names = o.sequences && o.sequences.length > 0 ? o.sequences : doc.sequences.slice(0, 5).map((s) => s.name);
  const known = new Set(doc.sequences.map((s) => s.name));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length) throw new AppError('USAGE', `--sequences: not in this run: ${unknown.join(', ')}`);
  let modelInfo: ModelInfo | null = null;
  if (existsSync(doc.model.path)) {
    const model = await openModel(doc.model.path);
    modelInfo = model.info;
    await model.close();
  }
  const letters = existsSync(doc.fasta) ? new Map((await readFastaAll(doc.fasta)).map((r) => [r.name, r.sequence])) : null;
  const inputs = (await Promise.all([
    checksum('model', doc.model.path, doc.model.sha256),
    checksum('FASTA', doc.fasta),
    checksum('ground truth', doc.ground_truth),
    checksum('motifs', doc.motifs?.file ?? null),
  ])).filter((x): x is InputChecksum => x !== null);
  return {
    title: o.title ?? `PLRP report: ${doc.model.path.split('/').pop()} on ${doc.fasta.split('/').pop()}`,
    doc, letters, modelInfo, inputs, versions: libraryVersions(),
    sweeps: o.reproduceDir ? await readSweeps(o.reproduceDir) : null,
    figureSequences: names,
    generatedAt: new Date().toISOString(),
    source: o.source ?? null,
  };
}
