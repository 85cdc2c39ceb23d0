// The New-run form: chosen files (as tokens), what the host says about them (model card, FASTA
// summary), the methods, and the started run's progress.
import type { RunSummary } from '../../../../src-main/shared/run-api';
import type { AttachedManifest, FastaSummary, FileEntry, FileKind, ModelCard, RegionsSummary } from '../../../../src-main/shared/studio-types';
import type { ApiClient } from '../api/client';
import { buildRunRequest, DEFAULT_METHODS, FALLBACK_P, pProblem, type MethodChoice } from '../util/run-request';
import { pairManifests } from '../util/manifest-pairing';
import { parseRegionText } from '../util/region-text';
import { errorMessage } from '../../../../src-main/shared/errors';

/** What became of a manifest uploaded with the model: used, or refused and why. */
/** The FASTA slot and the regions BED slot: a region run's BED is not the ground truth. */
export type SlotKind = FileKind | 'regions';

/** Quiet time after the last keystroke before the regions are checked against the FASTA's index. */
const REGION_CHECK_DELAY_MS = 400;

export type ManifestNote = ({ ok: true } & AttachedManifest) | { ok: false; message: string };

export class NewRunState {
  model = $state<FileEntry | null>(null);
  fasta = $state<FileEntry | null>(null);
  bed = $state<FileEntry | null>(null);
  motifs = $state<FileEntry | null>(null);
  card = $state<ModelCard | null>(null);
  manifest = $state<ManifestNote | null>(null);
  summary = $state<FastaSummary | null>(null);
  busy = $state<FileKind | 'start' | null>(null);
  error = $state<string | null>(null);
  methods = $state<MethodChoice>({ ...DEFAULT_METHODS });
  target = $state<number | 'predicted'>('predicted');
  started = $state<RunSummary | null>(null);
  /** The Regions field as typed, and a BED of regions: with either, the run explains regions of the FASTA. */
  regionsText = $state('');
  regionsBed = $state<FileEntry | null>(null);
  /** What the host found the regions to be (count, lengths), or why a run would refuse them. */
  regionsSummary = $state<RegionsSummary | null>(null);
  regionsError = $state<string | null>(null);
  regionsChecking = $state(false);
  private regionCheck: { timer: ReturnType<typeof setTimeout> | null; generation: number } = { timer: null, generation: 0 };

  readonly regionText = $derived(parseRegionText(this.regionsText));
  readonly hasRegions = $derived(this.regionText.regions.length > 0 || this.regionsBed !== null);

  /** Problems with p, shown at its field. */
  readonly pProblem = $derived(pProblem(this.methods));
  /** Why Start is disabled, in words; null when the run can start. */
  readonly startBlocker = $derived(this.blocker());
  readonly canStart = $derived(this.startBlocker === null);

  constructor(private readonly api: ApiClient) {}

  private blocker(): string | null {
    if (!this.model || !this.fasta) return 'Needs a model and a FASTA.';
    if (this.busy === 'model' || this.busy === 'fasta') return 'Reading the files…';
    if (this.card?.ok !== true) return 'This model cannot be explained (its card above says why).';
    if (this.summary === null) return 'This FASTA could not be read (the message above says where); choose another.';
    const m = this.methods;
    if (!(m.lrp || m.plrpLambda || m.plrpM || m.sweep)) return 'Choose at least one method.';
    if (this.regionText.problems.length > 0) return 'Correct the regions (the field says what is wrong).';
    if (this.regionsError !== null) return 'The regions do not fit this FASTA (the message at the field says why).';
    if (this.hasRegions && this.regionsSummary === null) return 'Checking the regions…';
    return this.pProblem;
  }

  /** Set once the bundled motif database was offered: a user who removed it does not get it back on return. */
  private offeredDefaultMotifs = false;

  async useDefaultMotifs(): Promise<void> {
    if (this.motifs || this.offeredDefaultMotifs) return;
    this.offeredDefaultMotifs = true;
    try {
      const demo = await this.api.invoke('demo:bundle', {});
      if (demo.motifs) this.motifs = demo.motifs;
    } catch {
      // No bundled database: the motif slot simply stays empty.
    }
  }

  async setFile(kind: SlotKind, entry: FileEntry | null): Promise<void> {
    this.error = null;
    if (kind === 'regions') {
      this.regionsBed = entry;
      this.checkRegionsSoon(0);
    }
    if (kind === 'bed') this.bed = entry;
    if (kind === 'motifs') this.motifs = entry;
    if (kind === 'model') {
      this.model = entry;
      this.card = null;
      this.manifest = null;
      if (entry) await this.inspect('model', async () => {
        this.card = await this.api.invoke('files:modelCard', { file: { kind: 'token', token: entry.token } });
        if (this.card.ok) this.methods.p = this.card.recommendedP ?? FALLBACK_P;
      });
    }
    if (kind === 'fasta') {
      this.fasta = entry;
      this.summary = null;
      // The regions are checked again once the new FASTA is read (below).
      this.regionsSummary = null;
      if (entry) await this.inspect('fasta', async () => {
        this.summary = await this.api.invoke('files:fastaSummary', { file: { kind: 'token', token: entry.token } });
      });
      this.checkRegionsSoon(0);
    }
  }

