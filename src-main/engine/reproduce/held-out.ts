// The held-out evaluation set of a shipped model: the test split of its training recipe,
// regenerated (the generator is deterministic per split and index, so these are exactly the
// sequences the model never saw in training), keeping the positives — sequences where the task's
// motifs are planted, so there is something to explain and a ground truth to localise it.
import type { Motif } from '../motifs/motif';
import { encodeOneHotInto } from '../genomics/one-hot';
import { generateRecord, resolveMotifs } from '../synth/generate';
import type { SynthSpec } from '../synth/synth-spec';
import type { HeldOutSet } from './run-sweep';

export function heldOutPositives(spec: SynthSpec, motifs: readonly Motif[], count: number, taskIndex = 0): HeldOutSet {
  const resolved = resolveMotifs(spec, motifs);
  const L = spec.lengthBp;
  const names: string[] = [];
  const groundTruth: Uint8Array[] = [];
  const sequences: string[] = [];
  for (let i = 0; i < spec.splits.test && names.length < count; i++) {
    const r = generateRecord(spec, resolved, 'test', i);
    if (r.labels[taskIndex] !== 1) continue;
    const gt = new Uint8Array(L);
    for (const s of r.sites) gt.fill(1, s.start, s.end);
    names.push(r.name);
    sequences.push(r.sequence);
    groundTruth.push(gt);
  }
  const onehot = new Float32Array(names.length * L * 4);
  sequences.forEach((s, k) => encodeOneHotInto(s, onehot, k * L));
  return { names, lengthBp: L, onehot, groundTruth };
}
