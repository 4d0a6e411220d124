#!/usr/bin/python3
"""Per-epoch time and peak memory of jnn's LeNet-5 against PyTorch's, on full MNIST, in the same run.

Both train the course's LeNet-5 (Conv2D(6,3x3,relu) - MaxPool2 - Conv2D(16,3x3,relu) - MaxPool2 - Flatten -
Dense(120,relu) - Dropout(0.5) - Dense(84,relu) - Dense(10,softmax)), Adam (lr 0.001), batch 128, shuffled, float32,
on pixels / 255, for --epochs epochs (5), each in its own process so that peak memory (max RSS) is its own.
--rounds N (2) alternates the two N times, PyTorch then jnn, and compares each side's best epoch over all rounds:
this machine's speed drifts by up to 1.7x for minutes at a time, and alternating gives both sides the calm spells.
--network lenet5-5x5 runs examples/lenet5-5x5.json instead: 5x5 kernels (the first with 'same' padding), no dropout.
PyTorch runs in its fastest setting on these machines: torch.set_num_threads(THREADS) with OPENBLAS_NUM_THREADS=1.
jnn runs `./jnn fit --model lenet5-3x3 --batch-size 128 --threads THREADS` (a JSON model's default batch is 32). jnn's
first epochs carry the JIT's warm-up (the first ~3.5 steady epochs, the next two a little more than one), so the
best epoch is the steady state; the first epochs are printed too. Needs Debian's PyTorch and the MNIST IDX files:
    apt-get install -y python3-torch
    /usr/bin/python3 jnn-bench/lenet_vs_pytorch.py [--epochs 5] [--rounds 2] [--threads 2]
        [--network lenet5|lenet5-5x5] [--data DIR] [--json FILE]
DIR holds train-images-idx3-ubyte(.gz) etc. (default: $JNN_DATA/mnist, then ~/.cache/jnn/mnist).
"""
import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def idx(d, name):
    for path, opener in ((os.path.join(d, name), open), (os.path.join(d, name + ".gz"), gzip.open)):
        if os.path.exists(path):
            with opener(path, "rb") as f:
                data = f.read()
            break
    else:
        sys.exit("no %s(.gz) in %s" % (name, d))
    import numpy as np
    rank = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(rank)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(shape)


NETWORKS = {"lenet5": "lenet5-3x3", "lenet5-5x5": os.path.join(ROOT, "examples", "lenet5-5x5.json")}