  /** The Regions field changed: checked against the FASTA once the typing pauses. */
  setRegionsText(text: string): void {
    this.regionsText = text;
    this.checkRegionsSoon(REGION_CHECK_DELAY_MS);
  }

  /**
   * Asks the host what the regions are on this FASTA (it resolves them as the run will, building a
   * missing .fai), after `delayMs`. Only the latest check's answer is kept; regions with a syntax
   * problem are not sent, since the field already says what is wrong.
   */
  private checkRegionsSoon(delayMs: number): void {
    if (this.regionCheck.timer) clearTimeout(this.regionCheck.timer);
    const generation = ++this.regionCheck.generation;
    this.regionsSummary = null;
    this.regionsError = null;
    const { regions, problems } = this.regionText;
    const fasta = this.fasta;
    const bed = this.regionsBed;
    this.regionsChecking = fasta !== null && this.hasRegions && problems.length === 0;
    if (!this.regionsChecking) return;
    this.regionCheck.timer = setTimeout(() => {
      const request = { fasta: { kind: 'token' as const, token: fasta!.token }, regions, ...(bed ? { regionsBed: { kind: 'token' as const, token: bed.token } } : {}) };
      this.api.invoke('files:regionsSummary', request).then(
        (summary) => { if (generation === this.regionCheck.generation) this.regionsSummary = summary; },
        (e: unknown) => { if (generation === this.regionCheck.generation) this.regionsError = errorMessage(e); },
      ).finally(() => { if (generation === this.regionCheck.generation) this.regionsChecking = false; });
    }, delayMs);
  }

  /**
   * Files picked or dropped together. A model's manifest (NAME.json) goes up with its model and is
   * stored beside it; one picked on its own is for the model already chosen.
   */
  async addFiles(files: File[], kind?: SlotKind): Promise<void> {
    if (kind && kind !== 'model') {
      for (const f of files) await this.addFile(f, kind);
      return;
    }
    const { files: others, manifestOf, loose, unmatched } = pairManifests(files);
    for (const f of others) await this.addFile(f, kind, manifestOf.get(f));
    for (const m of loose) await this.addManifestToChosenModel(m);
    if (unmatched.length) this.error = `${unmatched.map((m) => m.name).join(', ')}: no model of that name was chosen with it, so it was not used`;
  }

  /** A dropped or picked file goes to the slot its extension suggests (or the one given). */
  async addFile(file: File, kind?: SlotKind, manifest?: File): Promise<void> {
    this.error = null;
    try {
      const entry = await this.api.upload(file);
      const slot = kind ?? entry.kind;
      if (!slot) {
        this.error = `${entry.name}: not a file type the studio reads (.onnx, FASTA, BED, a motif database, or a model's .json manifest)`;
        return;
      }
      // Stored before the card is read, so the card already has the output names.
      const note = slot === 'model' && manifest ? await this.attachManifest(entry, manifest) : null;
      await this.setFile(slot, entry);
      if (note) this.manifest = note;
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  private async addManifestToChosenModel(file: File): Promise<void> {
    const model = this.model;
    if (!model) {
      this.error = `${file.name}: a model's manifest; choose it together with its model (.onnx)`;
      return;
    }
    const note = await this.attachManifest(model, file);
    // The card is read again: it now names the outputs (and p takes the manifest's recommendation).
    if (note.ok) await this.setFile('model', model);
    this.manifest = note;
  }

  private async attachManifest(model: FileEntry, file: File): Promise<ManifestNote> {
    try {
      const manifest = await this.api.upload(file);
      const attached = await this.api.invoke('files:attachManifest', { model: { kind: 'token', token: model.token }, manifest: { kind: 'token', token: manifest.token } });
      return { ok: true, ...attached };
    } catch (e) {
      return { ok: false, message: errorMessage(e) };
    }
  }

  private async inspect(kind: FileKind, work: () => Promise<void>): Promise<void> {
    this.busy = kind;
    try {
      await work();
    } catch (e) {
      this.error = errorMessage(e);
    } finally {
      this.busy = null;
    }
  }

  async start(): Promise<RunSummary | null> {
    if (!this.model || !this.fasta) return null;
    this.busy = 'start';
    this.error = null;
    try {
      const regions = { regions: this.regionText.regions, regionsBed: this.regionsBed };
      const request = buildRunRequest({ model: this.model, fasta: this.fasta, bed: this.bed, motifs: this.motifs, ...regions }, this.methods, this.target);
      this.started = await this.api.invoke('runs:start', request);
      return this.started;
    } catch (e) {
      this.error = errorMessage(e);
      return null;
    } finally {
      this.busy = null;
    }
  }
}
