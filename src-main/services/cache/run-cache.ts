// The run cache: every read and write of the SQLite database goes through this class, in the main
// (or server) process only — workers never open the database. Per-explanation rows make partial
// reuse possible; transactions of whole sequences (services/run-job.ts stores a batch in several,
// yielding between them) make a killed process lose at most the batches in flight.
import type Database from 'better-sqlite3';
import type { ExplainConfig } from '../../shared/explain-config';
import type { GenomePlace } from '../../shared/run-api';
import { decodeFloat32, decodeText, encodeFloat32, encodeText } from './blob-codec';
import type { BatchWrite, PredictionRow, ResultNumbers, ResultRow, RunExplanation, StoredRun, StoredSequence } from './cache-types';
import { closeCacheDb, openCacheDb, type OpenCacheOptions } from './open-cache-db';
import { collectGarbage } from './garbage';
import { parseRun, type RunRecord } from './run-record';
import { writeAnnotations } from './write-annotations';
import { writeLayers } from './layer-store';
import { writeWarnings } from './warning-store';
import { fillPredictions } from './fill-predictions';

/** The columns of a run that change after it is stored. */
type RunPatch = Partial<Pick<StoredRun, 'status' | 'startedAt' | 'finishedAt' | 'computeMs' | 'error' | 'notices' | 'ownerPid' | 'ownerSeenAt' | 'request'>>;

export class RunCache {
  readonly db: Database.Database;
  /**
   * What opening the file told this process (a file moved aside, a format upgrade done), kept so
   * the app can show it: there, a message on stderr reaches nobody. The note that an upgrade is
   * starting goes only to the caller's onMessage (stderr, the log): shown afterwards it is stale.
   */
  readonly openingNotices: string[] = [];

  constructor(readonly path: string, options: OpenCacheOptions = {}) {
    this.db = openCacheDb(path, {
      ...options,
      onUpgradeStarting: options.onUpgradeStarting ?? options.onMessage,
      onMessage: (m) => {
        this.openingNotices.push(m);
        options.onMessage?.(m);
      },
    });
  }

  close(): void {
    closeCacheDb(this.db, this.path);
  }

  private readonly statements = new Map<string, Database.Statement>();

  /**
   * A statement prepared once for the connection's life. Preparing costs about 15 µs, five times
   * a one-row read, and the app and the exports read hits, seqlets and results sequence by sequence.
   * Only for statements used in one mode (not toggled with pluck or raw elsewhere).
   */
  statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  upsertModel(sha256: string, name: string, info: unknown): void {
    this.db
      .prepare('INSERT INTO models (sha256, name, info_json, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET name = excluded.name, info_json = excluded.info_json')
      .run(sha256, name, JSON.stringify(info), Date.now());
  }

  /**
   * The model's row unless the cache has one: an import knows less about the model than a run
   * computed here (which keeps its local path and input length), so it never replaces that.
   */
  addModel(sha256: string, name: string, info: unknown): void {
    this.db.prepare('INSERT OR IGNORE INTO models (sha256, name, info_json, created_at) VALUES (?, ?, ?, ?)').run(sha256, name, JSON.stringify(info), Date.now());
  }

  hasCompleteInput(sha256: string): boolean {
    const row = this.db.prepare('SELECT complete FROM inputs WHERE sha256 = ?').get(sha256) as { complete: number } | undefined;
    return row?.complete === 1;
  }

  /** Starts (or restarts, after a crash while storing) storing a sequence set. */
  beginInput(sha256: string, name: string): void {
    this.db.transaction(() => {
      this.db.prepare('INSERT OR IGNORE INTO inputs (sha256, name, sequence_count, complete, created_at) VALUES (?, ?, 0, 0, ?)').run(sha256, name, Date.now());
      this.db.prepare('DELETE FROM input_sequences WHERE input_sha = ?').run(sha256);
    })();
  }

