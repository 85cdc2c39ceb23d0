#!/usr/bin/env python3
"""Write small ONNX genome models exported *differently* from the LRP fixtures.

Why: the fixtures in shared/fixtures/lrp are all PyTorch 1.13 exports at opset 13 with BatchNorm
folded and Conv/Gemm only. Real users bring Keras (tf2onnx) graphs, models whose BatchNorm stays
a separate node, PyTorch's `x.view(N, -1)` shape chain, residual Add + Concat, and models the
engine must refuse. Each model here gets a JSON sidecar saying what the engine is expected to do
with it ("supported", or the exact error code and op) plus a sample input and the model's output,
so a test can check ORT predictions without Python.

Weights are random but seeded: these models test import and LRP, not accuracy.

Run (dev only; the app and its tests never need Python):
    /usr/bin/python3 scripts/dev/make_test_models.py [--out test/fixtures/models] [--basset]
"""
import argparse
import json
import os
import sys

import numpy as np
import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F
from onnx import TensorProto, helper, numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from onnx_common import one_hot, random_dna, sidecar_base  # noqa: E402

torch.set_num_threads(1)


def export_torch(model, example, path, opset=13, input_name="input", output_name="output", **kw):
    model.eval()
    torch.onnx.export(
        model, example, path, opset_version=opset,
        input_names=[input_name], output_names=[output_name],
        dynamic_axes={input_name: {0: "batch"}, output_name: {0: "batch"}}, **kw)


