// Builds a complete studio host over the real run service: used by `plrp serve` and Electron main.
// Model inspection opens the model with the engine (validation included) and closes it again.
import { dirname } from 'node:path';
import { defaultCachePath } from '../services/cache/default-cache-path';
import { openModel } from '../engine/explain/open-model';
import { outputLabels, recommendedP } from '../engine/explain/model-manifest';
import { LocalRunService } from '../services/run-service';
import { createStudioHost, type StudioHost } from './host';
import type { InspectModel } from './api/model-card';
import type { ReportRenderer } from '../services/report/html-to-pdf';

export interface OpenHostOptions {
  /** Settings and uploads; defaults to the cache's folder. */
  dataDir?: string;
  resourcesDir: string;
  cachePath?: string;
  threads?: number;
  /** better-sqlite3 addon built for this runtime's ABI (Electron); see services/cache/open-cache-db. */
  sqliteNativeBinding?: string;
  /** What an upgrade of the cache before the host opened it reported (see services/cache/upgrade-off-thread). */
  earlierCacheNotices?: string[];
  /** PDF renderer for Report (PDF) exports: Electron passes printToPDF (electron-pdf.ts); default headless Chromium. */
  reportRenderer?: () => Promise<ReportRenderer>;
  log(message: string): void;
}

/** The engine's view of a model file plus what its manifest (NAME.json beside it) adds. */
export const inspectModelFile: InspectModel = async (path) => {
  const model = await openModel(path, { intraOpThreads: 1 });
  try {
    return { ...model.info, recommendedP: await recommendedP(path), outputLabels: outputLabels(path) };
  } finally {
    await model.close();
  }
};

export function openStudioHost(o: OpenHostOptions): StudioHost & { service: LocalRunService; dataDir: string } {
  const cachePath = o.cachePath ?? defaultCachePath();
  const dataDir = o.dataDir ?? dirname(cachePath);
  const service = new LocalRunService({
    cachePath,
    threads: o.threads,
    // This process owns the cache: runs a crashed predecessor left 'running' become resumable.
    recoverInterrupted: true,
    onCacheMessage: o.log,
    earlierCacheNotices: o.earlierCacheNotices,
    sqliteNativeBinding: o.sqliteNativeBinding,
    reportRenderer: o.reportRenderer,
  });
  const host = createStudioHost({
    dataDir,
    resourcesDir: o.resourcesDir,
    runs: service,
    inspectModel: inspectModelFile,
    log: o.log,
  });
  return { ...host, service, dataDir };
}
