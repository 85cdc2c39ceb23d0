// Upgrading an earlier version's cache in a worker thread (what the desktop app does before it opens
// the cache, so its main process stays free to show that it is upgrading).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeCacheDb, openCacheDb } from '../../../../src-main/services/cache/open-cache-db';
import { SCHEMA_VERSION } from '../../../../src-main/services/cache/migrations';
import { pendingUpgrade } from '../../../../src-main/services/cache/pending-upgrade';
import { upgradeCacheOffThread } from '../../../../src-main/services/cache/upgrade-off-thread';
import { LocalRunService } from '../../../../src-main/services/run-service';
import { tempDir } from './temp-cache';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

/** A cache at the schema before this one, holding one model row. */
function earlierCache(path: string): void {
  const db = openCacheDb(path, { targetVersion: SCHEMA_VERSION - 1 });
  db.prepare('INSERT INTO models (sha256, name, info_json, created_at) VALUES (?, ?, ?, ?)').run('m'.repeat(64), 'cnn4.onnx', '{}', 1);
  closeCacheDb(db, path);
}

describe('cache upgrade off the main thread', () => {
  it('sees a pending upgrade only in an earlier version of our own cache', () => {
    const path = join(t.dir, 'c.sqlite');
    expect(pendingUpgrade(path)).toBeNull(); // no file: a new cache, nothing to rewrite
    earlierCache(path);
    expect(pendingUpgrade(path)).toEqual({ from: SCHEMA_VERSION - 1, to: SCHEMA_VERSION });
    closeCacheDb(openCacheDb(path), path);
    expect(pendingUpgrade(path)).toBeNull();
    const notes = join(t.dir, 'notes.sqlite');
    writeFileSync(notes, 'not a database, but long enough to have a header '.repeat(4));
    expect(pendingUpgrade(notes)).toBeNull(); // openCacheDb moves it aside, quickly
    const foreign = join(t.dir, 'foreign.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE contacts (name TEXT)');
    other.pragma('user_version = 3');
    other.close();
    expect(pendingUpgrade(foreign)).toBeNull();
  });

  it('migrates in a worker thread, keeps the rows, and returns what opening the cache reported', async () => {
    const path = join(t.dir, 'c.sqlite');
    earlierCache(path);
    const messages = await upgradeCacheOffThread(path);
    // The outcome only: the window shown meanwhile said that it was upgrading.
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/was upgraded to this version's format in \d+\.\d s; its runs are kept\.$/);
    const messagesOnOpen: string[] = [];
    const db = openCacheDb(path, { onMessage: (m) => messagesOnOpen.push(m) });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT name FROM models').pluck().all()).toEqual(['cnn4.onnx']);
    closeCacheDb(db, path);
    expect(messagesOnOpen).toEqual([]); // nothing left to do, and the worker closed it cleanly
    // The app's banner shows the worker's report with whatever its own open reported.
    const svc = new LocalRunService({ cachePath: path, earlierCacheNotices: messages });
    expect((await svc.cacheInfo()).notices).toEqual(messages);
    await svc.close();
  });
});
