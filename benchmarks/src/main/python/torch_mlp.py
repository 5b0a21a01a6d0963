"""Benchmark 6: benchmark 1 in PyTorch (CPU, one thread).

MLP 784-256(relu)-10, Xavier-uniform weights, zero biases, Adam (lr 1e-3), 8192 random rows,
MSE for the regressor and cross-entropy on logits for the classifier, batch 32 and 128, minibatches
in a shuffled order each epoch. Prints one JSON object per configuration: milliseconds per epoch
(mean and standard deviation over the measured epochs, after warm-up epochs). Refuses to run
(exit 3) when PyTorch's BLAS is not OpenBLAS. benchmarks/run uses versus_torch.py instead, which
alternates PyTorch and javanets epoch by epoch.
"""
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from versus_torch import check_blas  # noqa: E402

torch.set_num_threads(1)
torch.manual_seed(13)
ROWS, IN, HIDDEN, OUT = 8192, 784, 256, 10
WARMUP, MEASURED = 2, 5


def model():
    net = torch.nn.Sequential(torch.nn.Linear(IN, HIDDEN), torch.nn.ReLU(), torch.nn.Linear(HIDDEN, OUT))
    for m in net:
        if isinstance(m, torch.nn.Linear):
            torch.nn.init.xavier_uniform_(m.weight)
            torch.nn.init.zeros_(m.bias)
    return net


def run(kind, batch):
    x = torch.rand(ROWS, IN)
    if kind == "classifier_xe":
        y = torch.randint(0, OUT, (ROWS,))
        loss_fn = torch.nn.CrossEntropyLoss()
    else:
        y = torch.rand(ROWS, OUT)
        loss_fn = torch.nn.MSELoss()
    net = model()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    batches = [(x[i:i + batch], y[i:i + batch]) for i in range(0, ROWS, batch)]
    times = []
    for epoch in range(WARMUP + MEASURED):
        start = time.perf_counter()
        for i in torch.randperm(len(batches)).tolist():
            xb, yb = batches[i]
            opt.zero_grad()
            loss = loss_fn(net(xb), yb)
            loss.backward()
            opt.step()
        times.append((time.perf_counter() - start) * 1000)
    m = times[WARMUP:]
    mean = sum(m) / len(m)
    sd = (sum((t - mean) ** 2 for t in m) / (len(m) - 1)) ** 0.5
    return {"engine": "pytorch", "version": torch.__version__, "kind": kind, "batch": batch,
            "ms_per_epoch": mean, "sd": sd}


if __name__ == "__main__":
    check_blas()
    kinds = sys.argv[1:] or ["regressor_mse", "classifier_xe"]
    for kind in kinds:
        for batch in (32, 128):
            print(json.dumps(run(kind, batch)), flush=True)
