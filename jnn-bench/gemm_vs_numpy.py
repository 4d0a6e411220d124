#!/usr/bin/env python3
"""jnn's GEMM against numpy's (OpenBLAS) on the same shapes, in the same run.

Runs `./jnn bench gemm --json`, then numpy's matrix product on each shape, dtype and thread count (OpenBLAS
thread count set per subprocess), and prints GFLOP/s side by side with the jnn/numpy ratio.

A shared virtual machine's speed drifts by tens of percent over seconds, so the pair of runs is repeated
(--rounds, alternating jnn and numpy) and each side keeps its best median per row: both get the same chances.

    python3 jnn-bench/gemm_vs_numpy.py [--repeats 7] [--rounds 3] [--json out.json]

Needs a python3 with numpy; without it, only jnn's figures are printed.
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

NUMPY_WORKER = r"""
import json, sys, time
import numpy as np
rows, repeats = json.loads(sys.argv[1]), int(sys.argv[2])
out = []
for r in rows:
    m, k, n, trans, dtype = r["m"], r["k"], r["n"], r["trans"], r["dtype"]
    rng = np.random.RandomState(0)
    a = rng.uniform(-1, 1, size=(k, m) if trans[0] == "T" else (m, k)).astype(dtype)
    b = rng.uniform(-1, 1, size=(n, k) if trans[1] == "T" else (k, n)).astype(dtype)
    opa = a.T if trans[0] == "T" else a
    opb = b.T if trans[1] == "T" else b
    c = np.empty((m, n), dtype=dtype)
    flops = 2.0 * m * n * k
    calls, t_end = 1, time.perf_counter() + 0.12      # warm-up, and calls per 40 ms repetition
    while time.perf_counter() < t_end:
        t0 = time.perf_counter()
        for _ in range(calls):
            np.matmul(opa, opb, out=c)
        dt = time.perf_counter() - t0
        if dt < 0.04:
            calls = max(calls * 2, int(calls * 0.04 / max(dt, 1e-9)))
    g = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(calls):
            np.matmul(opa, opb, out=c)
        g.append(flops * calls / (time.perf_counter() - t0) / 1e9)
    out.append(float(np.median(g)))
print(json.dumps(out))
"""


def find_numpy_python():
    for exe in (sys.executable, "python3", "/usr/bin/python3"):
        try:
            subprocess.run([exe, "-c", "import numpy"], check=True, capture_output=True)
            return exe
        except (OSError, subprocess.CalledProcessError):
            continue
    return None


def compare(rounds, repeats, threads=None):
    """The table: jnn's rows from `jnn bench gemm --json`, each with numpy's GFLOP/s and the ratio where numpy runs.

    The two alternate for `rounds` rounds and each keeps its best median per row."""
    py = find_numpy_python()
    if py is None:
        print("no python3 with numpy found: printing jnn's figures only", file=sys.stderr)
    cmd = [os.path.join(ROOT, "jnn"), "bench", "gemm", "--json", "--repeats", str(repeats)]
    if threads:
        cmd += ["--threads", str(threads)]
    rows = None
    for _ in range(rounds):
        got = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        if rows is None:
            rows = got
        else:
            for r, g in zip(rows, got):
                r["gflops"] = max(r["gflops"], g["gflops"])
        if py is None:
            continue
        for t in sorted({r["threads"] for r in rows}):
            subset = [r for r in rows if r["threads"] == t]
            env = dict(os.environ, OPENBLAS_NUM_THREADS=str(t), OMP_NUM_THREADS=str(t), MKL_NUM_THREADS=str(t))
            res = subprocess.run([py, "-c", NUMPY_WORKER, json.dumps(subset), str(repeats)], env=env,
                                 check=True, capture_output=True, text=True)
            for r, g in zip(subset, json.loads(res.stdout)):
                r["numpy_gflops"] = max(r.get("numpy_gflops", 0.0), round(g, 1))
    for r in rows:
        if "numpy_gflops" in r:
            r["ratio"] = round(r["gflops"] / r["numpy_gflops"], 2)
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--rounds", type=int, default=3, help="alternating jnn/numpy rounds; best of each is kept")
    ap.add_argument("--json", help="also write the combined table to this file")
    args = ap.parse_args()
    if args.rounds < 1 or args.repeats < 1:
        ap.error("--rounds and --repeats must be at least 1")
    rows = compare(args.rounds, args.repeats)

    print("%-18s %-5s %-8s %7s %8s %8s %6s" % ("m x k x n", "trans", "dtype", "threads", "jnn", "numpy", "ratio"))
    for r in rows:
        print("%-18s %-5s %-8s %7d %8.1f %8s %6s" % (
            "%dx%dx%d" % (r["m"], r["k"], r["n"]), r["trans"], r["dtype"], r["threads"], r["gflops"],
            r.get("numpy_gflops", "-"), r.get("ratio", "-")))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()
