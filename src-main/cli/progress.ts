// A progress bar on stderr, drawn only when stderr is a terminal (scripts and CI get clean output).

/** How often the bar redraws from the workers' progress while batches compute. */
export const PROGRESS_INTERVAL_MS = 500;
export class ProgressBar {
  private readonly startMs = Date.now();
  private readonly enabled: boolean;

  constructor(private readonly label: string, private readonly total: number, stream: NodeJS.WriteStream = process.stderr) {
    this.enabled = Boolean(stream.isTTY);
    this.stream = stream;
  }

  private readonly stream: NodeJS.WriteStream;

  update(done: number): void {
    if (!this.enabled || this.total <= 0) return;
    const frac = Math.min(1, done / this.total);
    const width = 30;
    const filled = Math.round(frac * width);
    const elapsed = Date.now() - this.startMs;
    const etaS = frac > 0 ? Math.round(((elapsed / frac) - elapsed) / 1000) : 0;
    this.stream.write(`\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(done)}/${this.total} ETA ${etaS}s `);
  }

  done(): void {
    if (this.enabled) this.stream.write('\n');
  }
}