  addSequences(inputSha: string, sequences: StoredSequence[]): void {
    const insert = this.db.prepare('INSERT INTO input_sequences (input_sha, idx, name, length_bp, letters, chrom, start_bp) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const s of sequences) insert.run(inputSha, s.idx, s.name, s.lengthBp, encodeText(s.letters), s.place?.chrom ?? null, s.place?.startBp ?? null);
    })();
  }

  completeInput(sha256: string, count: number): void {
    this.db.prepare('UPDATE inputs SET complete = 1, sequence_count = ? WHERE sha256 = ?').run(count, sha256);
  }

  inputCount(sha256: string): number {
    const row = this.statement('SELECT sequence_count AS n FROM inputs WHERE sha256 = ?').get(sha256) as { n: number } | undefined;
    return row?.n ?? 0;
  }

  /** Sequences with fromIdx ≤ idx < toIdx, in order. */
  readSequences(inputSha: string, fromIdx: number, toIdx: number): StoredSequence[] {
    const rows = this.db
      .prepare('SELECT idx, name, length_bp, letters, chrom, start_bp FROM input_sequences WHERE input_sha = ? AND idx >= ? AND idx < ? ORDER BY idx')
      .all(inputSha, fromIdx, toIdx) as { idx: number; name: string; length_bp: number; letters: Buffer; chrom: string | null; start_bp: number | null }[];
    return rows.map((r) => ({
      idx: r.idx, name: r.name, lengthBp: r.length_bp, letters: decodeText(r.letters),
      ...(r.chrom === null ? {} : { place: { chrom: r.chrom, startBp: r.start_bp ?? 0 } }),
    }));
  }

  /**
   * Records [offset, offset + limit) of an input. A record's idx is its position in the FASTA
   * (dense from 0), so a page is a key range: an OFFSET made SQLite step over every earlier row.
   */
  sequenceNames(inputSha: string, offset: number, limit: number): { idx: number; name: string; lengthBp: number; place: GenomePlace | null }[] {
    const rows = this.statement('SELECT idx, name, length_bp, chrom, start_bp FROM input_sequences WHERE input_sha = ? AND idx >= ? AND idx < ? ORDER BY idx')
      .all(inputSha, offset, offset + limit) as { idx: number; name: string; length_bp: number; chrom: string | null; start_bp: number | null }[];
    return rows.map((r) => ({ idx: r.idx, name: r.name, lengthBp: r.length_bp, place: r.chrom === null ? null : { chrom: r.chrom, startBp: r.start_bp ?? 0 } }));
  }

  insertRun(run: StoredRun, explanations: { explId: string; explKey: string; config: ExplainConfig; canonical: string }[]): void {
    this.db.transaction(() => {
      this.db
        .prepare(`INSERT INTO runs (id, label, status, model_sha, input_sha, model_name, fasta_name, request_json, target,
          engine_version, created_at, started_at, finished_at, compute_ms, error_json, notices_json, owner_pid, owner_seen_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(run.id, run.label, run.status, run.modelSha, run.inputSha, run.modelName, run.fastaName, JSON.stringify(run.request),
          JSON.stringify(run.target), run.engineVersion, run.createdAt, run.startedAt, run.finishedAt, run.computeMs,
          run.error ? JSON.stringify(run.error) : null, JSON.stringify(run.notices), run.ownerPid, run.ownerSeenAt);
      this.insertExplanations(run, explanations);
      const link = this.db.prepare('INSERT INTO run_explanations (run_id, expl_id, expl_key, position, config_json, cached) VALUES (?, ?, ?, ?, ?, ?)');
      explanations.forEach((e, position) => link.run(run.id, e.explId, e.explKey, position, JSON.stringify(e.config), 0));
    })();
  }

  /**
   * The explanations' rows (kept if already there), which their results refer to. insertRun adds
   * them; an import stores its results before the run, so that the run appears only once complete.
   */
  insertExplanations(run: Pick<StoredRun, 'modelSha' | 'inputSha' | 'target' | 'engineVersion' | 'createdAt'>, explanations: { explKey: string; canonical: string }[]): void {
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO explanations (key, model_sha, input_sha, canonical, target, engine_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const e of explanations) insert.run(e.explKey, run.modelSha, run.inputSha, e.canonical, JSON.stringify(run.target), run.engineVersion, run.createdAt);
  }

  updateRun(id: string, patch: RunPatch): void {
    this.patchRun(id, patch, '', []);
  }

  /** Applies `patch` to run `id` where also `condition` (SQL after WHERE id = ?) holds; true if it did. */
  private patchRun(id: string, patch: RunPatch, condition: string, conditionArgs: unknown[]): boolean {
    const columns: Record<string, unknown> = {
      status: patch.status,
      started_at: patch.startedAt,
      finished_at: patch.finishedAt,
      compute_ms: patch.computeMs,
      error_json: patch.error === undefined ? undefined : patch.error === null ? null : JSON.stringify(patch.error),
      notices_json: patch.notices === undefined ? undefined : JSON.stringify(patch.notices),
      owner_pid: patch.ownerPid,
      owner_seen_at: patch.ownerSeenAt,
      request_json: patch.request === undefined ? undefined : JSON.stringify(patch.request),
    };
    const set = Object.entries(columns).filter(([, v]) => v !== undefined);
    if (set.length === 0) return false;
    const sql = `UPDATE runs SET ${set.map(([k]) => `${k} = ?`).join(', ')} WHERE id = ? ${condition}`;
    return this.db.prepare(sql).run(...set.map(([, v]) => v), id, ...conditionArgs).changes > 0;
  }

  /**
   * Renews process `pid`'s claim on a run it computes (services/run-owner.ts). A mark of
   * interruption that another process left while the claim had lapsed is undone. False when the
   * run is gone or another process has claimed it.
   */
  renewClaim(runId: string, pid: number, now: number): boolean {
    return this.patchRun(runId, { status: 'running', finishedAt: null, error: null, ownerPid: pid, ownerSeenAt: now },
      "AND (owner_pid = ? OR (owner_pid IS NULL AND status IN ('running', 'queued', 'cancelled')))", [pid]);
  }

  /** Settles a run that process `pid` computed, unless another process has claimed it since. */
  settleOwnRun(runId: string, pid: number, patch: Pick<StoredRun, 'status' | 'finishedAt' | 'error'>): void {
    this.patchRun(runId, { ...patch, ownerPid: null }, 'AND (owner_pid = ? OR owner_pid IS NULL)', [pid]);
  }

  markExplanationCached(runId: string, explId: string): void {
    this.db.prepare('UPDATE run_explanations SET cached = 1 WHERE run_id = ? AND expl_id = ?').run(runId, explId);
  }

  getRun(id: string): StoredRun | undefined {
    const row = this.statement('SELECT * FROM runs WHERE id = ?').get(id) as RunRecord | undefined;
    return row ? parseRun(row) : undefined;
  }

  /** Ids of the runs whose id starts with `prefix`, newest first. */
  runIdsWithPrefix(prefix: string): string[] {
    return this.db.prepare('SELECT id FROM runs WHERE substr(id, 1, ?) = ? ORDER BY created_at DESC, id').pluck().all(prefix.length, prefix) as string[];
  }

  listRuns(): StoredRun[] {
    return (this.db.prepare('SELECT * FROM runs ORDER BY created_at DESC, id').all() as RunRecord[]).map(parseRun);
  }

  runExplanations(runId: string): RunExplanation[] {
    const rows = this.statement('SELECT expl_id, expl_key, position, config_json, cached FROM run_explanations WHERE run_id = ? ORDER BY position')
      .all(runId) as { expl_id: string; expl_key: string; position: number; config_json: string; cached: number }[];
    return rows.map((r) => ({
      explId: r.expl_id, explKey: r.expl_key, position: r.position, config: JSON.parse(r.config_json) as ExplainConfig, cached: r.cached === 1,
    }));
  }

  /** Sequence indices that already have a stored result for this explanation. */
  doneIndices(explKey: string): Set<number> {
    const rows = this.db.prepare('SELECT idx FROM results WHERE expl_key = ?').pluck().all(explKey) as number[];
    return new Set(rows);
  }

  /**
   * Sequences whose seqlets of this explanation are called: a batch stores a record for each, empty
   * without seqlets. A result without one (a run's null sample is stored before its seqlets are
   * called, run-seqlet-sample.ts) still needs them.
   */
  seqletIndices(explKey: string): Set<number> {
    return new Set(this.db.prepare('SELECT idx FROM seqlet_sets WHERE expl_key = ?').pluck().all(explKey) as number[]);
  }

  /** Whether every explanation of the run has its seqlets called on `count` sequences. */
  seqletsComplete(runId: string, count: number): boolean {
    const fewest = this.db.prepare(`SELECT MIN((SELECT count(*) FROM seqlet_sets s WHERE s.expl_key = re.expl_key))
      FROM run_explanations re WHERE re.run_id = ?`).pluck().get(runId) as number | null;
    return (fewest ?? 0) >= count;
  }

  /** Sequences with results for every explanation of the run. */
  sequencesDone(runId: string): number {
    const row = this.db
      .prepare(`SELECT MIN(n) AS n FROM (SELECT (SELECT count(*) FROM results r WHERE r.expl_key = re.expl_key) AS n
        FROM run_explanations re WHERE re.run_id = ?)`)
      .get(runId) as { n: number | null };
    return row.n ?? 0;
  }

  writeBatch(batch: BatchWrite): void {
    const pred = this.db.prepare('INSERT OR REPLACE INTO predictions (model_sha, input_sha, idx, output, logits) VALUES (?, ?, ?, ?, ?)');
    const result = this.db.prepare(`INSERT OR IGNORE INTO results (expl_key, idx, target, length_bp, relevance, sum, abs_sum, min, max,
      diagnostics_json, metrics_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    // better-sqlite3 binds Buffers: a blob from a worker arrives as a plain Uint8Array (no copy here).
    const encoded = batch.results.map(({ explKey, row }) => ({
      explKey, row, blob: row.blob ? Buffer.from(row.blob.buffer, row.blob.byteOffset, row.blob.byteLength) : encodeFloat32(row.relevance),
    }));
    this.db.transaction(() => {
      if (batch.fillPredictions) fillPredictions(this.db, batch.modelSha, batch.inputSha, batch.predictions);
      else for (const p of batch.predictions) pred.run(batch.modelSha, batch.inputSha, p.idx, encodeFloat32(p.output), encodeFloat32(p.logits));
      for (const { explKey, row, blob } of encoded) {
        result.run(explKey, row.idx, row.target, row.lengthBp, blob, row.sum, row.absSum, row.min, row.max,
          row.diagnosticsJson ?? JSON.stringify(row.diagnostics), row.metricsJson ?? JSON.stringify(row.metrics));
      }
      if (batch.annotations) writeAnnotations(this.db, batch.annotations);
      if (batch.layers) writeLayers(this.db, batch.layers);
      if (batch.warnings) writeWarnings(this.db, batch.warnings);
    })();
  }

  /** How many sequences the run has scanned for motifs. */
  scannedCount(runId: string): number {
    return this.db.prepare('SELECT count(*) FROM run_scanned WHERE run_id = ?').pluck().get(runId) as number;
  }

  /** Sequences the run has scanned for motifs. */
  scannedIndices(runId: string): Set<number> {
    return new Set(this.db.prepare('SELECT idx FROM run_scanned WHERE run_id = ?').pluck().all(runId) as number[]);
  }

  /** The stored diagnostics JSON of one result, parsed; undefined when there is no result yet. */
  readDiagnostics(explKey: string, idx: number): unknown {
    const text = this.db.prepare('SELECT diagnostics_json FROM results WHERE expl_key = ? AND idx = ?').pluck().get(explKey, idx) as string | undefined;
    return text === undefined ? undefined : JSON.parse(text);
  }

  /** The stored diagnostics of results with fromIdx ≤ idx < toIdx, parsed (no blobs read). */
  diagnosticsRange(explKey: string, fromIdx: number, toIdx: number): Map<number, unknown> {
    const rows = this.db.prepare('SELECT idx, diagnostics_json FROM results WHERE expl_key = ? AND idx >= ? AND idx < ?')
      .all(explKey, fromIdx, toIdx) as { idx: number; diagnostics_json: string }[];
    return new Map(rows.map((r) => [r.idx, JSON.parse(r.diagnostics_json) as unknown]));
  }

  readResult(explKey: string, idx: number): ResultRow | undefined {
    const r = this.statement('SELECT * FROM results WHERE expl_key = ? AND idx = ?').get(explKey, idx) as ResultRecord | undefined;
    return r ? { ...numbers(r), idx: r.idx, relevance: decodeFloat32(r.relevance), diagnostics: JSON.parse(r.diagnostics_json) as unknown } : undefined;
  }

  /** A stored result's relevance alone (no diagnostics parsed); undefined when there is no result yet. */
  readRelevance(explKey: string, idx: number): Float32Array | undefined {
    const blob = this.statement('SELECT relevance FROM results WHERE expl_key = ? AND idx = ?').pluck().get(explKey, idx) as Buffer | undefined;
    return blob && decodeFloat32(blob);
  }

  /** The stored relevance blobs of results with fromIdx ≤ idx < toIdx, in idx order, undecoded (a pool worker decodes them). */
  relevanceBlobs(explKey: string, fromIdx: number, toIdx: number): { idx: number; blob: Uint8Array }[] {
    return this.statement('SELECT idx, relevance AS blob FROM results WHERE expl_key = ? AND idx >= ? AND idx < ? ORDER BY idx')
      .all(explKey, fromIdx, toIdx) as { idx: number; blob: Uint8Array }[];
  }

  /** Summary numbers of results with fromIdx ≤ idx < toIdx (no blobs decoded). */
  resultNumbers(explKey: string, fromIdx: number, toIdx: number): Map<number, ResultNumbers> {
    const rows = this.db
      .prepare('SELECT idx, target, length_bp, sum, abs_sum, min, max, metrics_json FROM results WHERE expl_key = ? AND idx >= ? AND idx < ?')
      .all(explKey, fromIdx, toIdx) as Omit<ResultRecord, 'relevance' | 'diagnostics_json'>[];
    return new Map(rows.map((r) => [r.idx, numbers(r)]));
  }

  predictions(modelSha: string, inputSha: string, fromIdx: number, toIdx: number): Map<number, PredictionRow> {
    const rows = this.db
      .prepare('SELECT idx, output, logits FROM predictions WHERE model_sha = ? AND input_sha = ? AND idx >= ? AND idx < ?')
      .all(modelSha, inputSha, fromIdx, toIdx) as { idx: number; output: Buffer; logits: Buffer }[];
    return new Map(rows.map((r) => [r.idx, { idx: r.idx, output: decodeFloat32(r.output), logits: decodeFloat32(r.logits) }]));
  }

  /** Deletes the run; results no other run uses go too (a shared explanation stays cached). */
  deleteRun(id: string): boolean {
    return this.db.transaction(() => {
      const changed = this.db.prepare('DELETE FROM runs WHERE id = ?').run(id).changes > 0;
      if (changed) collectGarbage(this.db);
      return changed;
    })();
  }
}

interface ResultRecord {
  expl_key: string;
  idx: number;
  target: number;
  length_bp: number;
  relevance: Buffer;
  sum: number;
  abs_sum: number;
  min: number;
  max: number;
  diagnostics_json: string;
  metrics_json: string;
}

function numbers(r: Omit<ResultRecord, 'relevance' | 'diagnostics_json'>): ResultNumbers {
  return {
    target: r.target, lengthBp: r.length_bp, sum: r.sum, absSum: r.abs_sum, min: r.min, max: r.max,
    metrics: JSON.parse(r.metrics_json) as Record<string, number>,
  };
}
