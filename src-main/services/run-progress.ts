// A running run's progress events: sequences stored, plus the part of the batches in flight that the
// workers have already computed (../engine/pool/in-flight-progress), and an ETA from this session's
// pace. Batches are stored as they finish; in between, a ticker reports the workers' progress.
import { InFlightProgress } from '../engine/pool/in-flight-progress';
import type { RunProgress } from '../shared/run-api';

export class RunProgressReporter {
  readonly inFlight = new InFlightProgress();
  private readonly began = performance.now();
  private doneThisSession = 0;
  private reported = -1;
  private readonly ticker: NodeJS.Timeout;

  /** `done`: sequences already stored when this session of the run starts. */
  constructor(
    private readonly runId: string,
    private done: number,
    private readonly total: number,
    private readonly emit: (p: RunProgress) => void,
    intervalMs: number,
  ) {
    this.ticker = setInterval(() => {
      if (this.inFlight.sequences() !== this.reported) this.report();
    }, intervalMs);
    this.ticker.unref();
  }

  /** A batch of `sequences` sequences was stored. */
  batchStored(sequences: number): void {
    this.done += sequences;
    this.doneThisSession += sequences;
    this.report();
  }

  report(): void {
    const computing = this.inFlight.sequences();
    const worked = this.doneThisSession + computing;
    // Until a batch is stored, the pace comes from the workers alone: only trusted once calibrated.
    const paced = this.doneThisSession > 0 || (computing > 0 && this.inFlight.calibrated());
    const etaMs = paced ? Math.round(((performance.now() - this.began) / worked) * Math.max(0, this.total - this.done - computing)) : null;
    this.reported = computing;
    this.emit({ runId: this.runId, done: this.done, total: this.total, inFlight: computing, etaMs });
  }

  stop(): void {
    clearInterval(this.ticker);
  }
}
