// The Run view: the run, its sequence table (sorted/filtered), the selected sequence's tracks on
// the shared viewport, and its motif hits, seqlets and ground truth. Slices are fetched for what is
// visible only; a newer request supersedes an older one (generation counter, no timers).
import { isSequenceComputed, type GroundTruthRegion, type MotifHitRow, type RunSummary, type SeqletRow, type SequenceRow, type TrackSlice } from '../../../../src-main/shared/run-api';
import type { ApiClient } from '../api/client';
import { filterAndSort, type SortSpec } from '../util/sequence-table';
import { Viewport } from './viewport.svelte';
import { defaultSeqletExplanation } from '../tracks/draw-seqlets';
import { trackOrder } from '../tracks/track-order';
import { errorMessage } from '../../../../src-main/shared/errors';
import { runSequenceRows } from '../api/sequence-rows';
import { sequenceFocus, type SequenceFocus } from './sequence-focus.svelte';
import { openingNote, openingSequence } from '../util/sequence-choice';
import { predictsNoOutput } from '../util/prediction-threshold';

export class RunViewState {
  run = $state<RunSummary | null>(null);
  /** Replaced whole, never edited: raw, so 100,000 rows are not wrapped in reactive proxies. */
  rows = $state.raw<SequenceRow[]>([]);
  /** The run's number of sequences while its rows are still arriving; null once all are in. */
  rowsExpected = $state<number | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  filter = $state('');
  sort = $state<SortSpec>({ key: { kind: 'index' }, descending: false });
  selected = $state<number | null>(null);
  /** Why the view opened on the sequence it did, when that is not the first row (openingNote). */
  openedNote = $state<string | null>(null);
  hits = $state<MotifHitRow[]>([]);
  seqlets = $state<SeqletRow[]>([]);
  /** The sequence's ground-truth regions, scored or not (RunService.groundTruth). */
  truth = $state<GroundTruthRegion[]>([]);
  slices = $state<Record<string, TrackSlice | null>>({});
  sliceError = $state<string | null>(null);
  /** Whether the run has a ground-truth BED (the service reads it; no file token needed). */
  hasGroundTruth = $state(false);
  /** Explanation whose seqlets the seqlet track shows ('' = the default, the first PLRP one). */
  seqletChoice = $state('');
  readonly viewport = new Viewport();
  private generation = 0;
  /** Counts load() calls: a slower earlier load must not overwrite a later one. */
  private loads = 0;

  /** Hide the rows whose every output is below the model's decision threshold (prediction-threshold.ts). */
  hideUnpredicted = $state(false);
  /** Rows explaining a task the model calls absent (a sigmoid model with no output above 0.5). */
  readonly unpredicted = $derived(this.rows.filter((r) => predictsNoOutput(r, this.run?.modelHead ?? null)).length);
  readonly visibleRows = $derived(filterAndSort(this.hideUnpredicted ? this.rows.filter((r) => !predictsNoOutput(r, this.run?.modelHead ?? null)) : this.rows, this.filter, this.sort));
  readonly selectedRow = $derived(this.rows.find((r) => r.index === this.selected) ?? null);
  /** In track order: LRP, then each PLRP method by increasing p. */
  readonly explanationIds = $derived(trackOrder(this.run?.explanations ?? []));
  readonly seqletExplanation = $derived(this.seqletChoice || defaultSeqletExplanation(this.run?.explanations ?? []));

  /** Constructed while the Run view initialises, so it can reach the app's shared sequence focus. */
  constructor(
    private readonly api: ApiClient,
    private readonly focus: SequenceFocus | null = sequenceFocus(),
  ) {}

  async load(runId: string): Promise<void> {
    const load = ++this.loads;
    this.loading = true;
    this.error = null;
    this.selected = null;
    this.openedNote = null;
    this.rows = [];
    this.rowsExpected = null;
    try {
      const run = await this.api.invoke('runs:get', { runId });
      if (load !== this.loads) return;
      this.run = run;
      this.rowsExpected = run.sequencesDone;
      // The table holds every row (sorting needs them all), and shows them as pages arrive: the
      // first sequence opens while the rest of a large run loads.
      let opened = false;
      const open = (rows: SequenceRow[]) => {
        if (opened || rows.length === 0) return;
        opened = true;
        this.openOne(runId, rows, load);
      };
      const rows = await runSequenceRows(this.api, run, (soFar, total) => {
        if (load !== this.loads) return;
        this.rows = soFar;
        this.rowsExpected = total;
        open(soFar);
      });
      if (load !== this.loads) return;
      this.rows = rows;
      this.rowsExpected = null;
      open(rows);
    } catch (e) {
      if (load === this.loads) this.error = errorMessage(e);
    } finally {
      if (load === this.loads) this.loading = false;
    }
  }

