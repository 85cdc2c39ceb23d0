// Progress on stderr. On a terminal, a bar redrawn in place; in a log (stderr not a terminal: a
// pipe, SLURM, Snakemake) a plain line now and then, so a long job is not silent for minutes
// without flooding the log. The warnings printed while it runs go on their own lines, the first few
// only (a FASTA of short sequences warns once per sequence; every warning is also in out.json).

/** How often the bar redraws from the workers' progress while batches compute. */
export const PROGRESS_INTERVAL_MS = 500;
/** Warnings printed during one command; the rest are counted and summarised. */
export const PRINTED_WARNINGS = 10;
/** At most one progress line this often when stderr is not a terminal. */
export const LOG_INTERVAL_MS = 30_000;

export class ProgressBar {
  private readonly startMs: number;
  private readonly isTerminal: boolean;
  /** The bar as last drawn, redrawn under a message. */
  private line = '';
  /** What runs after the counted work (e.g. "scanning motifs"), shown instead of the ETA. */
  private phaseText: string | null = null;
  private lastDone = 0;
  private lastLogMs: number;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly now: () => number = Date.now,
    /** Work done before this bar started (a resumed run): the ETA is paced on the rest only. */
    private readonly alreadyDone = 0,
  ) {
    this.isTerminal = Boolean(stream.isTTY);
    this.startMs = now();
    this.lastLogMs = this.startMs;
  }

  update(done: number): void {
    if (this.total <= 0) return;
    this.lastDone = done;
    if (!this.isTerminal) {
      if (this.now() - this.lastLogMs >= LOG_INTERVAL_MS) this.logLine(`${this.counts(done)}, ${this.eta(done)} left`);
      return;
    }
    const frac = Math.min(1, done / this.total);
    const width = 30;
    const filled = Math.round(frac * width);
    const tail = this.phaseText === null ? `ETA ${this.eta(done)}` : `· ${this.phaseText}`;
    this.line = `${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(done)}/${this.total} ${tail} `;
    this.stream.write(`\r\x1b[K${this.line}`);
  }

  /** The counted work is done and something else runs now: say what, instead of "ETA 0s". */
  phase(text: string): void {
    this.phaseText = text;
    if (this.isTerminal) this.update(this.lastDone);
    else this.logLine(text);
  }

  /** A message on its own line; the bar is drawn again below it. */
  log(message: string): void {
    this.stream.write(this.isTerminal ? `\r\x1b[K${message}\n${this.line}` : `${message}\n`);
  }

  done(): void {
    if (this.isTerminal && this.line) this.stream.write('\n');
    this.line = '';
  }

  private logLine(text: string): void {
    this.lastLogMs = this.now();
    this.stream.write(`plrp: ${this.label}: ${text}\n`);
  }

  private counts(done: number): string {
    const pct = Math.floor((100 * Math.min(done, this.total)) / this.total);
    return `${Math.floor(done).toLocaleString('en-US')} / ${this.total.toLocaleString('en-US')} (${pct} %)`;
  }

  private eta(done: number): string {
    const frac = Math.min(1, Math.max(0, done - this.alreadyDone) / (this.total - this.alreadyDone || 1));
    const elapsed = this.now() - this.startMs;
    return frac > 0 ? `${Math.round((elapsed / frac - elapsed) / 1000)}s` : '…';
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

  /** `where` names where every warning is kept, e.g. out.json; null when the output keeps none (a .npy). */
  summary(where: string | null): void {
    if (this.more === 0) return;
    const kept = where === null ? 'write out.json to keep every warning' : `every warning is in ${where}`;
    this.print(`plrp: warning: ${this.more} more warning${this.more === 1 ? '' : 's'} not shown; ${kept}`);
  }
}
