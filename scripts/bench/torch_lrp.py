#!/usr/bin/env python3
"""PyTorch side of `npm run bench`: torch forward and zennit-style epsilon-plus LRP timings.

zennit itself is not installable here (no PyPI), so its mechanism is reproduced faithfully: every
Conv/Linear/ReLU gets zennit's hooks (an Identity on the input whose backward hook replaces the
gradient, a hook on the output's grad_fn that stores the incoming gradient), and in the backward
pass each rule re-runs the layer's modified forwards with modified parameters and takes their
gradient, times the input ("BasicHook", the gradient trick). Composite EpsilonPlus: z+ on Conv,
epsilon on Linear, pass on ReLU, plain gradient through MaxPool and Flatten.

Models: a "small Basset" (convs of 64/48/32 filters, 300 bp) built here with seeded weights and
exported to ONNX into --out-dir, so the Node side explains the very same weights; and any
sequential Conv/ReLU/MaxPool/Flatten/Gemm ONNX model (basset-600) rebuilt from its initializers.

Writes to --out-dir: NAME.onnx (small Basset), NAME.seq.u8 (base indices 0..3, [n, L]) and
NAME.rel.f32 (relevance of the first --check sequences, [k, L, 4] A,C,G,T); prints JSON timings.
Run with Debian's interpreter: /usr/bin/python3 scripts/bench/torch_lrp.py --out-dir DIR
"""
import argparse
import json
import os
import time

import numpy as np
import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F
from onnx import numpy_helper


def small_basset(seed: int) -> nn.Sequential:
    torch.manual_seed(seed)
    return nn.Sequential(
        nn.Conv1d(4, 64, 19, padding=9), nn.ReLU(), nn.MaxPool1d(3),
        nn.Conv1d(64, 48, 11, padding=5), nn.ReLU(), nn.MaxPool1d(4),
        nn.Conv1d(48, 32, 7, padding=3), nn.ReLU(), nn.MaxPool1d(4),
        nn.Flatten(), nn.Linear(32 * 6, 128), nn.ReLU(), nn.Linear(128, 164), nn.Sigmoid(),
    ).eval()


def export_onnx(model: nn.Module, length: int, path: str) -> None:
    torch.onnx.export(model, torch.zeros(1, 4, length), path, input_names=['input'], output_names=['output'],
                      dynamic_axes={'input': {0: 'batch'}, 'output': {0: 'batch'}}, opset_version=13)


def sequential_from_onnx(path: str) -> tuple[nn.Sequential, int]:
    """Rebuilds a chain of Conv/Relu/MaxPool/Flatten/Gemm from the ONNX initializers (head dropped)."""
    proto = onnx.load(path)
    inits = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in proto.graph.initializer}
    length = proto.graph.input[0].type.tensor_type.shape.dim[2].dim_value
    layers: list[nn.Module] = []
    for node in proto.graph.node:
        a = {x.name: onnx.helper.get_attribute_value(x) for x in node.attribute}
        op = node.op_type
        if op == 'Conv':
            w = inits[node.input[1]]
            pads = list(a.get('pads', [0, 0]))
            assert pads[0] == pads[1], f'asymmetric padding in {node.name}'
            groups = a.get('group', 1)
            conv = nn.Conv1d(w.shape[1] * groups, w.shape[0], w.shape[2], stride=list(a.get('strides', [1]))[0], padding=pads[0],
                             dilation=list(a.get('dilations', [1]))[0], groups=groups, bias=len(node.input) > 2)
            conv.weight.data.copy_(w)
            if len(node.input) > 2:
                conv.bias.data.copy_(inits[node.input[2]])
            layers.append(conv)
        elif op == 'Relu':
            layers.append(nn.ReLU())
        elif op == 'MaxPool':
            k = list(a['kernel_shape'])[0]
            layers.append(nn.MaxPool1d(k, stride=list(a.get('strides', [k]))[0], padding=list(a.get('pads', [0, 0]))[0]))
        elif op == 'Flatten':
            layers.append(nn.Flatten())
        elif op == 'Gemm':
            assert a.get('transB', 0) == 1 and a.get('alpha', 1.0) == 1.0 and a.get('beta', 1.0) == 1.0, node.name
            w = inits[node.input[1]]
            lin = nn.Linear(w.shape[1], w.shape[0])
            lin.weight.data.copy_(w)
            lin.bias.data.copy_(inits[node.input[2]])
            layers.append(lin)
        elif op in ('Sigmoid', 'Softmax'):
            break  # the explanation starts at the logit
        else:
            raise ValueError(f'{path}: op {op} is not part of this sequential rebuild')
    return nn.Sequential(*layers).eval(), length


