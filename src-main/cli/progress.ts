// A progress bar on stderr, drawn only when stderr is a terminal (scripts and CI get clean output),
// and the warnings printed while it runs: each on its own line above the bar, the first few only
// (a FASTA of short sequences warns once per sequence; every warning is also in out.json).

/** How often the bar redraws from the workers' progress while batches compute. */
export const PROGRESS_INTERVAL_MS = 500;
/** Warnings printed during one command; the rest are counted and summarised. */
export const PRINTED_WARNINGS = 10;

export class ProgressBar {
  private readonly startMs = Date.now();
  private readonly enabled: boolean;
  private readonly stream: NodeJS.WriteStream;
  /** The bar as last drawn, redrawn under a message. */
  private line = '';

  constructor(private readonly label: string, private readonly total: number, stream: NodeJS.WriteStream = process.stderr) {
    this.enabled = Boolean(stream.isTTY);
    this.stream = stream;
  }

  update(done: number): void {
    if (!this.enabled || this.total <= 0) return;
    const frac = Math.min(1, done / this.total);
    const width = 30;
    const filled = Math.round(frac * width);
    const elapsed = Date.now() - this.startMs;
    const eta = frac > 0 ? `${Math.round((elapsed / frac - elapsed) / 1000)}s` : '…';
    this.line = `${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(done)}/${this.total} ETA ${eta} `;
    this.stream.write(`\r${this.line}`);
  }

  /** A message on its own line; the bar is drawn again below it. */
  log(message: string): void {
    this.stream.write(this.enabled ? `\r\x1b[K${message}\n${this.line}` : `${message}\n`);
  }

  done(): void {
    if (this.enabled && this.line) this.stream.write('\n');
    this.line = '';
  }
}

/** `plrp: warning:` lines, the first PRINTED_WARNINGS of them; `summary` says how many more there were. */
export class WarningLog {
  private more = 0;
  private printed = 0;

  constructor(private readonly print: (line: string) => void, private readonly limit = PRINTED_WARNINGS) {}

  warn(message: string): void {
    if (this.printed >= this.limit) {
      this.more++;
      return;
    }
    this.printed++;
    this.print(`plrp: warning: ${message}`);
  }

  /** `where` names where every warning is kept, e.g. out.json. */
  summary(where: string): void {
    if (this.more > 0) this.print(`plrp: warning: ${this.more} more warning${this.more === 1 ? '' : 's'} not shown; every warning is in ${where}`);
  }
}
