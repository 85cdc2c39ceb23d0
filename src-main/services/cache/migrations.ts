// Schema of the run cache, as an append-only list of migrations: migration i takes user_version
// i to i + 1. Never edit a shipped migration; add a new one (each runs in its own transaction, and
// the tests migrate a database built at every earlier version).
export interface Migration {
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    description: 'models, inputs, runs, explanations and per-sequence results',
    sql: `
      CREATE TABLE models (
        sha256 TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        info_json TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE inputs (
        sha256 TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        sequence_count INTEGER NOT NULL,
        complete INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE input_sequences (
        input_sha TEXT NOT NULL REFERENCES inputs(sha256) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        name TEXT NOT NULL,
        length_bp INTEGER NOT NULL,
        letters BLOB NOT NULL,
        PRIMARY KEY (input_sha, idx)
      );
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        label TEXT,
        status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
        model_sha TEXT NOT NULL REFERENCES models(sha256),
        input_sha TEXT NOT NULL REFERENCES inputs(sha256),
        model_name TEXT NOT NULL,
        fasta_name TEXT NOT NULL,
        request_json TEXT NOT NULL,
        target TEXT NOT NULL,
        engine_version TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        started_at INTEGER,
        finished_at INTEGER,
        compute_ms REAL NOT NULL DEFAULT 0,
        error_json TEXT
      );
      CREATE TABLE explanations (
        key TEXT PRIMARY KEY,
        model_sha TEXT NOT NULL REFERENCES models(sha256),
        input_sha TEXT NOT NULL REFERENCES inputs(sha256),
        canonical TEXT NOT NULL,
        target TEXT NOT NULL,
        engine_version TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE run_explanations (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        expl_id TEXT NOT NULL,
        expl_key TEXT NOT NULL REFERENCES explanations(key),
        position INTEGER NOT NULL,
        config_json TEXT NOT NULL,
        cached INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (run_id, expl_id)
      );
      CREATE INDEX run_explanations_by_key ON run_explanations(expl_key);
      CREATE TABLE predictions (
        model_sha TEXT NOT NULL REFERENCES models(sha256),
        input_sha TEXT NOT NULL REFERENCES inputs(sha256),
        idx INTEGER NOT NULL,
        output BLOB NOT NULL,
        logits BLOB NOT NULL,
        PRIMARY KEY (model_sha, input_sha, idx)
      );
      CREATE TABLE results (
        expl_key TEXT NOT NULL REFERENCES explanations(key) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        target INTEGER NOT NULL,
        length_bp INTEGER NOT NULL,
        relevance BLOB NOT NULL,
        sum REAL NOT NULL,
        abs_sum REAL NOT NULL,
        min REAL NOT NULL,
        max REAL NOT NULL,
        diagnostics_json TEXT NOT NULL,
        metrics_json TEXT NOT NULL DEFAULT '{}',
        UNIQUE (expl_key, idx)
      );
    `,
  },
  {
    description: 'motif hits (per run) and seqlets (per explanation)',
    sql: `
      CREATE TABLE motif_hits (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        motif_id TEXT NOT NULL,
        motif_name TEXT NOT NULL,
        start_bp INTEGER NOT NULL,
        end_bp INTEGER NOT NULL,
        strand TEXT NOT NULL CHECK (strand IN ('+', '-')),
        score REAL NOT NULL,
        p_value REAL NOT NULL,
        q_value REAL NOT NULL,
        matched TEXT NOT NULL,
        relevance_json TEXT NOT NULL
      );
      CREATE INDEX motif_hits_by_run ON motif_hits(run_id, idx);
      CREATE TABLE seqlets (
        expl_key TEXT NOT NULL REFERENCES explanations(key) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start_bp INTEGER NOT NULL,
        end_bp INTEGER NOT NULL,
        sign TEXT NOT NULL CHECK (sign IN ('+', '-')),
        sum REAL NOT NULL,
        p_value REAL NOT NULL
      );
      CREATE INDEX seqlets_by_key ON seqlets(expl_key, idx);
    `,
  },
  {
    description: 'run notices (e.g. a worker that died and was replaced) and run list ordering',
    sql: `
      ALTER TABLE runs ADD COLUMN notices_json TEXT NOT NULL DEFAULT '[]';
      CREATE INDEX runs_by_created ON runs(created_at);
    `,
  },
  {
    description: 'sequences a run has scanned for motifs, and per-run motif ranking by captured relevance',
    sql: `
      CREATE TABLE run_motifs (
        run_id TEXT PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
        motifs_sha TEXT NOT NULL
      );
      CREATE TABLE run_scanned (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        PRIMARY KEY (run_id, idx)
      );
      CREATE TABLE motif_ranks (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        expl_id TEXT NOT NULL,
        motif_id TEXT NOT NULL,
        motif_name TEXT NOT NULL,
        sequences INTEGER NOT NULL,
        hit_count INTEGER NOT NULL,
        covered_bp INTEGER NOT NULL,
        captured REAL NOT NULL,
        PRIMARY KEY (run_id, expl_id, motif_id)
      );
    `,
  },
  {
    description: 'PLRP layer relevance before/after pruning (first sequences and windows only) and per-result warnings',
    sql: `
      CREATE TABLE layer_relevance (
        expl_key TEXT NOT NULL REFERENCES explanations(key) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        win INTEGER NOT NULL,
        position INTEGER NOT NULL,
        point TEXT NOT NULL,
        shape_json TEXT NOT NULL,
        before BLOB NOT NULL,
        after BLOB NOT NULL,
        PRIMARY KEY (expl_key, idx, win, point)
      );
      CREATE TABLE result_warnings (
        expl_key TEXT NOT NULL REFERENCES explanations(key) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        message TEXT NOT NULL
      );
      CREATE INDEX result_warnings_by_key ON result_warnings(expl_key, idx);
    `,
  },
  {
    // No table changes: float32 blobs written from this version on are tagged sparse/raw
    // (blob-codec.ts), which older versions cannot read. The version bump makes an older PLRP Studio
    // move such a cache aside with its "newer PLRP Studio" message instead of failing on a blob;
    // this version still reads the zlib blobs of older caches.
    description: 'float32 blobs in the tagged sparse/raw form',
    sql: '',
  },
  {
    // No table changes either: sequence letters written from this version on are tagged raw bytes
    // instead of zlib (blob-codec.ts), which older versions cannot read; they move such a cache
    // aside. This version still reads zlib letters.
    description: 'sequence letters as tagged raw bytes',
    sql: '',
  },
  {
    // One row per sequence instead of one per hit (engine/export/motif-hit-sets.ts): inserting a
    // default run's ~27 hit rows per sequence was most of the main thread's time per sequence.
    // Existing hits move over in their stored order. Relevance numbers go through `->`, which
    // yields their JSON text as stored, so they keep every digit.
    description: 'motif hits as one record per sequence',
    sql: `
      CREATE TABLE motif_hit_sets (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        hit_count INTEGER NOT NULL,
        findings_json TEXT NOT NULL,
        relevance_json TEXT NOT NULL,
        PRIMARY KEY (run_id, idx)
      );
      INSERT INTO motif_hit_sets (run_id, idx, hit_count, findings_json, relevance_json)
      WITH findings AS (
        SELECT run_id, idx, count(*) AS n,
          json_group_array(json_array(motif_id, motif_name, start_bp, end_bp, strand, score, p_value, q_value, matched) ORDER BY rowid) AS findings_json
        FROM motif_hits GROUP BY run_id, idx
      ), sums AS (
        SELECT h.run_id, h.idx, e.key AS expl_id, json_group_array(json(h.relevance_json -> e.fullkey) ORDER BY h.rowid) AS sums_json
        FROM motif_hits h, json_each(h.relevance_json) e GROUP BY h.run_id, h.idx, e.key
      ), relevance AS (
        SELECT run_id, idx, json_group_object(expl_id, json(sums_json)) AS relevance_json FROM sums GROUP BY run_id, idx
      )
      SELECT f.run_id, f.idx, f.n, f.findings_json, coalesce(r.relevance_json, '{}')
      FROM findings f LEFT JOIN relevance r ON r.run_id = f.run_id AND r.idx = f.idx;
      DROP TABLE motif_hits;
    `,
  },
  {
    // The same for seqlets (engine/export/seqlet-sets.ts): one row per sequence and explanation.
    // json_array renders a REAL with 17 significant digits, which reads back as the same double.
    description: 'seqlets as one record per sequence and explanation',
    sql: `
      CREATE TABLE seqlet_sets (
        expl_key TEXT NOT NULL REFERENCES explanations(key) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        seqlet_count INTEGER NOT NULL,
        seqlets_json TEXT NOT NULL,
        PRIMARY KEY (expl_key, idx)
      );
      INSERT INTO seqlet_sets (expl_key, idx, seqlet_count, seqlets_json)
      SELECT expl_key, idx, count(*), json_group_array(json_array(start_bp, end_bp, sign, sum, p_value) ORDER BY rowid)
      FROM seqlets GROUP BY expl_key, idx;
      DROP TABLE seqlets;
    `,
  },
  {
    // Two processes may share a cache (the app and `plrp serve`): the one that opens it recovers
    // runs left 'running' by a process that died, and must leave a live process's runs alone. The
    // owner renews owner_seen_at while it computes, so a pid that a dead owner's successor reused
    // does not hold its runs forever (services/run-owner.ts).
    description: 'runs remember the process computing them',
    sql: 'ALTER TABLE runs ADD COLUMN owner_pid INTEGER; ALTER TABLE runs ADD COLUMN owner_seen_at INTEGER;',
  },
  {
    // `plrp runs start --region/--regions`: an input cut out of an indexed FASTA keeps each
    // record's place on its chromosome, so its exports are in genome coordinates. NULL for the
    // records of a FASTA file (every input stored before this version).
    description: 'sequences remember their place on the genome when they are regions',
    sql: 'ALTER TABLE input_sequences ADD COLUMN chrom TEXT; ALTER TABLE input_sequences ADD COLUMN start_bp INTEGER;',
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
