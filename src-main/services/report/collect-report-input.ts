// Gathers what a report shows beyond out.json itself: checksums of the input files (when they are
// still where the run read them), the model card (by opening the model, if present), the sequence
// letters (a cached run's from the cache, as explained; an out.json's from its FASTA as it is now),
// the p sweep of a `plrp reproduce` folder and the library versions.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readFastaAll } from '../../engine/genomics/fasta';
import { openModel } from '../../engine/explain/open-model';
import type { ModelInfo } from '../../engine/explain/types';
import type { OutJson } from '../../engine/report/out-json';
import type { InputChecksum, PartialRun, ReportInput } from '../../engine/report/report-html';
import type { ReportSource } from '../../engine/report/report-predictions';
import type { ModelSweep } from '../../engine/reproduce/sweep-result';
import { AppError } from '../../shared/errors';
import { sha256File } from '../file-hash';
import { fastaInputSha256, regionsInputSha256, type StoredRegionPlace } from '../ingest-fasta';

export interface CollectOptions {
  title?: string;
  /** Sequence names for figures; default the first 5. */
  sequences?: string[];
  reproduceDir?: string;
  /** The cached run or out.json the document came from, named in the report where it lists only some sequences. */
  source?: ReportSource;
  /** A cached run: the letters it explained and the input checksum it recorded. */
  run?: CachedRunInput;
}

/** What the run cache knows of a run's input, which out.json does not record. */
export interface CachedRunInput {
  /** RunSummary.inputSha256: the checksum of the names and letters the run explained. */
  inputSha256: string;
  /** Letters of the sequences at these positions (the run's order), by name, from the cache. */
  lettersAt(indices: readonly number[]): Map<string, string>;
  /** Set for a run that is not done: the report is over the sequences it computed. */
  partial: PartialRun | null;
  /** What the run reported while it ran (RunSummary.notices), e.g. how it read its ground truth. */
  notices: string[];
  /** A region run's regions and where they were cut from; null for a run of the FASTA's records. */
  regionPlaces(): StoredRegionPlace[] | null;
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

/**
 * The FASTA of a cached run, checked against the input checksum the run recorded (of names and
 * letters, so a re-wrapped file still matches); the figures draw the cache's letters either way.
 */
async function runFastaChecksum(path: string, run: CachedRunInput): Promise<{ checksum: InputChecksum; changed: boolean }> {
  const drawn = 'the figures draw the letters the run explained, from the run cache';
  const recorded = run.inputSha256;
  if (!existsSync(path)) return { checksum: { role: 'FASTA', path, sha256: null, note: `file not found; ${drawn}` }, changed: false };
  const sha = await sha256File(path);
  // A region run explained pieces of the FASTA: those pieces, cut again, are what must match.
  const places = run.regionPlaces();
  let now: string;
  try {
    now = places ? await regionsInputSha256(path, places) : await fastaInputSha256(path);
  } catch (e) {
    return { checksum: { role: 'FASTA', path, sha256: sha, note: `CHANGED since the run: no longer readable as FASTA (${(e as Error).message}); ${drawn}` }, changed: true };
  }
  if (now === recorded) return { checksum: { role: 'FASTA', path, sha256: sha, note: places ? `matches the run (the same letters at its ${places.length} regions)` : 'matches the run (the same names and letters)' }, changed: false };
  return { checksum: { role: 'FASTA', path, sha256: sha, note: `CHANGED since the run: its names or letters differ from those explained (run input ${recorded}, now ${now}); ${drawn}` }, changed: true };
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
  const fasta = o.run ? await runFastaChecksum(doc.fasta, o.run) : null;
  const letters = o.run
    ? o.run.lettersAt(names.map((n) => doc.sequences.findIndex((s) => s.name === n)))
    : existsSync(doc.fasta) ? new Map((await readFastaAll(doc.fasta)).map((r) => [r.name, r.sequence])) : null;
  // out.json records the FASTA's path only: its letters now may not be the ones explained.
  const outJsonFasta = async (): Promise<InputChecksum | null> => {
    const c = await checksum('FASTA', doc.fasta);
    return c && c.sha256 ? { ...c, note: 'out.json records no checksum of its FASTA, so it cannot be checked against the run; the figures draw the letters of the file as it is now' } : c;
  };
  const inputs = (await Promise.all([
    checksum('model', doc.model.path, doc.model.sha256),
    fasta ? fasta.checksum : outJsonFasta(),
    checksum('ground truth', doc.ground_truth),
    checksum('motifs', doc.motifs?.file ?? null),
  ])).filter((x): x is InputChecksum => x !== null);
  const notices = fasta?.changed ? [`The FASTA ${doc.fasta} changed since the run: its names or letters are not the ones explained. The relevance figures draw the letters the run explained, from the run cache.`] : [];
  notices.push(...(o.run?.notices ?? []));
  return {
    title: o.title ?? `PLRP report: ${doc.model.path.split('/').pop()} on ${doc.fasta.split('/').pop()}`,
    doc, letters, modelInfo, inputs, notices, partial: o.run?.partial ?? null, versions: libraryVersions(),
    sweeps: o.reproduceDir ? await readSweeps(o.reproduceDir) : null,
    figureSequences: names,
    generatedAt: new Date().toISOString(),
    source: o.source ?? null,
  };
}
