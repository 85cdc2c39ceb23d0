// Which of the files picked or dropped together is a model's manifest. An upload is stored in a
// folder of its own, so a model's NAME.json must travel with it (see attach-manifest on the host).
// NAME.json goes with NAME.onnx; a single .json picked with a single model goes with that model
// whatever its name (the host then holds it to the model's size and checksum).

const isManifest = (name: string) => /\.json$/i.test(name);
const isModel = (name: string) => /\.onnx$/i.test(name);
const stem = (name: string) => name.replace(/\.(onnx|json)$/i, '').toLowerCase();

export interface PairedFiles<F> {
  /** Everything but the manifests, in the order given. */
  files: F[];
  /** Model → its manifest. */
  manifestOf: Map<F, F>;
  /** Manifests picked without a model: they are meant for the model already chosen. */
  loose: F[];
  /** Manifests picked with models, none of them theirs. */
  unmatched: F[];
}

export function pairManifests<F extends { name: string }>(picked: F[]): PairedFiles<F> {
  const files = picked.filter((f) => !isManifest(f.name));
  const unpaired = picked.filter((f) => isManifest(f.name));
  const manifestOf = new Map<F, F>();
  const models = files.filter((f) => isModel(f.name));
  for (const model of models) {
    const i = unpaired.findIndex((m) => stem(m.name) === stem(model.name));
    if (i >= 0) manifestOf.set(model, unpaired.splice(i, 1)[0]);
  }
  const lonelyModels = models.filter((m) => !manifestOf.has(m));
  if (lonelyModels.length === 1 && unpaired.length === 1) manifestOf.set(lonelyModels[0], unpaired.pop()!);
  return models.length ? { files, manifestOf, loose: [], unmatched: unpaired } : { files, manifestOf, loose: unpaired, unmatched: [] };
}
