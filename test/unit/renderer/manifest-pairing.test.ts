// Picking or dropping a model together with its manifest: which .json goes with which .onnx.
import { describe, expect, it } from 'vitest';
import { pairManifests } from '../../../src-renderer/src/lib/util/manifest-pairing';

const f = (name: string) => ({ name });

describe('pairing manifests with the models picked alongside them', () => {
  it('gives NAME.onnx its NAME.json and keeps the other files in order', () => {
    const [model, manifest, fasta] = [f('deep-multitask.onnx'), f('Deep-Multitask.JSON'), f('seqs.fa')];
    const r = pairManifests([manifest, model, fasta]);
    expect(r.files).toEqual([model, fasta]);
    expect(r.manifestOf.get(model)).toBe(manifest);
    expect(r.loose).toEqual([]);
    expect(r.unmatched).toEqual([]);
  });
  it('pairs by name first, and a single leftover .json with the single leftover model', () => {
    const [a, b, aJson, other] = [f('a.onnx'), f('b.onnx'), f('a.json'), f('b-manifest (1).json')];
    const r = pairManifests([a, b, other, aJson]);
    expect(r.manifestOf.get(a)).toBe(aJson);
    expect(r.manifestOf.get(b)).toBe(other);
  });
  it('leaves a .json that could be any of several models unmatched instead of guessing', () => {
    const [a, b, x] = [f('a.onnx'), f('b.onnx'), f('x.json')];
    const r = pairManifests([a, b, x]);
    expect(r.manifestOf.size).toBe(0);
    expect(r.unmatched).toEqual([x]);
  });
  it('keeps a .json picked without a model for the model already chosen', () => {
    const [x, fasta] = [f('x.json'), f('seqs.fa')];
    const r = pairManifests([x, fasta]);
    expect(r.files).toEqual([fasta]);
    expect(r.loose).toEqual([x]);
  });
});
