"""Data loading, the training loop and metrics for scripts/dev/train_models.py."""
import copy
import os

import numpy as np
import torch
import torch.nn.functional as F


def read_fasta(path):
    names, seqs, cur = [], [], []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith(">"):
                if names:
                    seqs.append("".join(cur))
                names.append(line[1:].split()[0])
                cur = []
            elif line:
                cur.append(line)
    if names:
        seqs.append("".join(cur))
    return names, seqs


def read_split(folder, split):
    """Sequences and a [N, tasks] float32 label matrix, rows matched by name."""
    names, seqs = read_fasta(os.path.join(folder, split + ".fa"))
    labels = {}
    with open(os.path.join(folder, split + ".labels.tsv")) as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            labels[parts[0]] = [float(v) for v in parts[1:]]
    return seqs, np.array([labels[n] for n in names], dtype=np.float32)


def loss_fn(kind, logits, y):
    if kind == "softmax":
        return F.cross_entropy(logits, y[:, 0].long())
    return F.binary_cross_entropy_with_logits(logits, y)


def predict(net, x, batch=512):
    net.eval()
    with torch.no_grad():
        return np.concatenate([net(torch.from_numpy(x[i:i + batch])).numpy() for i in range(0, len(x), batch)])


def fit(net, kind, xtr, ytr, xva, yva, epochs, lr, batch, seed, patience=5):
    """Adam with early stopping on validation loss; restores the best epoch's weights."""
    opt = torch.optim.Adam(net.parameters(), lr=lr)
    g = np.random.default_rng(seed)
    xt, yt = torch.from_numpy(xtr), torch.from_numpy(ytr)
    xv, yv = torch.from_numpy(xva), torch.from_numpy(yva)
    best, best_state, log, stale = float("inf"), None, [], 0
    for epoch in range(epochs):
        net.train()
        order = torch.from_numpy(g.permutation(len(xt)))
        for i in range(0, len(order), batch):
            idx = order[i:i + batch]
            opt.zero_grad()
            loss = loss_fn(kind, net(xt[idx]), yt[idx])
            loss.backward()
            opt.step()
        net.eval()
        with torch.no_grad():
            val = float(loss_fn(kind, net(xv), yv))
        log.append({"epoch": epoch + 1, "valLoss": val})
        if val < best - 1e-4:
            best, best_state, stale = val, copy.deepcopy(net.state_dict()), 0
        else:
            stale += 1
            if stale >= patience:
                break
    net.load_state_dict(best_state)
    net.eval()
    return log


def auroc(y, score):
    """Area under the ROC curve = P(score of a positive > score of a negative), ties counted half
    (Mann-Whitney U with average ranks)."""
    y = np.asarray(y) > 0.5
    score = np.asarray(score, dtype=np.float64)
    order = np.argsort(score, kind="mergesort")
    ranks = np.empty(len(score))
    s = score[order]
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and s[j + 1] == s[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    npos, nneg = int(y.sum()), int((~y).sum())
    return float((ranks[y].sum() - npos * (npos + 1) / 2) / (npos * nneg))
