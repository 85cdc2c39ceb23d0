// A report on a cached run draws the letters the run explained, which the cache stores with the
// input, not the FASTA's letters as they are now (the file may have been rewritten since), and
// checks the FASTA against the input checksum the run recorded. A run that is not done is reported
// as partial: over the sequences it computed.
import type { RunCache } from '../cache/run-cache';
import { AppError } from '../../shared/errors';
import type { CachedRunInput } from './collect-report-input';
import { runOutputLabels } from '../cache/cache-types';

export function cachedRunInput(cache: RunCache, runId: string): CachedRunInput {
  const run = cache.getRun(runId);
  if (!run) throw new AppError('USAGE', `no run with id ${runId}`);
  return {
    inputSha256: run.inputSha,
    notices: run.notices,
    outputLabels: runOutputLabels(run.request),
    uploadNames: run.request.uploadNames ?? {},
    regionPlaces: () => {
      if (!run.request.regions) return null;
      const stored = cache.sequenceNames(run.inputSha, 0, cache.inputCount(run.inputSha));
      return stored.map((s) => ({ name: s.name, lengthBp: s.lengthBp, place: s.place! }));
    },
    partial: run.status === 'done' ? null : { status: run.status, computed: cache.sequencesDone(runId), total: cache.inputCount(run.inputSha), scanned: cache.scannedCount(runId) },
    lettersAt: (indices) => new Map(indices.filter((i) => i >= 0)
      .flatMap((i) => cache.readSequences(run.inputSha, i, i + 1))
      .map((s) => [s.name, s.letters])),
  };
}
