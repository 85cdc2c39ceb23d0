import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, oneLine, openCacheDb } from '../../../../src-main/services/cache/open-cache-db';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../../src-main/services/cache/migrations';

/** The schema version just before the migration named `description` (caches written then). */
function versionBefore(description: string): number {
  const i = MIGRATIONS.findIndex((m) => m.description === description);
  if (i < 0) throw new Error(`no migration '${description}'`);
  return i;
}
import { RunCache } from '../../../../src-main/services/cache/run-cache';
import { cacheInfo } from '../../../../src-main/services/cache/cache-size';
import { decodeHitSet } from '../../../../src-main/engine/export/motif-hit-sets';
import { decodeSeqlets } from '../../../../src-main/engine/export/seqlet-sets';
import { closedCleanly } from '../../../../src-main/services/cache/clean-close';
import { tempDir } from './temp-cache';

/** A cache at the version just before the migration named `description`, holding model m, input i, explanation k and run r1. */
function olderCache(path: string, description: string, sequenceCount: number): Database.Database {
  const old = openCacheDb(path, { targetVersion: versionBefore(description) });
  old.prepare("INSERT INTO models VALUES ('m', 'model.onnx', '{}', 1)").run();
  old.prepare("INSERT INTO inputs VALUES ('i', 'x.fa', ?, 1, 1)").run(sequenceCount);
  old.prepare("INSERT INTO explanations VALUES ('k', 'm', 'i', '{}', '\"predicted\"', 'v', 1)").run();
  old.prepare(`INSERT INTO runs (id, label, status, model_sha, input_sha, model_name, fasta_name, request_json, target,
    engine_version, created_at) VALUES ('r1', NULL, 'done', 'm', 'i', 'model.onnx', 'x.fa', '{}', '"predicted"', 'v', 5)`).run();
  return old;
}

let t: ReturnType<typeof tempDir>;
beforeEach(() => { t = tempDir(); });
afterEach(() => t.cleanup());

/** About 40 pages of random blobs, so that damaging pages 3–5 hits data. */
function fillPages(db: Database.Database): void {
  db.exec('CREATE TABLE filler (x BLOB)');
  const insert = db.prepare('INSERT INTO filler VALUES (randomblob(3000))');
  for (let i = 0; i < 50; i++) insert.run();
}

function tables(db: Database.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
}