def torch_model(network):
    """PyTorch's LeNet-5: 'lenet5' (3x3 convolutions, dropout) or 'lenet5-5x5' (LeCun's sizes)."""
    import torch.nn as nn
    if network == "lenet5":
        return nn.Sequential(
            nn.Conv2d(1, 6, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(6, 16, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Dropout(0.5),
            nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(400, 120), nn.ReLU(),
        nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


def torch_child(d, epochs, threads, network):
    """Runs in a child process: trains PyTorch's LeNet-5 and prints one JSON line."""
    import numpy as np
    import torch
    import torch.nn as nn
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    x = torch.from_numpy(idx(d, "train-images-idx3-ubyte").astype(np.float32) / 255).reshape(-1, 1, 28, 28)
    y = torch.from_numpy(idx(d, "train-labels-idx1-ubyte").astype(np.int64))
    xt = torch.from_numpy(idx(d, "t10k-images-idx3-ubyte").astype(np.float32) / 255).reshape(-1, 1, 28, 28)
    yt = torch.from_numpy(idx(d, "t10k-labels-idx1-ubyte").astype(np.int64))
    model = torch_model(network)
    opt = torch.optim.Adam(model.parameters(), lr=0.001)
    loss_fn = nn.CrossEntropyLoss()
    seconds = []
    for _ in range(epochs):
        start = time.perf_counter()
        model.train()
        perm = torch.randperm(x.shape[0])
        for i in range(0, x.shape[0], 128):
            idx_ = perm[i:i + 128]
            opt.zero_grad()
            loss = loss_fn(model(x[idx_]), y[idx_])
            loss.backward()
            opt.step()
        seconds.append(time.perf_counter() - start)
    model.eval()
    with torch.no_grad():
        acc = (model(xt).argmax(1) == yt).float().mean().item()
    print(json.dumps({"epoch_seconds": seconds, "accuracy": acc}))


def run_child(cmd, env):
    """Runs cmd; returns its standard output and its own peak RSS in KiB (from wait4). On failure, exits with
    the command and the last lines of its standard error (a missing dataset, a missing reference library)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            tail = [line for line in err.read().decode(errors="replace").splitlines()
                    if line.strip() and "incubator modules" not in line][-3:]
            sys.exit("%s failed with exit code %d:\n  %s" % (" ".join(cmd[:4]), proc.returncode,
                                                            "\n  ".join(tail) or "(no message)"))
        out.seek(0)
        return out.read().decode(), usage.ru_maxrss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--data", default=os.path.join(os.environ.get("JNN_DATA", ""), "mnist")
                    if os.environ.get("JNN_DATA") else os.path.expanduser("~/.cache/jnn/mnist"))
    ap.add_argument("--network", choices=sorted(NETWORKS), default="lenet5")
    ap.add_argument("--json")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        torch_child(a.data, a.epochs, a.threads, a.network)
        return
    if a.epochs < 1 or a.rounds < 1 or a.threads < 1:
        sys.exit("--epochs, --rounds and --threads must be >= 1")
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    runs = {"pytorch": [], "jnn": []}
    for _ in range(a.rounds):
        out, peak = run_child([sys.executable, os.path.abspath(__file__), "--child", "--epochs", str(a.epochs),
                               "--threads", str(a.threads), "--data", a.data, "--network", a.network], env)
        runs["pytorch"].append(dict(json.loads(out.strip().splitlines()[-1]), peak_rss_mib=peak and peak / 1024))
        with tempfile.TemporaryDirectory() as tmp:
            report = os.path.join(tmp, "report.json")
            _, peak = run_child([os.path.join(ROOT, "jnn"), "fit", "--model", NETWORKS[a.network], "--data",
                                 "mnist", "--data-dir", a.data, "--epochs", str(a.epochs), "--batch-size", "128",
                                 "--threads", str(a.threads), "--random-state", "0", "--quiet", "--report", report],
                                env)
            with open(report) as f:
                r = json.load(f)
        runs["jnn"].append({"epoch_seconds": r["epoch_seconds"], "accuracy": r["test"]["accuracy"],
                            "peak_rss_mib": peak and peak / 1024})
    # The first epoch carries JIT and allocator warm-up for both; compare the best epoch as the steady state.
    best = {name: min(min(run["epoch_seconds"]) for run in runs[name]) for name in runs}
    first = {name: min(run["epoch_seconds"][0] for run in runs[name]) for name in runs}
    rows = {"pytorch": runs["pytorch"], "jnn": runs["jnn"], "best_epoch_seconds": best, "first_epoch_seconds": first,
            "ratio_jnn_over_pytorch": best["jnn"] / best["pytorch"], "threads": a.threads, "epochs": a.epochs,
            "rounds": a.rounds, "network": a.network}
    print("%s on MNIST, %d epochs, %d round(s), %d threads" % (a.network, a.epochs, a.rounds, a.threads))
    for name in ("pytorch", "jnn"):
        for i, v in enumerate(runs[name]):
            print("  %-8s round %d: best epoch %6.2f s  (all: %s)  test accuracy %.4f  peak RSS %s MiB" % (
                name, i + 1, min(v["epoch_seconds"]), " ".join("%.2f" % s for s in v["epoch_seconds"]),
                v["accuracy"], "%.0f" % v["peak_rss_mib"] if v["peak_rss_mib"] else "?"))
    print("  first epoch (JIT warm-up in jnn): pytorch %.2f s, jnn %.2f s" % (first["pytorch"], first["jnn"]))
    print("  best epoch: pytorch %.2f s, jnn %.2f s" % (best["pytorch"], best["jnn"]))
    print("  jnn / pytorch epoch time: %.2f (target <= 0.4)" % rows["ratio_jnn_over_pytorch"])
    if a.json:
        with open(a.json, "w") as f:
            json.dump(rows, f, indent=2)


if __name__ == "__main__":
    main()
