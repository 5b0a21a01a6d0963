"""javanets against PyTorch, epoch by epoch, alternating (issue 14's measurement).

Starts the javanets side (io.github.javanets.benchmarks.EpochServer) as a child process that stays
up, and runs PyTorch in this process; each round trains one epoch of every cell on one side, then on
the other, so both sides see the same machine. One thread on both sides. Cells: benchmark 1's MLP
784-256(relu)-10 (regressor with MSE, classifier with cross-entropy on logits; Adam 1e-3; batch 32
and 128; 8192 random rows; shuffled minibatches) and benchmark 4's recurrent regressor (16-64-4,
rnn/lstm/gru, 1024 sequences x 50 steps, batch 32, MSE per step, Adam). Also measures the GEMM floor
(GemmFloor) of the MLP cells. Prints one JSON line per cell with the medians and the median of the
per-round ratios javanets / PyTorch, and the fastest epoch of each side and their ratio (on a busy
machine, the epochs least disturbed by other processes).

Usage: versus_torch.py CLASSPATH [rounds] [--cells mlp,rnn] [--java-opt OPT]...
Refuses to run (exit 3) when PyTorch's BLAS is not OpenBLAS: Debian's reference BLAS is ~10-20x
slower and would make any ratio meaningless.
"""
import json
import os
import statistics
import subprocess
import sys
import time

os.environ["OMP_NUM_THREADS"] = "1"
import torch  # noqa: E402

torch.set_num_threads(1)
ROWS, IN, HIDDEN, OUT = 8192, 784, 256, 10
SEQ, STEPS, RIN, UNITS, ROUT, RBATCH = 1024, 50, 16, 64, 4, 32


def blas_library():
    """The BLAS library this process has loaded (after a matrix product), resolved."""
    a = torch.rand(64, 64)
    (a @ a).sum().item()
    libs = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split()[-1] if len(line.split()) >= 6 else ""
            name = os.path.basename(path)
            if "blas" in name or "lapack" in name or "mkl" in name:
                libs.add(os.path.realpath(path))
    return sorted(libs)


def check_blas():
    """The BLAS libraries PyTorch runs on; exits (3) unless one is OpenBLAS (or MKL)."""
    blas = blas_library()
    if not any("openblas" in p or "mkl" in os.path.basename(p) for p in blas):
        sys.stderr.write(
            "REFUSED: PyTorch's libblas.so.3 is not OpenBLAS (loaded: %s). Install "
            "libopenblas0-pthread (apt-get install libopenblas0-pthread) or point the "
            "libblas.so.3 alternative at OpenBLAS; with the reference BLAS the PyTorch times are "
            "~10-20x too slow.\n" % (", ".join(blas) or "none"))
        sys.exit(3)
    return blas


class TorchMlp:
    def __init__(self, kind, batch):
        torch.manual_seed(13)
        self.net = torch.nn.Sequential(
            torch.nn.Linear(IN, HIDDEN), torch.nn.ReLU(), torch.nn.Linear(HIDDEN, OUT))
        for m in self.net:
            if isinstance(m, torch.nn.Linear):
                torch.nn.init.xavier_uniform_(m.weight)
                torch.nn.init.zeros_(m.bias)
        x = torch.rand(ROWS, IN)
        if kind == "classifier_xe":
            y = torch.randint(0, OUT, (ROWS,))
            self.loss = torch.nn.CrossEntropyLoss()
        else:
            y = torch.rand(ROWS, OUT)
            self.loss = torch.nn.MSELoss()
        self.opt = torch.optim.Adam(self.net.parameters(), lr=1e-3)
        self.batches = [(x[i:i + batch], y[i:i + batch]) for i in range(0, ROWS, batch)]

    def epoch(self):
        start = time.perf_counter()
        for i in torch.randperm(len(self.batches)).tolist():
            xb, yb = self.batches[i]
            self.opt.zero_grad()
            self.loss(self.net(xb), yb).backward()
            self.opt.step()
        return (time.perf_counter() - start) * 1000


