// Gathers what a report shows beyond out.json itself: checksums of the input files (when they are
// still where the run read them), the model card (by opening the model, if present), the sequence
// letters (a cached run's from the cache, as explained; an out.json's from its FASTA as it is now),
// the p sweep of a `plrp reproduce` folder and the library versions.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { readFastaAll } from '../../engine/genomics/fasta';
import { fetchRegion } from '../../engine/genomics/region';
import { outputLabels as manifestOutputLabels } from '../../engine/explain/model-manifest';
import { outJsonRegions } from '../../engine/report/out-json-regions';
import { openModel } from '../../engine/explain/open-model';
import type { ModelInfo } from '../../engine/explain/types';
import type { OutJson } from '../../engine/report/out-json';
import type { InputChecksum, PartialRun, ReportInput } from '../../engine/report/report-html';
import type { ReportSource } from '../../engine/report/report-predictions';
import type { ModelSweep } from '../../engine/reproduce/sweep-result';
import { AppError } from '../../shared/errors';
import type { GenomePlace } from '../../shared/run-api';
import { regionsName } from '../../shared/regions-name';
import { sha256File } from '../file-hash';
import { RunGroundTruth } from '../run-ground-truth';
import { outJsonRegionInput } from './out-json-region-input';
import { fastaInputSha256, regionsInputSha256, type StoredRegionPlace } from '../ingest-fasta';

