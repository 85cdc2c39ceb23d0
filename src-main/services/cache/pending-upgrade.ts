// Whether opening the run cache will rewrite it to this version's format (./migrations), found
// without writing: a glance at the header. Anything unusual (no file, not SQLite, not ours, newer)
// is left to openCacheDb, which deals with it quickly; only a real upgrade may take long.
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { SCHEMA_VERSION } from './migrations';
import { APPLICATION_ID, hasSqliteHeader } from './open-cache-db';

export interface PendingUpgrade {
  from: number;
  to: number;
}

export function pendingUpgrade(path: string, nativeBinding?: string): PendingUpgrade | null {
  if (!existsSync(path) || statSync(path).size < 100 || !hasSqliteHeader(path)) return null;
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
    const appId = db.pragma('application_id', { simple: true }) as number;
    const from = db.pragma('user_version', { simple: true }) as number;
    return appId === APPLICATION_ID && from > 0 && from < SCHEMA_VERSION ? { from, to: SCHEMA_VERSION } : null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}