class TorchRnn(torch.nn.Module):
    def __init__(self, form):
        super().__init__()
        torch.manual_seed(13)
        layer = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[form]
        self.rec = layer(RIN, UNITS, batch_first=True)
        self.out = torch.nn.Linear(UNITS, ROUT)
        x = torch.rand(SEQ, STEPS, RIN)
        y = torch.rand(SEQ, STEPS, ROUT)
        self.batches = [(x[i:i + RBATCH], y[i:i + RBATCH]) for i in range(0, SEQ, RBATCH)]
        self.loss = torch.nn.MSELoss()
        self.opt = torch.optim.Adam(self.parameters(), lr=1e-3)

    def forward(self, x):
        return self.out(self.rec(x)[0])

    def epoch(self):
        start = time.perf_counter()
        for i in torch.randperm(len(self.batches)).tolist():
            xb, yb = self.batches[i]
            self.opt.zero_grad()
            self.loss(self(xb), yb).backward()
            self.opt.step()
        return (time.perf_counter() - start) * 1000


def main():
    args = sys.argv[1:]
    cp = args.pop(0)
    rounds = 7
    cells = ["mlp", "rnn"]
    java_opts = []
    while args:
        a = args.pop(0)
        if a == "--cells":
            cells = args.pop(0).split(",")
        elif a == "--java-opt":
            java_opts.append(args.pop(0))
        else:
            rounds = int(a)
    blas = check_blas()
    print(json.dumps({"torch": torch.__version__, "blas": blas, "threads": torch.get_num_threads(),
                      "load": os.getloadavg()}), flush=True)
    java = subprocess.Popen(
        ["java", "-Xmx2g", "-Dorg.nd4j.log.initialization=false"] + java_opts
        + ["-cp", cp, "io.github.javanets.benchmarks.EpochServer"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        env=dict(os.environ, OMP_NUM_THREADS="1"))

    def ask(command):
        java.stdin.write(command + "\n")
        java.stdin.flush()
        line = java.stdout.readline()
        if not line:
            raise RuntimeError("the javanets side stopped on: " + command)
        return float(line)

    jobs = []
    if "mlp" in cells:
        for kind in ("regressor_mse", "classifier_xe"):
            for batch in (32, 128):
                jobs.append((kind, batch, "mlp %s %d" % (kind, batch), TorchMlp(kind, batch)))
    if "rnn" in cells:
        for form in ("rnn", "lstm", "gru"):
            jobs.append(("recurrent_" + form, RBATCH, "rnn " + form, TorchRnn(form)))
    times = {(k, b): ([], []) for k, b, _, _ in jobs}
    loads = []
    for r in range(rounds + 2):  # two warm-up rounds
        for kind, batch, command, model in jobs:
            # Alternate which side goes first, round by round.
            if r % 2 == 0:
                j, t = ask(command), model.epoch()
            else:
                t, j = model.epoch(), ask(command)
            if r >= 2:
                times[(kind, batch)][0].append(j)
                times[(kind, batch)][1].append(t)
        loads.append(os.getloadavg()[0])
    floors = {}
    if "mlp" in cells:
        for batch in (32, 128):
            floors[batch] = ask("gemm %d 5" % batch)
    java.stdin.close()
    java.wait()
    for kind, batch, _, _ in jobs:
        j, t = times[(kind, batch)]
        ratios = [a / b for a, b in zip(j, t)]
        row = {"kind": kind, "batch": batch, "javanets_ms": statistics.median(j),
               "pytorch_ms": statistics.median(t), "ratio": statistics.median(ratios),
               "ratio_min": min(ratios), "ratio_max": max(ratios), "rounds": len(j),
               # The fastest epoch of each side: the least disturbed by other processes.
               "javanets_best_ms": min(j), "pytorch_best_ms": min(t),
               "ratio_of_best": min(j) / min(t)}
        if batch in floors and not kind.startswith("recurrent"):
            row["gemm_floor_ms"] = floors[batch]
        print(json.dumps(row), flush=True)
    print(json.dumps({"load_during": [round(x, 2) for x in loads]}), flush=True)


if __name__ == "__main__":
    main()
