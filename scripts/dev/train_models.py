#!/usr/bin/env python3
"""Train the shipped sample models on the synthetic data and export them to ONNX + manifest.

Models (resources/models/NAME.onnx + NAME.json):
  cnn4-pair       the paper's small genome CNN: 4 first-layer filters (same layout as fixture cnn4)
  cnn32-pair      the paper's larger genome CNN: 32 first-layer filters (same layout as fixture cnn32)
  deep-multitask  4 conv blocks, sigmoid head, 4 tasks each tied to one JASPAR motif

The data come from the TypeScript generator (scripts/dev/make-synthetic.ts, presets in
src-main/engine/synth/presets.ts); this script runs it when the data folder is missing.
CPU only, one thread, a few minutes in total. Dev only: the app and its tests never need Python.

    /usr/bin/python3 scripts/dev/train_models.py [--data /tmp/plrp-synth] [--out resources/models]
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import time

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from onnx_common import one_hot  # noqa: E402
from train_common import auroc, fit, predict, read_split  # noqa: E402

torch.set_num_threads(1)


class Cnn4(nn.Module):
    """Fixture cnn4's layout: Conv(4 filters, k=11) -> ReLU -> MaxPool(4) -> Linear(200 -> 2)."""

    def __init__(self, length):
        super().__init__()
        self.body = nn.Sequential(nn.Conv1d(4, 4, 11, padding=5), nn.ReLU(), nn.MaxPool1d(4),
                                  nn.Flatten(), nn.Linear(4 * (length // 4), 2))

    def forward(self, x):
        return self.body(x)


class Cnn32(nn.Module):
    """Fixture cnn32's layout: Conv(32, k=11) -> ReLU -> MaxPool(4) -> Conv(32, k=5) -> ReLU ->
    MaxPool(L/4) -> Linear(32 -> 16) -> ReLU -> Linear(16 -> 2)."""

    def __init__(self, length):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv1d(4, 32, 11, padding=5), nn.ReLU(), nn.MaxPool1d(4),
            nn.Conv1d(32, 32, 5, padding=2), nn.ReLU(), nn.MaxPool1d(length // 4),
            nn.Flatten(), nn.Linear(32, 16), nn.ReLU(), nn.Linear(16, 2))

    def forward(self, x):
        return self.body(x)


class DeepMultitask(nn.Module):
    """Four conv blocks (BatchNorm after each Conv, folded into it at export), a dense layer and
    a sigmoid head with one output per task."""

    def __init__(self, length, tasks):
        super().__init__()

        def block(cin, cout, k, pool):
            return [nn.Conv1d(cin, cout, k, padding=k // 2), nn.BatchNorm1d(cout), nn.ReLU(), nn.MaxPool1d(pool)]

        self.body = nn.Sequential(
            *block(4, 32, 15, 2), *block(32, 32, 7, 2), *block(32, 32, 5, 2), *block(32, 32, 3, length // 8),
            nn.Flatten(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, tasks))

    def forward(self, x):
        return self.body(x)


class WithHead(nn.Module):
    """Appends the output activation only for export: training uses the logits (stable losses)."""

    def __init__(self, net, head):
        super().__init__()
        self.net, self.head = net, head

    def forward(self, x):
        return self.head(self.net(x))


def ensure_data(data_root, preset):
    folder = os.path.join(data_root, preset)
    if not os.path.exists(os.path.join(folder, "dataset.json")):
        subprocess.run(["npx", "tsx", "scripts/dev/make-synthetic.ts", "--preset", preset, "--out", folder], check=True)
    with open(os.path.join(folder, "dataset.json")) as f:
        return folder, json.load(f)


def export(model, length, path):
    model.eval()
    torch.onnx.export(model, torch.zeros(1, 4, length), path, opset_version=13,
                      input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def train_one(name, net, head, kind, data, desc, out_dir, args, seed, epochs, lr, batch, architecture):
    torch.manual_seed(seed)
    np.random.seed(seed)
    (xtr, ytr), (xva, yva), (xte, yte) = data
    t0 = time.time()
    log = fit(net, kind, xtr, ytr, xva, yva, epochs=epochs, lr=lr, batch=batch, seed=seed, patience=8)
    seconds = time.time() - t0
    logits = predict(net, xte)
    tasks = [t["name"] for t in desc["spec"]["tasks"]]
    if kind == "softmax":
        pos = torch.softmax(torch.from_numpy(logits), 1).numpy()[:, 1]
        evaluation = {"accuracy": float((logits.argmax(1) == yte[:, 0]).mean()),
                      "auroc": auroc(yte[:, 0], pos)}
        outputs = [{"name": "output", "size": 2, "labels": ["absent", tasks[0]]}]
    else:
        per_task = {t: {"accuracy": float(((logits[:, k] > 0) == (yte[:, k] > 0.5)).mean()),
                        "auroc": auroc(yte[:, k], logits[:, k])} for k, t in enumerate(tasks)}
        evaluation = {"accuracy": float(np.mean([v["accuracy"] for v in per_task.values()])),
                      "auroc": float(np.mean([v["auroc"] for v in per_task.values()])), "perTask": per_task}
        outputs = [{"name": "output", "size": len(tasks), "labels": tasks}]
    evaluation = {"split": "test", "sequences": int(len(yte)), **evaluation,
                  "note": "accuracy at argmax (softmax) or logit > 0 (sigmoid); AUROC by the rank formula"}
    path = os.path.join(out_dir, name + ".onnx")
    export(WithHead(net, head), desc["spec"]["lengthBp"], path)
    length = desc["spec"]["lengthBp"]
    manifest = {
        "name": name,
        "file": name + ".onnx",
        "bytes": os.path.getsize(path),
        "sha256": sha256(path),
        "format": "onnx (opset 13, exported by PyTorch %s)" % torch.__version__.split("+")[0],
        "input": {"name": "input", "shape": ["batch", 4, length], "layout": "NCL", "alphabet": "ACGT",
                  "lengthBp": length, "unknownBase": "zeros"},
        "outputs": outputs,
        "head": kind,
        "architecture": architecture,
        "parameters": int(sum(p.numel() for p in net.parameters())),
        "training": {
            "data": {"generator": desc["generator"], "spec": desc["spec"], "motifs": desc["motifs"],
                     "command": "npx tsx scripts/dev/make-synthetic.ts --preset %s" % args_preset(desc)},
            "seed": seed, "epochs": len(log), "bestEpoch": int(np.argmin([e["valLoss"] for e in log])) + 1,
            "optimizer": "Adam lr=%g, batch %d, early stopping on validation loss (patience 8)" % (lr, batch),
            "seconds": round(seconds, 1), "torchThreads": 1,
            "command": "/usr/bin/python3 scripts/dev/train_models.py",
        },
        "evaluation": evaluation,
    }
    with open(os.path.join(out_dir, name + ".json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    print(f"{name}: {manifest['bytes']} B, {manifest['parameters']} params, {seconds:.0f}s, "
          f"test acc {evaluation['accuracy']:.3f} AUROC {evaluation['auroc']:.3f}", flush=True)


def args_preset(desc):
    return "pair" if len(desc["spec"]["tasks"]) == 1 else "multitask"


def load(folder):
    return [read_split(folder, s) for s in ("train", "validation", "test")]


def main():
    ap = argparse.ArgumentParser(description="train the shipped sample models")
    ap.add_argument("--data", default="/tmp/plrp-synth")
    ap.add_argument("--out", default="resources/models")
    ap.add_argument("--only", default="", help="comma-separated model names")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    only = set(filter(None, args.only.split(",")))

    folder, desc = ensure_data(args.data, "pair")
    data = [(one_hot(s, "NCL"), y) for s, y in load(folder)]
    L = desc["spec"]["lengthBp"]
    if not only or "cnn4-pair" in only:
        train_one("cnn4-pair", Cnn4(L), nn.Softmax(dim=1), "softmax", data, desc, args.out, args, seed=11,
                  epochs=60, lr=1e-3, batch=16, architecture="Conv1d(4->4,k11,pad5)-ReLU-MaxPool(4)-Linear(200->2)-Softmax")
    if not only or "cnn32-pair" in only:
        train_one("cnn32-pair", Cnn32(L), nn.Softmax(dim=1), "softmax", data, desc, args.out, args, seed=12,
                  epochs=30, lr=1e-3, batch=32, architecture="Conv1d(4->32,k11)-ReLU-MaxPool(4)-Conv1d(32->32,k5)-ReLU-"
                  "MaxPool(50)-Linear(32->16)-ReLU-Linear(16->2)-Softmax")

    if not only or "deep-multitask" in only:
        folder, desc = ensure_data(args.data, "multitask")
        data = [(one_hot(s, "NCL"), y) for s, y in load(folder)]
        tasks = len(desc["spec"]["tasks"])
        train_one("deep-multitask", DeepMultitask(desc["spec"]["lengthBp"], tasks), nn.Sigmoid(), "sigmoid", data,
                  desc, args.out, args, seed=13, epochs=30, lr=2e-3, batch=64,
                  architecture="4x[Conv1d-BatchNorm(folded)-ReLU-MaxPool] (32 filters; k15,7,5,3; pools 2,2,2,25)"
                  "-Linear(32->32)-ReLU-Linear(32->%d)-Sigmoid" % tasks)


if __name__ == "__main__":
    main()