describe('openCacheDb', () => {
  it('creates a WAL database with foreign keys at the latest schema version', () => {
    const db = openCacheDb(join(t.dir, 'sub', 'c.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(tables(db)).toEqual(expect.arrayContaining(['models', 'inputs', 'runs', 'results', 'motif_hit_sets', 'seqlet_sets']));
    db.close();
  });

  for (let from = 1; from < SCHEMA_VERSION; from++) {
    it(`migrates a database from schema version ${from} to ${SCHEMA_VERSION} keeping its runs`, () => {
      const path = join(t.dir, 'c.sqlite');
      const old = openCacheDb(path, { targetVersion: from });
      expect(old.pragma('user_version', { simple: true })).toBe(from);
      old.prepare("INSERT INTO models VALUES ('m', 'model.onnx', '{}', 1)").run();
      old.prepare("INSERT INTO inputs VALUES ('i', 'x.fa', 0, 1, 1)").run();
      old.prepare(`INSERT INTO runs (id, label, status, model_sha, input_sha, model_name, fasta_name, request_json, target,
        engine_version, created_at) VALUES ('r1', NULL, 'done', 'm', 'i', 'model.onnx', 'x.fa', '{}', '"predicted"', 'v', 5)`).run();
      old.close();
      const db = openCacheDb(path);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare('SELECT id, status FROM runs').all()).toEqual([{ id: 'r1', status: 'done' }]);
      expect(db.prepare('SELECT notices_json FROM runs').pluck().get()).toBe('[]');
      // No owner recorded: only the process that owns the cache may take it as interrupted.
      expect(db.prepare('SELECT owner_pid FROM runs').pluck().get()).toBeNull();
      db.close();
    });
  }

  it('still returns the zlib relevance blobs of a cache written before the tagged blob form', () => {
    const path = join(t.dir, 'c.sqlite');
    const old = olderCache(path, 'float32 blobs in the tagged sparse/raw form', 1);
    const relevance = Float32Array.from([0, 0.25, 0, 0, -1.5, 0, 0, 0]);
    old.prepare(`INSERT INTO results (expl_key, idx, target, length_bp, relevance, sum, abs_sum, min, max, diagnostics_json)
      VALUES ('k', 0, 1, 2, ?, -1.25, 1.75, -1.5, 0.25, 'null')`).run(deflateSync(Buffer.from(relevance.buffer), { level: 1 }));
    old.close();
    const cache = new RunCache(path);
    expect(Array.from(cache.readResult('k', 0)!.relevance)).toEqual(Array.from(relevance));
    cache.close();
  });

  it('moves the hit rows of a cache written before per-sequence hit records over in stored order, keeping every digit', () => {
    const path = join(t.dir, 'c.sqlite');
    const old = olderCache(path, 'motif hits as one record per sequence', 2);
    const insert = old.prepare(`INSERT INTO motif_hits (run_id, idx, motif_id, motif_name, start_bp, end_bp, strand, score, p_value, q_value, matched,
      relevance_json) VALUES ('r1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    // Stored (FIMO) order is not start order, and the relevance numbers need all 17 digits.
    const rows = [
      [1, 'MA0139.2', 'CTCF', 40, 59, '-', 17.25, 3.1e-7, 0.0125, 'CCGCGNGGNGGCAG', '{"lrp":0.30000000000000004,"plrp":-2.5e+21}'],
      [0, 'MA0080.7', 'SPI1', 3, 14, '+', 9.5, 1e-5, 0.2, 'AAAGAGGAAGTG', '{"lrp":1e-300,"plrp":null}'],
      [1, 'MA0080.7', 'SPI1', 2, 13, '+', 0.1 + 0.7, 2e-5, 0.25, 'aaagaggaagtg', '{"lrp":-0.1,"plrp":2.2250738585072014e-308}'],
    ] as const;
    for (const r of rows) insert.run(...r);
    old.close();
    const cache = new RunCache(path);
    expect(cache.db.prepare('SELECT idx, hit_count FROM motif_hit_sets ORDER BY idx').all()).toEqual([{ idx: 0, hit_count: 1 }, { idx: 1, hit_count: 2 }]);
    expect(cache.db.prepare('SELECT relevance_json FROM motif_hit_sets WHERE idx = 1').pluck().get())
      .toBe('{"lrp":[0.30000000000000004,-0.1],"plrp":[-2.5e+21,2.2250738585072014e-308]}');
    const decoded = (cache.db.prepare('SELECT idx, findings_json, relevance_json FROM motif_hit_sets ORDER BY idx').all() as { idx: number; findings_json: string; relevance_json: string }[])
      .flatMap((s) => decodeHitSet(s.idx, s.findings_json, s.relevance_json));
    expect(decoded).toEqual([rows[1], rows[0], rows[2]].map(([idx, motifId, motifName, startBp, endBp, strand, score, pValue, qValue, matched, relevance]) => ({
      sequenceIndex: idx, motifId, motifName, startBp, endBp, strand, score, pValue, qValue, matched, relevance: JSON.parse(relevance) as unknown,
    })));
    expect(tables(cache.db)).not.toContain('motif_hits');
    cache.close();
  });

  it('moves the seqlet rows of a cache written before per-sequence seqlet records over in stored order, keeping every digit', () => {
    const path = join(t.dir, 'c.sqlite');
    const old = olderCache(path, 'seqlets as one record per sequence and explanation', 2);
    const insert = old.prepare('INSERT INTO seqlets (expl_key, idx, start_bp, end_bp, sign, sum, p_value) VALUES (?, ?, ?, ?, ?, ?, ?)');
    // 0.1 + 0.7 needs all 17 significant digits to come back as the same double.
    const rows = [[1, 40, 52, '+', 0.1 + 0.7, 1e-4], [0, 3, 9, '-', -2.5e21, 0.003], [1, 7, 20, '-', -1e-300, 0.01]] as const;
    for (const r of rows) insert.run('k', ...r);
    old.close();
    const cache = new RunCache(path);
    const stored = cache.db.prepare('SELECT idx, seqlet_count, seqlets_json FROM seqlet_sets ORDER BY idx').all() as { idx: number; seqlet_count: number; seqlets_json: string }[];
    expect(stored.map((s) => [s.idx, s.seqlet_count, decodeSeqlets(s.seqlets_json)])).toEqual([
      [0, 1, [{ startBp: 3, endBp: 9, sign: '-', sum: -2.5e21, pValue: 0.003 }]],
      [1, 2, [{ startBp: 40, endBp: 52, sign: '+', sum: 0.1 + 0.7, pValue: 1e-4 }, { startBp: 7, endBp: 20, sign: '-', sum: -1e-300, pValue: 0.01 }]],
    ]);
    expect(tables(cache.db)).not.toContain('seqlets');
    cache.close();
  });

  it('still returns the zlib sequence letters of a cache written before the raw letters form', () => {
    const path = join(t.dir, 'c.sqlite');
    const old = openCacheDb(path, { targetVersion: versionBefore('sequence letters as tagged raw bytes') });
    old.prepare("INSERT INTO inputs VALUES ('i', 'x.fa', 1, 1, 1)").run();
    old.prepare("INSERT INTO input_sequences (input_sha, idx, name, length_bp, letters) VALUES ('i', 0, 'seq one', 9, ?)")
      .run(deflateSync(Buffer.from('ACGTNacgt', 'latin1'), { level: 1 }));
    old.close();
    const cache = new RunCache(path);
    expect(cache.readSequences('i', 0, 1)).toEqual([{ idx: 0, name: 'seq one', lengthBp: 9, letters: 'ACGTNacgt' }]);
    cache.close();
  });

  it('reads the sequences of a cache written before regions had places as FASTA records, and stores regions beside them', () => {
    const path = join(t.dir, 'c.sqlite');
    const old = openCacheDb(path, { targetVersion: versionBefore('sequences remember their place on the genome when they are regions') });
    old.prepare("INSERT INTO inputs VALUES ('i', 'x.fa', 1, 1, 1)").run();
    old.prepare("INSERT INTO input_sequences (input_sha, idx, name, length_bp, letters) VALUES ('i', 0, 'seq1', 4, ?)").run(Buffer.from('ACGT', 'latin1'));
    old.close();
    const cache = new RunCache(path);
    expect(cache.sequenceNames('i', 0, 1)).toEqual([{ idx: 0, name: 'seq1', lengthBp: 4, place: null }]);
    cache.beginInput('r', 'genome.fa');
    cache.addSequences('r', [{ idx: 0, name: 'chr2:11-14', lengthBp: 4, letters: 'ACGT', place: { chrom: 'chr2', startBp: 10 } }]);
    expect(cache.sequenceNames('r', 0, 1)).toEqual([{ idx: 0, name: 'chr2:11-14', lengthBp: 4, place: { chrom: 'chr2', startBp: 10 } }]);
    cache.close();
  });

  it('rolls a failing migration back entirely, leaving the previous version intact', () => {
    const path = join(t.dir, 'c.sqlite');
    const db = openCacheDb(path, { targetVersion: 1 });
    // A table the next migration wants to create makes it fail half-way.
    db.exec('CREATE TABLE seqlets (x INTEGER)');
    expect(() => openCacheDb(path).close()).toThrow(/seqlets already exists/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).not.toContain('motif_hits');
    db.close();
  });

  it('says so when it upgrades an existing cache, and not when it creates or opens a current one', () => {
    const path = join(t.dir, 'c.sqlite');
    const messages: string[] = [];
    openCacheDb(path, { targetVersion: SCHEMA_VERSION - 1, onMessage: (m) => messages.push(m) }).close();
    openCacheDb(path, { onMessage: (m) => messages.push(m) }).close();
    openCacheDb(path, { onMessage: (m) => messages.push(m) }).close();
    expect(messages).toHaveLength(2);
    expect(messages[0]).toBe(`Upgrading the run cache ${path} to this version's format (schema ${SCHEMA_VERSION - 1} → ${SCHEMA_VERSION}); a large cache takes a while, once.`);
    expect(messages[1].startsWith(`The run cache ${path} was upgraded to this version's format in `)).toBe(true);
    expect(messages[1]).toMatch(/ in \d+\.\d s; its runs are kept\.$/);
  });

  it('keeps what an upgrade reported for the app to show, and tells the caller when it starts', () => {
    const path = join(t.dir, 'c.sqlite');
    openCacheDb(path, { targetVersion: SCHEMA_VERSION - 1 }).close();
    const logged: string[] = [];
    const cache = new RunCache(path, { onMessage: (m) => logged.push(m) });
    cache.close();
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatch(/^Upgrading the run cache/);
    expect(cache.openingNotices).toEqual([logged[1]]);
    expect(cache.openingNotices[0]).toMatch(/was upgraded to this version's format in/);
  });

  it('keeps what opening the file reported, for the app to show (there, stderr reaches nobody)', () => {
    const path = join(t.dir, 'c.sqlite');
    writeFileSync(path, 'not a database');
    const cache = new RunCache(path);
    expect(cache.openingNotices).toHaveLength(1);
    expect(cache.openingNotices[0]).toMatch(/not an SQLite database.*moved to .*c\.sqlite\.unusable-/);
    expect(cacheInfo(cache).notices).toEqual(cache.openingNotices);
    cache.close();
    const reopened = new RunCache(path);
    expect(cacheInfo(reopened).notices).toEqual([]);
    reopened.close();
  });

  it('puts a many-line SQLite report on one line, keeping the first problems', () => {
    expect(oneLine('*** in database main ***\nTree 4 page 4: bad\r\nTree 5 page 5: bad\nTree 6 page 6: bad\n')).toBe('*** in database main ***; Tree 4 page 4: bad; Tree 5 page 5: bad; … 1 more');
    expect(oneLine('ok')).toBe('ok');
  });

  it('refuses a missing file with mustExist, creating neither it nor its folder', () => {
    const path = join(t.dir, 'typo', 'c.sqlite');
    expect(() => openCacheDb(path, { mustExist: true })).toThrow(`no run cache at ${path}`);
    expect(existsSync(join(t.dir, 'typo'))).toBe(false);
    openCacheDb(path).close();
    openCacheDb(path, { mustExist: true }).close();
  });

  it('moves a file that is not SQLite aside, with a message, and starts a new cache', () => {
    const path = join(t.dir, 'c.sqlite');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(100));
    const messages: string[] = [];
    const db = openCacheDb(path, { onMessage: (m) => messages.push(m) });
    db.close();
    const aside = readdirSync(t.dir).filter((f) => f.startsWith('c.sqlite.unusable-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(t.dir, aside[0]), 'utf8')).toMatch(/^these are my notes/);
    expect(messages[0]).toMatch(/not an SQLite database.*moved to .*c\.sqlite\.unusable-/);
  });

  it("moves another application's SQLite database aside instead of writing into it", () => {
    const path = join(t.dir, 'c.sqlite');
    const foreign = new Database(path);
    foreign.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')");
    foreign.close();
    const messages: string[] = [];
    openCacheDb(path, { onMessage: (m) => messages.push(m) }).close();
    expect(messages[0]).toMatch(/belongs to another application/);
    const aside = readdirSync(t.dir).find((f) => f.startsWith('c.sqlite.unusable-') && !f.endsWith('-wal') && !f.endsWith('-shm'));
    const kept = new Database(join(t.dir, aside as string), { readonly: true });
    expect(kept.prepare('SELECT name FROM contacts').pluck().get()).toBe('Ada');
    kept.close();
  });

  // Without a clean-close stamp (a killed process) and with one: the damage comes after the close.
  const closings: [string, (path: string) => void][] = [
    ['after a process that did not close it cleanly', (path) => {
      const db = openCacheDb(path);
      fillPages(db);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    }],
    ['even when it had been closed cleanly', (path) => {
      const cache = new RunCache(path);
      fillPages(cache.db);
      cache.close();
    }],
  ];
  for (const [when, writeAndClose] of closings) {
    it(`moves a database with a corrupted page aside, ${when}`, () => {
      const path = join(t.dir, 'c.sqlite');
      writeAndClose(path);
      const bytes = readFileSync(path);
      bytes.fill(0xa5, 4096 * 3, 4096 * 6);
      writeFileSync(path, bytes);
      const messages: string[] = [];
      openCacheDb(path, { onMessage: (m) => messages.push(m) }).close();
      expect(messages[0]).toMatch(/corrupt/);
      // SQLite's check lists one problem per line; the message is printed as one `plrp:` line.
      expect(messages[0]).not.toMatch(/[\r\n]/);
      expect(readdirSync(t.dir).some((f) => f.startsWith('c.sqlite.unusable-'))).toBe(true);
    });
  }

  it('moves aside a cache written by a newer version rather than downgrading it', () => {
    const path = join(t.dir, 'c.sqlite');
    const db = openCacheDb(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const messages: string[] = [];
    openCacheDb(path, { onMessage: (m) => messages.push(m) }).close();
    expect(messages[0]).toMatch(/newer PLRP Studio/);
    expect(existsSync(path)).toBe(true);
  });
});

describe('clean-close stamp (opening a large cache without reading every page)', () => {
  function cacheWithFiller(path: string): RunCache {
    const cache = new RunCache(path);
    fillPages(cache.db);
    return cache;
  }

  it('is recorded when the cache closes, and absent while a connection may still write', () => {
    const path = join(t.dir, 'c.sqlite');
    const cache = cacheWithFiller(path);
    expect(closedCleanly(path)).toBe(false);
    cache.close();
    expect(closedCleanly(path)).toBe(true);
    const again = new RunCache(path);
    expect(closedCleanly(path)).toBe(false);
    again.close();
    expect(closedCleanly(path)).toBe(true);
  });

  it('no longer matches once anything rewrites the file, even with the same size', () => {
    const path = join(t.dir, 'c.sqlite');
    cacheWithFiller(path).close();
    writeFileSync(path, readFileSync(path));
    expect(closedCleanly(path)).toBe(false);
  });
});