  /**
   * Reads the run again after it stored more sequences or changed status (a run the user watches
   * computing), and keeps what the user chose: the selected sequence, the tracks' viewport, the
   * table's filter and sort. load() starts over instead; here the old rows stay shown until all the
   * new ones are in.
   */
  async refresh(runId: string): Promise<void> {
    const load = ++this.loads;
    try {
      const run = await this.api.invoke('runs:get', { runId });
      if (load !== this.loads) return;
      const rows = await runSequenceRows(this.api, run);
      if (load !== this.loads) return;
      // The open sequence's hits and seqlets may have been stored since (its results came with this
      // batch, or its seqlets were called): read them before the rows show, so that a sequence whose
      // results just arrived gets its tracks with them.
      const selected = this.selected;
      const row = selected === null ? undefined : rows.find((r) => r.index === selected);
      const annotations = row && isSequenceComputed(row, run) ? await this.annotations(run.id, row.index) : null;
      if (load !== this.loads) return;
      [this.run, this.rows, this.rowsExpected, this.loading, this.error] = [run, rows, null, false, null];
      if (selected === null) {
        // Nothing was open yet (no row when the view opened, or its load was overtaken): open one now.
        if (rows.length > 0) this.openOne(runId, rows, load);
        return;
      }
      // The user opened another sequence meanwhile (select() reads its own), or this one has no results yet.
      if (this.selected !== selected || annotations === null) return;
      [this.hits, this.seqlets, this.truth, this.hasGroundTruth] = annotations;
      await this.refreshSlices();
    } catch (e) {
      // What is shown stays usable, and the failure is said below the tracks; with nothing shown
      // yet (a load this overtook), it is the view's error.
      if (load !== this.loads) return;
      if (this.run === null) [this.error, this.loading] = [errorMessage(e), false];
      else this.sliceError = errorMessage(e);
    }
  }

  private async annotations(runId: string, sequenceIndex: number): Promise<[MotifHitRow[], SeqletRow[], GroundTruthRegion[], boolean]> {
    const [hits, seqlets, truth] = await Promise.all([
      this.api.invoke('runs:motifHits', { runId, sequenceIndex }).catch(() => []),
      this.api.invoke('runs:seqlets', { runId, sequenceIndex }).catch(() => []),
      this.api.invoke('runs:groundTruth', { runId, sequenceIndex }).catch(() => null),
    ]);
    return [hits, seqlets, truth ?? [], truth !== null];
  }

  async select(index: number): Promise<void> {
    const run = this.run;
    const row = this.rows.find((r) => r.index === index);
    if (!run || !row) return;
    // The opening note names the sequence the view chose: it goes once the user picks another.
    if (this.selected !== null && this.selected !== index) this.openedNote = null;
    this.selected = index;
    this.focus?.set(run.id, index);
    this.viewport.reset(row.lengthBp);
    this.slices = {};
    const annotations = await this.annotations(run.id, index);
    if (this.selected !== index) return;
    [this.hits, this.seqlets, this.truth, this.hasGroundTruth] = annotations;
    await this.refreshSlices();
  }

  /** Fetches every explanation's slice for the current viewport; stale answers are dropped. */
  async refreshSlices(): Promise<void> {
    const run = this.run;
    // A sequence without results has no slices yet: the view says so instead of its tracks.
    if (!run || this.selectedRow === null || !isSequenceComputed(this.selectedRow, run)) return;
    const gen = ++this.generation;
    const region = this.viewport.slice;
    const sequenceIndex = this.selectedRow.index;
    try {
      const slices = await Promise.all(
        run.explanations.map((e) => this.api.invoke('runs:trackSlice', { runId: run.id, sequenceIndex, explanationId: e.id, ...region })),
      );
      if (gen !== this.generation) return;
      this.slices = Object.fromEntries(slices.map((s) => [s.explanationId, s]));
      this.sliceError = null;
    } catch (e) {
      if (gen === this.generation) this.sliceError = errorMessage(e);
    }
  }

  /** Opens the sequence the user last looked at in this run, else a first one; unless a later load or a choice came first. */
  private openOne(runId: string, rows: SequenceRow[], load: number): void {
    // Back from another view: the sequence the user was looking at (here or in Layers).
    const remembered = openingSequence(this.focus?.of(runId) ?? null, rows);
    const index = remembered !== null ? Promise.resolve(remembered) : this.firstWithGroundTruth(runId, rows);
    void index.then((i) => {
      if (load !== this.loads || this.selected !== null) return;
      // A sequence the user chose needs no reason; the view's own choice past the first row does.
      this.openedNote = remembered === null ? openingNote(rows, i) : null;
      return this.select(i);
    });
  }

  /**
   * Opens on the first sequence that has ground-truth regions (a demo's first sequences may be
   * negatives without any), looking at the first few only; else the first sequence.
   */
  private async firstWithGroundTruth(runId: string, rows: SequenceRow[]): Promise<number> {
    for (const row of rows.slice(0, 20)) {
      const truth = await this.api.invoke('runs:groundTruth', { runId, sequenceIndex: row.index }).catch(() => null);
      if (truth === null) break;
      if (truth.some((r) => r.scored)) return row.index;
    }
    return rows[0].index;
  }

  sortBy(key: SortSpec['key']): void {
    const same = JSON.stringify(key) === JSON.stringify(this.sort.key);
    // Numbers sort best-first (descending) on the first click; names alphabetically.
    this.sort = { key, descending: same ? !this.sort.descending : key.kind !== 'name' && key.kind !== 'index' };
  }
}
