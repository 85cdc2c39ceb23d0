"""Shared helpers of the dev scripts that write ONNX models: one-hot encoding in the app's
convention (channels A,C,G,T; N is an all-zero column) and the JSON sidecar that describes a
model file as the engine should see it (read back from the saved file, so it cannot drift)."""
import os

import numpy as np
import onnx

ALPHABET = "ACGT"


def random_dna(rng, n, length):
    return ["".join(rng.choice(list(ALPHABET), size=length)) for _ in range(n)]


def one_hot(seqs, layout):
    """[N, 4, L] for NCL, [N, L, 4] for NLC, float32; anything outside ACGT encodes as zeros."""
    x = np.zeros((len(seqs), len(seqs[0]), 4), dtype=np.float32)
    for i, s in enumerate(seqs):
        for j, ch in enumerate(s.upper()):
            k = ALPHABET.find(ch)
            if k >= 0:
                x[i, j, k] = 1.0
    return x if layout == "NLC" else np.ascontiguousarray(x.transpose(0, 2, 1))


def _dims(value_info):
    return [d.dim_value if d.HasField("dim_value") else d.dim_param for d in value_info.type.tensor_type.shape.dim]


def sidecar_base(path, layout, length, head, seqs, outputs, expect):
    """What a test needs to know about a model file without Python: its I/O as stored in the file,
    the expected engine behaviour, and ORT-comparable outputs for a few sample sequences."""
    model = onnx.load(path)
    g = model.graph
    init_names = {i.name for i in g.initializer}
    inputs = [i for i in g.input if i.name not in init_names]
    side = {
        "file": os.path.basename(path),
        "bytes": os.path.getsize(path),
        "producer": f"{model.producer_name} {model.producer_version}".strip(),
        "opset": next(o.version for o in model.opset_import if o.domain in ("", "ai.onnx")),
        "input": {"name": inputs[0].name, "shape": _dims(inputs[0])},
        "outputs": [{"name": o.name, "shape": _dims(o)} for o in g.output],
        "layout": layout,
        "alphabet": ALPHABET if layout else None,
        "length": length,
        "head": head,
        "ops": sorted({n.op_type for n in g.node}),
        "expect": expect,
    }
    if seqs is not None:
        side["sample"] = {
            "sequences": seqs,
            "output": [[round(float(v), 7) for v in row] for row in outputs],
            "tolerance": "ORT output should agree within 1e-5 absolute (float32 reduction order)",
        }
    return side