def stabilize(x: torch.Tensor, eps: float) -> torch.Tensor:
    return x + ((x == 0).to(x) + x.sign()) * eps


class Identity(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x.detach()

    @staticmethod
    def backward(ctx, grad):
        return grad


class Hook:
    """zennit's Hook: replaces the gradient at the module's input by what `backward` returns."""

    def __init__(self):
        self.stored: dict[str, torch.Tensor] = {}
        self.handles = []
        self.enabled = True  # off while timing the plain forward

    def register(self, module: nn.Module) -> None:
        self.handles += [module.register_forward_pre_hook(self.pre_forward), module.register_forward_hook(self.post_forward)]

    def remove(self) -> None:
        for h in self.handles:
            h.remove()

    def pre_forward(self, module, inputs):
        if not self.enabled or not inputs[0].requires_grad:
            return None
        post = Identity.apply(inputs[0])
        post.grad_fn.register_hook(lambda grad_in, grad_out: (self.backward(module, self.stored['input'], self.stored['grad_output']),))
        return (post.clone(),)

    def post_forward(self, module, inputs, output):
        if not self.enabled:
            return output
        self.stored['input'] = inputs[0]
        if output.grad_fn is not None:
            output.grad_fn.register_hook(lambda grad_in, grad_out: self.stored.__setitem__('grad_output', grad_out[0]))
        return output

    def backward(self, module, x, grad_output):
        raise NotImplementedError


class Pass(Hook):
    def backward(self, module, x, grad_output):
        return grad_output


class BasicHook(Hook):
    """Modified forwards (input and parameter modifiers), gradient mapper, reducer: zennit's BasicHook."""

    def __init__(self, input_mods, param_mods, gradient_mapper, reducer):
        super().__init__()
        self.input_mods, self.param_mods, self.gradient_mapper, self.reducer = input_mods, param_mods, gradient_mapper, reducer

    def backward(self, module, x, grad_output):
        original = x.detach()
        inputs, outputs = [], []
        for in_mod, param_mod in zip(self.input_mods, self.param_mods):
            xi = in_mod(original).requires_grad_()
            w, b = param_mod(module.weight, 'weight'), param_mod(module.bias, 'bias')
            with torch.enable_grad():
                if isinstance(module, nn.Conv1d):
                    out = F.conv1d(xi, w, b, module.stride, module.padding, module.dilation, module.groups)
                else:
                    out = F.linear(xi, w, b)
            inputs.append(xi)
            outputs.append(out)
        grads = torch.autograd.grad(outputs, inputs, grad_outputs=self.gradient_mapper(grad_output, outputs))
        return self.reducer(inputs, grads)


def z_plus(stabilizer=1e-6) -> BasicHook:
    return BasicHook(
        [lambda t: t.clamp(min=0), lambda t: t.clamp(max=0)],
        [lambda p, name: p.clamp(min=0), lambda p, name: torch.zeros_like(p) if name == 'bias' else p.clamp(max=0)],
        lambda g, outs: [g / stabilize(outs[0] + outs[1], stabilizer)] * 2,
        lambda ins, grads: ins[0] * grads[0] + ins[1] * grads[1],
    )


def epsilon(eps=1e-6) -> BasicHook:
    return BasicHook([lambda t: t], [lambda p, name: p], lambda g, outs: [g / stabilize(outs[0], eps)], lambda ins, grads: ins[0] * grads[0])


def attach_epsilon_plus(model: nn.Sequential) -> list[Hook]:
    hooks = []
    for m in model:
        hook = z_plus() if isinstance(m, nn.Conv1d) else epsilon() if isinstance(m, nn.Linear) else Pass() if isinstance(m, nn.ReLU) else None
        if hook is not None:
            hook.register(m)
            hooks.append(hook)
    return hooks


def epsilon_plus_relevance(model: nn.Sequential, x: torch.Tensor) -> torch.Tensor:
    """Relevance of the predicted output's logit, [n, 4, L] (the hooks must be attached)."""
    x = x.detach().requires_grad_()
    with torch.enable_grad():
        out = model(x)
        start = F.one_hot(out.argmax(1), out.shape[1]).to(out) * out
        (rel,) = torch.autograd.grad(out, x, grad_outputs=start)
    return rel


def one_hot(idx: np.ndarray) -> torch.Tensor:
    return F.one_hot(torch.from_numpy(idx).long(), 4).permute(0, 2, 1).float().contiguous()


def bench(name: str, model: nn.Sequential, length: int, n: int, batch: int, check: int, out_dir: str, seed: int, reps: int) -> dict:
    check = min(check, n)
    idx = np.random.default_rng(seed).integers(0, 4, size=(n, length), dtype=np.uint8)
    idx.tofile(os.path.join(out_dir, f'{name}.seq.u8'))
    batches = [one_hot(idx[i:i + batch]) for i in range(0, n, batch)]
    # Per batch the fastest of `reps` repeats, forward and LRP interleaved, as on the Node side.
    best_fwd, best_lrp = [float('inf')] * len(batches), [float('inf')] * len(batches)
    hooks = attach_epsilon_plus(model)
    try:
        epsilon_plus_relevance(model, batches[0])  # warm-up
        for _ in range(reps):
            for i, b in enumerate(batches):
                for h in hooks:
                    h.enabled = False
                t0 = time.perf_counter()
                with torch.no_grad():
                    model(b)
                best_fwd[i] = min(best_fwd[i], time.perf_counter() - t0)
                for h in hooks:
                    h.enabled = True
                t0 = time.perf_counter()
                epsilon_plus_relevance(model, b)
                best_lrp[i] = min(best_lrp[i], time.perf_counter() - t0)
        forward_s, lrp_s = sum(best_fwd), sum(best_lrp)
        rel = epsilon_plus_relevance(model, one_hot(idx[:check]))
    finally:
        for h in hooks:
            h.remove()
    rel.permute(0, 2, 1).contiguous().numpy().astype(np.float32).tofile(os.path.join(out_dir, f'{name}.rel.f32'))
    return {'name': name, 'lengthBp': length, 'sequences': n, 'batch': batch, 'checked': check, 'reps': reps,
            'forwardS': round(forward_s, 4), 'epsilonPlusS': round(lrp_s, 4)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--out-dir', required=True)
    ap.add_argument('--basset', help='sequential ONNX model to rebuild (e.g. test/fixtures/models/basset-600.onnx)')
    ap.add_argument('--n-small', type=int, default=6000)
    ap.add_argument('--n-basset', type=int, default=256)
    ap.add_argument('--batch', type=int, default=200)
    ap.add_argument('--check', type=int, default=32)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('--reps', type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    small = small_basset(args.seed)
    export_onnx(small, 300, os.path.join(args.out_dir, 'small-basset.onnx'))
    results = [bench('small-basset', nn.Sequential(*list(small)[:-1]).eval(), 300, args.n_small, args.batch, args.check, args.out_dir, args.seed, args.reps)]
    if args.basset:
        model, length = sequential_from_onnx(args.basset)
        results.append(bench(os.path.splitext(os.path.basename(args.basset))[0], model, length, args.n_basset, min(args.batch, 64), args.check, args.out_dir, args.seed + 1, args.reps))
    print(json.dumps({'torch': torch.__version__, 'threads': torch.get_num_threads(), 'models': results}))


if __name__ == '__main__':
    main()