# --- (a) Keras / tf2onnx style: channels-last input, dense layers as MatMul + Add, Softmax head ---
def make_keras_nlc(out_dir, rng):
    """Built node by node with onnx.helper so the graph looks like tf2onnx's output: NLC input with
    a `unk__` batch dim, Transpose into the Conv, Transpose back before a Reshape (Keras flattens
    channels-last), and Dense as MatMul with a [in, out] weight followed by Add of the bias."""
    L, C1, K, P, H, O = 200, 8, 9, 4, 16, 3
    w1 = (rng.standard_normal((C1, 4, K)) * 0.3).astype(np.float32)
    b1 = (rng.standard_normal(C1) * 0.1).astype(np.float32)
    Lp = L // P
    w2 = (rng.standard_normal((Lp * C1, H)) * 0.1).astype(np.float32)
    b2 = (rng.standard_normal(H) * 0.1).astype(np.float32)
    w3 = (rng.standard_normal((H, O)) * 0.3).astype(np.float32)
    b3 = (rng.standard_normal(O) * 0.1).astype(np.float32)
    pre = "sequential/"
    inits = [
        numpy_helper.from_array(w1, pre + "conv1d/Conv1D/ExpandDims_1:0"),
        numpy_helper.from_array(b1, pre + "conv1d/BiasAdd/ReadVariableOp:0"),
        numpy_helper.from_array(w2, pre + "dense/MatMul/ReadVariableOp:0"),
        numpy_helper.from_array(b2, pre + "dense/BiasAdd/ReadVariableOp:0"),
        numpy_helper.from_array(w3, pre + "dense_1/MatMul/ReadVariableOp:0"),
        numpy_helper.from_array(b3, pre + "dense_1/BiasAdd/ReadVariableOp:0"),
        numpy_helper.from_array(np.array([-1, Lp * C1], dtype=np.int64), "const_fold_opt__12"),
    ]
    n = helper.make_node
    nodes = [
        n("Transpose", ["input_1"], ["conv1d__6:0"], perm=[0, 2, 1], name="conv1d__6"),
        n("Conv", ["conv1d__6:0", inits[0].name, inits[1].name], [pre + "conv1d/BiasAdd:0"],
          kernel_shape=[K], pads=[K // 2, K // 2], strides=[1], dilations=[1], group=1,
          name=pre + "conv1d/BiasAdd"),
        n("Relu", [pre + "conv1d/BiasAdd:0"], [pre + "conv1d/Relu:0"], name=pre + "conv1d/Relu"),
        n("MaxPool", [pre + "conv1d/Relu:0"], [pre + "max_pooling1d/MaxPool:0"],
          kernel_shape=[P], strides=[P], name=pre + "max_pooling1d/MaxPool"),
        n("Transpose", [pre + "max_pooling1d/MaxPool:0"], [pre + "max_pooling1d/Squeeze:0"],
          perm=[0, 2, 1], name=pre + "max_pooling1d/Squeeze__10"),
        n("Reshape", [pre + "max_pooling1d/Squeeze:0", "const_fold_opt__12"],
          [pre + "flatten/Reshape:0"], name=pre + "flatten/Reshape"),
        n("MatMul", [pre + "flatten/Reshape:0", inits[2].name], [pre + "dense/MatMul:0"],
          name=pre + "dense/MatMul"),
        n("Add", [pre + "dense/MatMul:0", inits[3].name], [pre + "dense/BiasAdd:0"],
          name=pre + "dense/BiasAdd"),
        n("Relu", [pre + "dense/BiasAdd:0"], [pre + "dense/Relu:0"], name=pre + "dense/Relu"),
        n("MatMul", [pre + "dense/Relu:0", inits[4].name], [pre + "dense_1/MatMul:0"],
          name=pre + "dense_1/MatMul"),
        n("Add", [pre + "dense_1/MatMul:0", inits[5].name], [pre + "dense_1/BiasAdd:0"],
          name=pre + "dense_1/BiasAdd"),
        n("Softmax", [pre + "dense_1/BiasAdd:0"], ["dense_1"], axis=-1, name=pre + "dense_1/Softmax"),
    ]
    graph = helper.make_graph(
        nodes, "tf2onnx", [helper.make_tensor_value_info("input_1", TensorProto.FLOAT, ["unk__17", L, 4])],
        [helper.make_tensor_value_info("dense_1", TensorProto.FLOAT, ["unk__18", O])], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)],
                              producer_name="plrp-dev-script (tf2onnx-style graph)", producer_version="1.0")
    onnx.checker.check_model(model)
    path = os.path.join(out_dir, "keras-nlc.onnx")
    onnx.save(model, path)

    seqs = random_dna(rng, 3, L)
    x = torch.from_numpy(one_hot(seqs, "NLC"))
    h = F.conv1d(x.transpose(1, 2), torch.from_numpy(w1), torch.from_numpy(b1), padding=K // 2)
    h = F.max_pool1d(F.relu(h), P).transpose(1, 2).reshape(-1, Lp * C1)
    h = F.relu(h @ torch.from_numpy(w2) + torch.from_numpy(b2)) @ torch.from_numpy(w3) + torch.from_numpy(b3)
    out = torch.softmax(h, -1)
    side = sidecar_base(path, "NLC", L, "softmax", seqs, out.numpy(), {"status": "supported"})
    side["description"] = ("tf2onnx-style Keras graph: NLC input, Transpose->Conv->Relu->MaxPool->"
                           "Transpose->Reshape->MatMul+Add->Relu->MatMul+Add->Softmax")
    return side


# --- (b) PyTorch with BatchNorm kept as its own node, view chain, strided+dilated Conv, GAP ---
class BnSeparate(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv1d(4, 12, 9, padding=4)
        self.bn_after_relu = nn.BatchNorm1d(12)  # after a Relu: cannot fold, engine passes it
        self.conv2 = nn.Conv1d(12, 16, 5, stride=2, dilation=2, padding=4)
        self.bn_after_conv = nn.BatchNorm1d(16)  # directly after a Conv: engine folds it
        self.gap = nn.AdaptiveAvgPool1d(1)
        self.fc = nn.Linear(16, 2)

    def forward(self, x):
        x = self.bn_after_relu(F.relu(self.conv1(x)))
        x = F.relu(self.bn_after_conv(self.conv2(x)))
        x = self.gap(x)
        x = x.view(x.size(0), -1)
        return self.fc(x)


def randomise_bn(model, seed):
    g = torch.Generator().manual_seed(seed)
    for m in model.modules():
        if isinstance(m, nn.BatchNorm1d):
            m.running_mean.copy_(torch.randn(m.num_features, generator=g) * 0.2)
            m.running_var.copy_(torch.rand(m.num_features, generator=g) + 0.5)
            m.weight.data.copy_(torch.rand(m.num_features, generator=g) + 0.5)
            m.bias.data.copy_(torch.randn(m.num_features, generator=g) * 0.1)


def make_bn_separate(out_dir, rng):
    torch.manual_seed(2)
    model = BnSeparate()
    randomise_bn(model, 3)
    model.eval()
    L = 200
    path = os.path.join(out_dir, "torch-bn-separate.onnx")
    # PRESERVE + no constant folding: the exporter keeps BatchNormalization nodes and the
    # Shape->Gather->Unsqueeze->Concat->Reshape chain instead of fusing/folding them.
    export_torch(model, torch.zeros(1, 4, L), path, opset=17,
                 training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False)
    seqs = random_dna(rng, 3, L)
    with torch.no_grad():
        out = model(torch.from_numpy(one_hot(seqs, "NCL")))
    side = sidecar_base(path, "NCL", L, "none", seqs, out.numpy(), {"status": "supported"})
    side["description"] = ("PyTorch export at opset 17 without constant folding: BatchNormalization nodes "
                           "kept (one after a Relu -> pass, one directly after a Conv -> fold), strided "
                           "(2) and dilated (2) Conv, GlobalAveragePool, x.view(x.size(0), -1) chain, Gemm")
    return side


# --- (c) residual Add and Concat ---
class ResidualConcat(nn.Module):
    def __init__(self):
        super().__init__()
        self.short = nn.Conv1d(4, 8, 3, padding=1)
        self.long = nn.Conv1d(4, 8, 11, padding=5)
        self.mix = nn.Conv1d(16, 16, 3, padding=1)
        self.fc = nn.Linear(16 * 25, 2)

    def forward(self, x):
        h = torch.cat([F.relu(self.short(x)), F.relu(self.long(x))], dim=1)
        h = F.relu(self.mix(h)) + h
        h = F.max_pool1d(h, 8)
        return torch.sigmoid(self.fc(torch.flatten(h, 1)))


def make_residual_concat(out_dir, rng):
    torch.manual_seed(4)
    model = ResidualConcat()
    L = 200
    path = os.path.join(out_dir, "residual-concat.onnx")
    export_torch(model, torch.zeros(1, 4, L), path)
    seqs = random_dna(rng, 3, L)
    with torch.no_grad():
        out = model(torch.from_numpy(one_hot(seqs, "NCL")))
    side = sidecar_base(path, "NCL", L, "sigmoid", seqs, out.numpy(), {"status": "supported"})
    side["description"] = ("two Conv branches (k=3, k=11) joined by Concat on channels, a Conv whose output "
                           "is added back to the Concat (residual Add), MaxPool, Flatten, Gemm, Sigmoid")
    return side


# --- (d) unsupported ops: an LSTM, and a gating Mul of two computed tensors ---
class ConvLstm(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(4, 8, 7, padding=3)
        self.lstm = nn.LSTM(8, 8, batch_first=True)
        self.fc = nn.Linear(8, 2)

    def forward(self, x):
        h = F.max_pool1d(F.relu(self.conv(x)), 4).transpose(1, 2)
        _, (hn, _) = self.lstm(h)
        return self.fc(hn[-1])


class GatedConv(nn.Module):
    def __init__(self):
        super().__init__()
        self.value = nn.Conv1d(4, 8, 7, padding=3)
        self.gate = nn.Conv1d(4, 8, 7, padding=3)
        self.fc = nn.Linear(8 * 50, 2)

    def forward(self, x):
        h = self.value(x) * torch.sigmoid(self.gate(x))  # GLU-style gate: product of two activations
        return self.fc(torch.flatten(F.max_pool1d(h, 4), 1))


def drop_lstm_initial_state(path):
    """PyTorch builds the LSTM's zero initial state with Shape->...->ConstantOfShape. Those inputs
    are optional in ONNX (default zeros), so drop them: the LSTM is then the first node without an
    LRP rule, and the expected error can name it unambiguously."""
    model = onnx.load(path)
    g = model.graph
    lstm = next(n for n in g.node if n.op_type == "LSTM")
    del lstm.input[5:]
    while True:
        used = {i for n in g.node for i in n.input} | {o.name for o in g.output}
        dead = [n for n in g.node if not any(o in used for o in n.output)]
        if not dead:
            break
        for n in dead:
            g.node.remove(n)
    onnx.checker.check_model(model)
    onnx.save(model, path)


def make_unsupported(out_dir, rng):
    sides = []
    L = 200
    for name, cls, op, desc in [
        ("unsupported-lstm", ConvLstm, "LSTM", "Conv->Relu->MaxPool->LSTM->Gemm: the LSTM has no LRP rule"),
        ("unsupported-gated-mul", GatedConv, "Mul",
         "GLU-style gate: Mul of two computed tensors (Conv * Sigmoid(Conv)) has no LRP rule"),
    ]:
        torch.manual_seed(5)
        model = cls()
        path = os.path.join(out_dir, name + ".onnx")
        export_torch(model, torch.zeros(1, 4, L), path)
        if op == "LSTM":
            drop_lstm_initial_state(path)
        graph = onnx.load(path).graph
        node = next(n for n in graph.node if n.op_type == op)
        seqs = random_dna(rng, 2, L)
        with torch.no_grad():
            out = model(torch.from_numpy(one_hot(seqs, "NCL")))
        expect = {"status": "error", "code": "UNSUPPORTED_OP", "op": op, "node": node.name}
        side = sidecar_base(path, "NCL", L, "none", seqs, out.numpy(), expect)
        side["description"] = desc
        sides.append(side)
    return sides


# --- (e) not a DNA model: input [N, 3, 50] ---
def make_not_dna(out_dir, rng):
    torch.manual_seed(6)
    model = nn.Sequential(nn.Conv1d(3, 6, 5, padding=2), nn.ReLU(), nn.Flatten(), nn.Linear(6 * 50, 2))
    path = os.path.join(out_dir, "not-dna-3x50.onnx")
    export_torch(model, torch.zeros(1, 3, 50), path)
    side = sidecar_base(path, None, 50, "none", None, None, {"status": "error", "code": "NOT_DNA_MODEL"})
    side["description"] = "input [N, 3, 50]: no axis of size 4, so not a one-hot DNA model"
    return side


# --- Basset-sized benchmark: convolutions 300/200/200, 600 bp; for timing only ---
class Basset600(nn.Module):
    """Basset's convolutional trunk (Kelley et al. 2016: 300x19, 200x11, 200x7 with BatchNorm and
    max-pools 3/4/4). The two 1000-unit dense layers are shrunk to one of 128 units because they
    cost <2% of the multiply-adds but would make the file 3x larger; the 164 sigmoid outputs stay."""

    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv1d(4, 300, 19, padding=9), nn.BatchNorm1d(300), nn.ReLU(), nn.MaxPool1d(3),
            nn.Conv1d(300, 200, 11, padding=5), nn.BatchNorm1d(200), nn.ReLU(), nn.MaxPool1d(4),
            nn.Conv1d(200, 200, 7, padding=3), nn.BatchNorm1d(200), nn.ReLU(), nn.MaxPool1d(4),
            nn.Flatten(), nn.Linear(200 * 12, 128), nn.ReLU(), nn.Linear(128, 164), nn.Sigmoid())

    def forward(self, x):
        return self.body(x)


def make_basset(out_dir, rng):
    torch.manual_seed(7)
    model = Basset600()
    randomise_bn(model, 8)
    L = 600
    path = os.path.join(out_dir, "basset-600.onnx")
    export_torch(model, torch.zeros(1, 4, L), path)  # eval export: BatchNorm folded into the Convs
    seqs = random_dna(rng, 2, L)
    with torch.no_grad():
        out = model(torch.from_numpy(one_hot(seqs, "NCL")))
    side = sidecar_base(path, "NCL", L, "sigmoid", seqs, out.numpy(), {"status": "supported"})
    side["description"] = ("Basset-sized benchmark (random seeded weights, for timing only): Conv 300x19, "
                           "MaxPool 3, Conv 200x11, MaxPool 4, Conv 200x7, MaxPool 4, Gemm 2400->128, "
                           "Gemm 128->164, Sigmoid; BatchNorm folded at export")
    return side


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="test/fixtures/models")
    ap.add_argument("--seed", type=int, default=20240601)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = np.random.default_rng(args.seed)
    sides = [make_keras_nlc(args.out, rng), make_bn_separate(args.out, rng), make_residual_concat(args.out, rng)]
    sides += make_unsupported(args.out, rng)
    sides += [make_not_dna(args.out, rng), make_basset(args.out, rng)]
    for side in sides:
        side["generator"] = f"scripts/dev/make_test_models.py --seed {args.seed}"
        with open(os.path.join(args.out, side["file"].replace(".onnx", ".json")), "w") as f:
            json.dump(side, f, indent=1)
            f.write("\n")
        print(f"{side['file']:32s} {side['bytes']:>9d} B  {side['expect']}")


if __name__ == "__main__":
    main()
