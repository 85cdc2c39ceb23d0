// Opens (or creates) the run-cache database: WAL, foreign keys, migrations by user_version. A file
// that is not ours — not SQLite, corrupt, another application's database, or written by a newer
// PLRP Studio — is renamed aside with a timestamp and reported, never deleted: it may be the only
// copy of someone's results.
import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../shared/errors';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { closedCleanly, forgetCleanClose, recordCleanClose } from './clean-close';

/** PRAGMA application_id of our files: "PLRP" in ASCII. */
export const APPLICATION_ID = 0x504c5250;
const SQLITE_MAGIC = 'SQLite format 3\0';

export interface OpenCacheOptions {
  /** Told when a file was moved aside or upgraded (the app shows it; the CLI prints it). */
  onMessage?: (message: string) => void;
  /** Told before a format upgrade that may take a while, for whoever waits (default: onMessage). */
  onUpgradeStarting?: (message: string) => void;
  readonly?: boolean;
  /**
   * Open only a cache that is there: a missing file is an error (FILE_NOT_FOUND) instead of a new
   * empty cache, for commands that only read or remove runs (a mistyped --cache must not create one).
   */
  mustExist?: boolean;
  /** Stop at this schema version (tests build databases of earlier versions). */
  targetVersion?: number;
  /** better-sqlite3's `nativeBinding`: the addon built for Electron's ABI (npm run rebuild:electron). */
  nativeBinding?: string;
}

export function openCacheDb(path: string, options: OpenCacheOptions = {}): Database.Database {
  if (options.mustExist && !existsSync(path)) throw new AppError('FILE_NOT_FOUND', `no run cache at ${path}`);
  const problem = existsSync(path) && statSync(path).size > 0 ? headerProblem(path) : null;
  if (problem && options.readonly) throw new AppError('CORRUPT_CACHE', `The run cache ${path} is unusable: ${problem}`);
  if (problem) moveAside(path, problem, options.onMessage);
  mkdirSync(dirname(path), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, nativeBinding: options.nativeBinding });
    const reason = checkDatabase(db, !closedCleanly(path));
    if (reason) {
      db.close();
      moveAside(path, reason, options.onMessage);
      db = new Database(path, { nativeBinding: options.nativeBinding });
    }
  } catch (e) {
    if (!isSqliteCorruption(e)) throw e;
    moveAside(path, `it is corrupt (${(e as Error).message})`, options.onMessage);
    db = new Database(path, { nativeBinding: options.nativeBinding });
  }
  configure(db, options.readonly ?? false);
  if (!options.readonly) {
    // Until this connection closes cleanly, the file may change: a crash means a check next time.
    forgetCleanClose(path);
    const from = db.pragma('user_version', { simple: true }) as number;
    const to = options.targetVersion ?? SCHEMA_VERSION;
    // A format change rewrites stored rows (hits and seqlets at schema versions 8 and 9: about 25 s per GB
    // of cache here), so whoever waits is told why.
    const upgrading = from > 0 && from < to;
    if (upgrading) (options.onUpgradeStarting ?? options.onMessage)?.(`Upgrading the run cache ${path} to this version's format (schema ${from} → ${to}); a large cache takes a while, once.`);
    const started = performance.now();
    migrate(db, to);
    if (upgrading) options.onMessage?.(`The run cache ${path} was upgraded to this version's format in ${((performance.now() - started) / 1000).toFixed(1)} s; its runs are kept.`);
  }
  return db;
}

/** Closes a connection from openCacheDb, recording the clean close (see ./clean-close). */
export function closeCacheDb(db: Database.Database, path: string): void {
  db.close();
  recordCleanClose(path);
}

function configure(db: Database.Database, readonly: boolean): void {
  // WAL: readers never block the writer; synchronous=NORMAL is durable against a killed process
  // (the crash-safety promise) though not against power loss, and far faster per batch commit.
  if (!readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export function migrate(db: Database.Database, targetVersion: number = SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < targetVersion; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v].sql);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

function headerProblem(path: string): string | null {
  return hasSqliteHeader(path) ? null : 'it is not an SQLite database';
}

/** Whether the file starts with SQLite's 16-byte magic string. */
export function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return n === 16 && buf.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

/**
 * Null when the database is ours (or empty and new); else why it is not. `checkPages` reads every
 * page (quick_check); it is skipped for a file as a clean close left it.
 */
function checkDatabase(db: Database.Database, checkPages: boolean): string | null {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
  if (appId === 0 && version === 0 && tables === 0) return null;
  if (appId !== APPLICATION_ID) return 'it belongs to another application';
  if (version > SCHEMA_VERSION) return `it was written by a newer PLRP Studio (schema ${version}, this one knows ${SCHEMA_VERSION})`;
  if (!checkPages) return null;
  const check = db.pragma('quick_check', { simple: true }) as string;
  return check === 'ok' ? null : `it is corrupt (${check})`;
}

function isSqliteCorruption(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? '';
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}

/**
 * SQLite's text on one line: quick_check lists one problem per line (up to 100), and the message
 * is printed as one `plrp:` line or shown in a banner. The first few problems say enough.
 */
export function oneLine(text: string, maxParts = 3): string {
  const parts = text.split(/\s*[\r\n]+\s*/).map((p) => p.trim()).filter(Boolean);
  const more = parts.length - maxParts;
  return more > 0 ? `${parts.slice(0, maxParts).join('; ')}; … ${more} more` : parts.join('; ');
}

function moveAside(path: string, multiLineReason: string, onMessage?: (m: string) => void): void {
  const reason = oneLine(multiLineReason);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const aside = `${path}.unusable-${stamp}`;
  forgetCleanClose(path);
  try {
    renameSync(path, aside);
    for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  } catch (e) {
    throw new AppError('CORRUPT_CACHE', `The run cache ${path} is unusable (${reason}) and could not be moved aside: ${(e as Error).message}`);
  }
  onMessage?.(`The run cache ${path} could not be used because ${reason}. It was moved to ${aside} and a new cache was started.`);
}