export interface CollectOptions {
  /** The report's title (plrp report --title); default "PLRP report: <label or model> on <input>". */
  title?: string;
  /** The run's label, named in the default title instead of the model. */
  runLabel?: string | null;
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
  /** The model's output names the run used (RunSummary.outputLabels), or null. */
  outputLabels: string[] | null;
  /** Path → the name of the file the user picked, for inputs uploaded in the app (StoredRequest.uploadNames). */
  uploadNames: Readonly<Record<string, string>>;
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
 * The sha256 shown is the file's as it is now, which is not the run's input checksum: the note
 * says so, lest a reader cite it as the run's input (a region run's FASTA may have changed
 * outside its regions, and any run's FASTA may have been re-wrapped).
 */
async function runFastaChecksum(path: string, run: CachedRunInput): Promise<{ checksum: InputChecksum; changed: boolean }> {
  const drawn = 'the figures draw the letters the run explained, from the run cache';
  const recorded = run.inputSha256;
  if (!existsSync(path)) return { checksum: { role: 'FASTA', path, sha256: null, note: `file not found; ${drawn} (run input checksum ${recorded})` }, changed: false };
  const sha = await sha256File(path);
  // A region run explained pieces of the FASTA: those pieces, cut again, are what must match.
  const places = run.regionPlaces();
  let now: string;
  try {
    now = places ? await regionsInputSha256(path, places) : await fastaInputSha256(path);
  } catch (e) {
    return { checksum: { role: 'FASTA', path, sha256: sha, note: `file now; CHANGED since the run: no longer readable as FASTA (${(e as Error).message}); ${drawn} (run input checksum ${recorded})` }, changed: true };
  }
  if (now === recorded) {
    const what = places ? `the letters the run explained at its ${places.length} regions still match` : 'the names and letters the run explained still match';
    return { checksum: { role: 'FASTA', path, sha256: sha, note: `${fileNow(places !== null)}; ${what} (run input checksum ${recorded}, of those names and letters)` }, changed: false };
  }
  return { checksum: { role: 'FASTA', path, sha256: sha, note: `file now; CHANGED since the run: its names or letters differ from those explained (run input checksum ${recorded}, now ${now}); ${drawn}` }, changed: true };
}

/** What the sha256 beside a FASTA is: the file as it is now, not the run's input checksum. */
function fileNow(regions: boolean): string {
  return `file now: this sha256 is of the whole file as it is today${regions ? ' (edits outside the regions change it)' : ''}, not the run's input checksum`;
}

/** A region document's regions, read where the report needs them: letters, places, and the title. */
interface RegionView {
  strings: string[];
  bed: string | null;
  places: Map<string, GenomePlace>;
  /** Letters of the regions as the FASTA holds them now, by name; null when they cannot be read. */
  letters: ((names: readonly string[]) => Promise<Map<string, string>>) | null;
}

async function regionView(doc: OutJson, o: CollectOptions): Promise<RegionView | null> {
  if (o.run) {
    const stored = o.run.regionPlaces();
    if (!stored) return null;
    return { strings: doc.regions?.strings ?? [], bed: doc.regions?.bed ?? null, places: new Map(stored.map((r) => [r.name, r.place])), letters: null };
  }
  const source = o.source && 'outJson' in o.source ? o.source.outJson : 'out.json';
  const found = outJsonRegions(doc, source);
  if (!found) return null;
  const places = new Map(found.regions.map((r) => [r.name, { chrom: r.chrom, startBp: r.start }]));
  let input = null;
  try {
    input = existsSync(doc.fasta) ? await outJsonRegionInput(doc, doc.fasta, source) : null;
  } catch {
    // A FASTA the regions no longer fit in: the regions are known, their letters are not.
  }
  if (!input && !found.recorded) return null;
  const resolved = input?.resolved;
  const letters = resolved
    ? async (names: readonly string[]): Promise<Map<string, string>> => {
      const wanted = new Set(names);
      const out = new Map<string, string>();
      for (const r of resolved.regions) if (wanted.has(r.name)) out.set(r.name, await fetchRegion(resolved.fastaPath, resolved.entries.get(r.chrom)!, r));
      return out;
    }
    : null;
  return { strings: found.strings, bed: found.bed, places, letters };
}

/** Each figure sequence's ground-truth regions as its explanations were scored against them; null without a BED. */
function groundTruthOf(doc: OutJson, names: readonly string[], labels: string[] | null, places: Map<string, GenomePlace> | undefined, notes: string[]): Map<string, { startBp: number; endBp: number; name: string }[]> | null {
  if (!doc.ground_truth) return null;
  let gt: RunGroundTruth | null;
  try {
    gt = RunGroundTruth.readIfPresent(doc.ground_truth, labels);
  } catch (e) {
    notes.push(`The figures draw no ground-truth track: ${(e as Error).message}`);
    return null;
  }
  if (!gt) {
    notes.push(`The figures draw no ground-truth track: the ground-truth BED ${doc.ground_truth} is not there any more.`);
    return null;
  }
  const out = new Map<string, { startBp: number; endBp: number; name: string }[]>();
  for (const name of names) {
    const s = doc.sequences.find((q) => q.name === name)!;
    // The regions its explanation is scored against (a multitask run lists other outputs' too).
    out.set(name, gt.regions({ name, lengthBp: s.length, place: places?.get(name) ?? null }, s.target).filter((r) => r.scored));
  }
  return out;
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
  const regions = await regionView(doc, o);
  const fasta = o.run ? await runFastaChecksum(doc.fasta, o.run) : null;
  const figureIdx = names.map((n) => doc.sequences.findIndex((s) => s.name === n));
  const letters = o.run
    ? o.run.lettersAt(figureIdx)
    : regions
      // A region document's names are regions, not FASTA records: their letters are cut from the FASTA.
      ? regions.letters ? await regions.letters(names) : null
      : existsSync(doc.fasta) ? new Map((await readFastaAll(doc.fasta)).map((r) => [r.name, r.sequence])) : null;
  // out.json records the FASTA's path only: its letters now may not be the ones explained.
  const outJsonFasta = async (): Promise<InputChecksum | null> => {
    const c = await checksum('FASTA', doc.fasta);
    const at = regions ? ` at the run's ${regions.places.size} regions` : '';
    return c && c.sha256 ? { ...c, note: `file now; out.json records no checksum of its FASTA, so it cannot be checked against the run; the figures draw the letters of the file as it is now${at}` } : c;
  };
  const inputs = (await Promise.all([
    checksum('model', doc.model.path, doc.model.sha256),
    fasta ? fasta.checksum : outJsonFasta(),
    regions?.bed ? checksum('regions BED', regions.bed).then((c) => (c?.sha256 ? { ...c, note: 'file now; the run recorded no checksum of it (the regions it explained are the ones listed with each sequence)' } : c)) : null,
    checksum('ground truth', doc.ground_truth),
    checksum('motifs', doc.motifs?.file ?? null),
  ])).filter((x): x is InputChecksum => x !== null);
  const notices = fasta?.changed ? [`The FASTA ${doc.fasta} changed since the run: its names or letters are not the ones explained. The relevance figures draw the letters the run explained, from the run cache.`] : [];
  // What the run reported while it ran (how it scored its ground truth, where it was imported
  // from) informs; it is no warning.
  const notes = [...(o.run?.notices ?? [])];
  const uploadNames = o.run?.uploadNames ?? {};
  const labels = o.run ? o.run.outputLabels : manifestOutputLabels(doc.model.path);
  const fastaName = basename(doc.fasta);
  const inputName = regions ? `${fastaName} · ${regionsName({ strings: regions.strings, bedName: regions.bed ? basename(regions.bed) : null }, doc.sequences.length, REGIONS_IN_TITLE)}` : fastaName;
  // Before the notes are named: it adds one when the BED cannot be drawn.
  const groundTruth = groundTruthOf(doc, names, labels, regions?.places, notes);
  return {
    title: o.title ?? `PLRP report: ${o.runLabel ?? basename(doc.model.path)} on ${inputName}`,
    inputName,
    doc, letters, modelInfo, inputs: inputs.map((i) => namedUpload(i, uploadNames)),
    notices: notices.map((n) => withUploadNames(n, uploadNames)), notes: notes.map((n) => withUploadNames(n, uploadNames)),
    partial: o.run?.partial ?? null, versions: libraryVersions(),
    sweeps: o.reproduceDir ? await readSweeps(o.reproduceDir) : null,
    figureSequences: names,
    generatedAt: new Date().toISOString(),
    source: o.source ?? null,
    outputLabels: labels,
    places: regions?.places ?? null,
    groundTruth,
    uploadNames,
  };
}

/**
 * An input uploaded in the app, named by the file the user picked: the temporary folder the host
 * stored it in means nothing to the reader (as the app's error messages name uploads,
 * server/api/file-registry.ts nameUploads).
 */
function namedUpload(input: InputChecksum, uploadNames: Readonly<Record<string, string>>): InputChecksum {
  const name = uploadNames[input.path];
  if (name === undefined) return input;
  return { ...input, path: name, note: ['uploaded in the app', withUploadNames(input.note ?? '', uploadNames)].filter((s) => s !== '').join('; ') };
}

/** `text` with every uploaded input's path replaced by its file name. */
function withUploadNames(text: string, uploadNames: Readonly<Record<string, string>>): string {
  let out = text;
  for (const [path, name] of Object.entries(uploadNames)) out = out.split(path).join(name);
  return out;
}

/** Typed regions the title names; the rest go by "…" (the report's inputs list the BED). */
const REGIONS_IN_TITLE = 3;
