#!/usr/bin/python3
"""jnn against numpy, scikit-learn and PyTorch in one run: every ratio that issue 28 sets a target for.

Sections (--only picks some; default all):
  gemm     jnn bench gemm against numpy's matmul (OpenBLAS) on the MLP, LeNet and 1024^3 shapes, 1 and T threads
  mlp      jnn bench mlp against scikit-learn's MLPClassifier ((100,), adam, batch 200, Fashion-MNIST), float32 and
           float64, and the epoch's matrix-product floor: numpy timing the same products on the same shapes
  scaling  jnn bench mlp on the first 15k, 30k and 60k rows: the best of 6 epochs should grow linearly
  lenet    jnn bench lenet against PyTorch on full MNIST, both LeNet-5 networks, batch 128, Adam 0.001
  predict  jnn bench predict against scikit-learn (the MLP) and PyTorch (the MLP and both LeNet-5s): rows/s in
           batches of 1000 and the latency of single rows
  search   jnn bench search against scikit-learn's GridSearchCV: 12 MLP candidates x 3 folds on digits, 1 and T
           jobs (no target: the times, the speed-ups and whether both pick the same candidate)

Every measurement runs in its own process, so each side's peak RSS (from wait4) is its own. The sides alternate,
--rounds times (2), and each keeps its best figure: a shared VM's speed drifts for minutes at a time. Threads: jnn
--threads T, OpenBLAS T threads for numpy and scikit-learn, torch.set_num_threads(T) with OpenBLAS at 1 for PyTorch
(its fastest setting here). Needs Debian's references and data:
    apt-get install -y python3-sklearn python3-torch dataset-fashion-mnist    (MNIST: see the README)
    /usr/bin/python3 jnn-bench/compare.py [--only gemm,mlp,scaling,lenet,predict,search] [--rounds 2] [--threads 2]
        [--epochs 10] [--lenet-epochs 5] [--json FILE]
"""
import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gemm_vs_numpy  # noqa: E402
import lenet_vs_pytorch  # noqa: E402

ROOT = os.path.dirname(HERE)
JNN = os.path.join(ROOT, "jnn")
SECTIONS = ("gemm", "mlp", "scaling", "lenet", "predict", "search")
FASHION = "/usr/share/datasets/fashion-mnist"
# lenet_vs_pytorch names the networks by their course names; jnn bench by the model zoo's.
TORCH_NETWORK = {"lenet5-3x3": "lenet5", "lenet5": "lenet5-5x5"}


def cpu_model():
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if line.startswith("Model name:"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def child(cmd, env=None):
    """Runs cmd in its own process; returns its last stdout line as JSON and its peak RSS in MiB."""
    out, peak = lenet_vs_pytorch.run_child([str(c) for c in cmd], env or dict(os.environ))
    return json.loads(out.strip().splitlines()[-1]), peak / 1024


def blas_env(threads):
    t = str(threads)
    return dict(os.environ, OPENBLAS_NUM_THREADS=t, OMP_NUM_THREADS=t, MKL_NUM_THREADS=t)


def self_child(args, env):
    return child([sys.executable, os.path.abspath(__file__), "--child"] + [str(a) for a in args], env)


# ---- the reference sides, each run as `compare.py --child NAME ...` -----------------------------------------------

def idx_set(dtype, rows, data):
    """The first rows training rows and the test rows of an MNIST-format set, pixels / 255, in dtype."""
    import numpy as np
    x = lenet_vs_pytorch.idx(data, "train-images-idx3-ubyte").reshape(60000, -1)[:rows].astype(dtype) / dtype(255)
    y = lenet_vs_pytorch.idx(data, "train-labels-idx1-ubyte")[:rows]
    xt = lenet_vs_pytorch.idx(data, "t10k-images-idx3-ubyte").reshape(10000, -1).astype(dtype) / dtype(255)
    yt = lenet_vs_pytorch.idx(data, "t10k-labels-idx1-ubyte")
    return np.ascontiguousarray(x), y, np.ascontiguousarray(xt), yt


def child_sklearn_mlp(dtype, epochs, rows, data):
    import warnings
    import numpy as np
    from sklearn.neural_network import MLPClassifier
    x, y, xt, yt = idx_set(getattr(np, dtype), rows, data)
    clf = MLPClassifier(hidden_layer_sizes=(100,), solver="adam", batch_size=200, max_iter=epochs, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t0 = time.perf_counter()
        clf.fit(x, y)
        fit = time.perf_counter() - t0
    return {"fit_seconds": fit, "n_iter": clf.n_iter_, "mean_epoch_seconds": fit / clf.n_iter_,
            "test_accuracy": clf.score(xt, yt)}


def child_floor(dtype, rows):
    """numpy's time for the matrix products of one MLP epoch: per batch of 200, X·W1 and H·W2 forward, and
    Hᵀ·D2, D2·W2ᵀ and Xᵀ·D1 backward (scikit-learn computes no gradient for X); median of 5 epochs."""
    import numpy as np
    rng = np.random.RandomState(0)
    t = getattr(np, dtype)
    x = rng.uniform(0, 1, (rows, 784)).astype(t)
    w1, w2 = rng.uniform(-1, 1, (784, 100)).astype(t), rng.uniform(-1, 1, (100, 10)).astype(t)
    h, z2 = np.empty((200, 100), t), np.empty((200, 10), t)
    d2, d1 = rng.uniform(-1, 1, (200, 10)).astype(t), rng.uniform(-1, 1, (200, 100)).astype(t)
    g2, g1 = np.empty((100, 10), t), np.empty((784, 100), t)

    def epoch():
        for s in range(0, rows - rows % 200, 200):
            xb = x[s:s + 200]
            np.matmul(xb, w1, out=h)
            np.matmul(h, w2, out=z2)
            np.matmul(h.T, d2, out=g2)
            np.matmul(d2, w2.T, out=d1)
            np.matmul(xb.T, d1, out=g1)
    epoch()
    seconds = []
    for _ in range(5):
        t0 = time.perf_counter()
        epoch()
        seconds.append(time.perf_counter() - t0)
    return {"floor_epoch_seconds": sorted(seconds)[2]}


def timed_predict(predict, x):
    """rows/s in batches of 1000 (median of 7 passes after 3) and the median single-row latency in µs."""
    n = len(x) - len(x) % 1000

    def batches():
        for s in range(0, n, 1000):
            predict(x[s:s + 1000])
    for _ in range(3):
        batches()
    passes = []
    for _ in range(7):
        t0 = time.perf_counter()
        batches()
        passes.append(time.perf_counter() - t0)
    for i in range(1000):
        predict(x[i:i + 1])
    micros = []
    for i in range(2000):
        r = i % len(x)
        t0 = time.perf_counter()
        predict(x[r:r + 1])
        micros.append((time.perf_counter() - t0) * 1e6)
    return {"batch_rows_per_second": n / sorted(passes)[3], "single_row_microseconds": sorted(micros)[1000]}


def child_sklearn_predict(data):
    import warnings
    import numpy as np
    from sklearn.neural_network import MLPClassifier
    x, y, xt, _ = idx_set(np.float32, 2000, data)
    clf = MLPClassifier(hidden_layer_sizes=(100,), batch_size=200, max_iter=1, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        clf.fit(x, y)
    return dict(timed_predict(clf.predict_proba, xt), model="mlp")


def child_torch_predict(model, threads, data):
    import numpy as np
    import torch
    import torch.nn as nn
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    xt = lenet_vs_pytorch.idx(data, "t10k-images-idx3-ubyte").astype(np.float32) / 255
    if model == "mlp":
        net = nn.Sequential(nn.Linear(784, 100), nn.ReLU(), nn.Linear(100, 10), nn.Softmax(dim=1))
        x = torch.from_numpy(xt.reshape(-1, 784))
    else:
        net = nn.Sequential(lenet_vs_pytorch.torch_model(TORCH_NETWORK[model]), nn.Softmax(dim=1))
        x = torch.from_numpy(xt.reshape(-1, 1, 28, 28))
    net.eval()
    with torch.no_grad():
        return dict(timed_predict(net, x), model=model)


def child_sklearn_search(jobs):
    import warnings
    from sklearn.datasets import load_digits
    from sklearn.model_selection import GridSearchCV, StratifiedKFold
    from sklearn.neural_network import MLPClassifier
    x, y = load_digits(return_X_y=True)
    grid = {"hidden_layer_sizes": [(32,), (64,), (100,)], "alpha": [1e-4, 1e-3, 1e-2, 1e-1]}
    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for j in (1, jobs):
            search = GridSearchCV(MLPClassifier(max_iter=200, random_state=0), grid, scoring="accuracy",
                                  cv=StratifiedKFold(3), n_jobs=j)
            t0 = time.perf_counter()
            search.fit(x / 16.0, y)
            out["seconds_jobs_%d" % j] = time.perf_counter() - t0
    out["best_params"] = {"alpha": search.best_params_["alpha"],
                          "hidden_layer_sizes": str(search.best_params_["hidden_layer_sizes"][0])}
    out["best_score"] = search.best_score_
    return out


# ---- the sections ------------------------------------------------------------------------------------------------

def best(runs, key, low=True):
    values = [r[key] for r in runs]
    return min(values) if low else max(values)


def section_gemm(a):
    rows = gemm_vs_numpy.compare(a.rounds, 7, a.threads)
    checks = []
    for r in rows:
        if "ratio" in r:
            target = 0.95 if r["dtype"] == "float32" else 0.9
            checks.append(("GEMM %dx%dx%d %s %s %d thr (jnn %.0f / numpy %.0f GF/s)" % (
                r["m"], r["k"], r["n"], r["trans"], r["dtype"], r["threads"], r["gflops"], r["numpy_gflops"]),
                r["ratio"], ">=", target))
    return {"rows": rows}, checks


def section_mlp(a):
    out, checks = {}, []
    for dtype in ("float32", "float64"):
        jnn, ref, floor = [], [], []
        for _ in range(a.rounds):
            r, peak = child([JNN, "bench", "mlp", "--json", "--dtype", dtype, "--epochs", a.epochs, "--threads",
                             a.threads, "--data-dir", a.fashion])
            jnn.append(dict(r, peak_rss_mib=peak))
            r, peak = self_child(["sklearn-mlp", dtype, a.epochs, 60000, a.fashion], blas_env(a.threads))
            ref.append(dict(r, peak_rss_mib=peak))
            floor.append(self_child(["floor", dtype, 60000], blas_env(a.threads))[0])
        median, mean = best(jnn, "median_epoch_seconds"), best(jnn, "mean_epoch_seconds")
        sk, fl = best(ref, "mean_epoch_seconds"), best(floor, "floor_epoch_seconds")
        out[dtype] = {"jnn": jnn, "sklearn": ref, "floor": floor}
        checks += [
            ("MLP %s median epoch / numpy floor (%.3f / %.3f s)" % (dtype, median, fl), median / fl, "<=", 1.3),
            ("MLP %s mean epoch / scikit-learn's (%.3f / %.3f s)" % (dtype, mean, sk), mean / sk, "<=", 0.5),
            ("MLP %s mean / median epoch over %s (warm-up)" % (dtype, a.epochs), mean / median, "<=", 1.15),
            ("MLP %s jnn peak RSS GB (scikit-learn %.2f)" % (dtype, best(ref, "peak_rss_mib") / 1024),
             best(jnn, "peak_rss_mib") / 1024, "<=", 1.0)]
    return out, checks


def section_scaling(a):
    out, checks = {}, []
    for rows in (15000, 30000, 60000):
        runs = [child([JNN, "bench", "mlp", "--json", "--rows", rows, "--epochs", 6, "--threads", a.threads,
                       "--data-dir", a.fashion])[0] for _ in range(a.rounds)]
        out[rows] = min(min(r["epoch_seconds"]) for r in runs)   # the steady state: the warm-up is not per row
    base = out[15000] / 15000
    for rows in (30000, 60000):
        checks.append(("MLP float32 epoch at %dk rows / (%d x the 15k epoch: %.3f s -> %.3f s)" % (
            rows // 1000, rows // 15000, out[15000], out[rows]), out[rows] / (base * rows), "<=", 1.15))
    return out, checks


def section_lenet(a):
    out, checks = {}, []
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    for net in ("lenet5-3x3", "lenet5"):
        jnn, ref = [], []
        for _ in range(a.rounds):
            r, peak = child([sys.executable, os.path.join(HERE, "lenet_vs_pytorch.py"), "--child", "--epochs",
                             str(a.lenet_epochs), "--threads", str(a.threads), "--data", a.mnist, "--network",
                             TORCH_NETWORK[net]], env)
            ref.append(dict(r, fit_seconds=sum(r["epoch_seconds"]), peak_rss_mib=peak))
            r, peak = child([JNN, "bench", "lenet", "--json", "--network", net, "--epochs", a.lenet_epochs,
                             "--threads", a.threads, "--data-dir", a.mnist], env)
            jnn.append(dict(r, peak_rss_mib=peak))
        out[net] = {"jnn": jnn, "pytorch": ref}
        jb, pb = best(jnn, "best_epoch_seconds"), min(min(r["epoch_seconds"]) for r in ref)
        jf, pf = best(jnn, "fit_seconds"), best(ref, "fit_seconds")
        checks += [
            ("%s best epoch / PyTorch's (%.2f / %.2f s)" % (net, jb, pb), jb / pb, "<=", 0.4),
            ("%s %s-epoch fit / PyTorch's (%.1f / %.1f s)" % (net, a.lenet_epochs, jf, pf), jf / pf, "<=", 0.5),
            ("%s jnn peak RSS GB (PyTorch %.2f)" % (net, best(ref, "peak_rss_mib") / 1024),
             best(jnn, "peak_rss_mib") / 1024, "<=", 0.6)]
    return out, checks


def section_predict(a):
    models = ("mlp", "lenet5-3x3", "lenet5")
    jnn, sk, pt = [], [], {m: [] for m in models}
    for _ in range(a.rounds):
        jnn.append(child([JNN, "bench", "predict", "--json", "--threads", a.threads, "--data-dir", a.mnist])[0])
        sk.append(self_child(["sklearn-predict", a.mnist], blas_env(a.threads))[0])
        for m in models:
            pt[m].append(self_child(["torch-predict", m, a.threads, a.mnist], dict(os.environ,
                                                                                 OPENBLAS_NUM_THREADS="1"))[0])
    checks = []
    for i, m in enumerate(models):
        rate = max(run[i]["batch_rows_per_second"] for run in jnn)
        lat = min(run[i]["single_row_microseconds"] for run in jnn)
        refs = [("PyTorch", pt[m])] + ([("scikit-learn", sk)] if m == "mlp" else [])
        for name, runs in refs:
            rr, rl = best(runs, "batch_rows_per_second", low=False), best(runs, "single_row_microseconds")
            checks += [("%s rows/s, batch 1000, jnn / %s (%.0f / %.0f)" % (m, name, rate, rr), rate / rr, ">=", 2.0),
                       ("%s single-row speed, jnn / %s (%.1f / %.1f µs)" % (m, name, lat, rl), rl / lat, ">=", 2.0)]
    return {"jnn": jnn, "sklearn": sk, "pytorch": pt}, checks


def section_search(a):
    jnn, ref = [], []
    for _ in range(a.rounds):
        jnn.append(child([JNN, "bench", "search", "--json", "--jobs", a.threads])[0])
        ref.append(self_child(["sklearn-search", a.threads], blas_env(1))[0])
    t = a.threads
    j1, jt = best(jnn, "seconds_jobs_1"), best(jnn, "seconds_jobs_" + t)
    s1, st = best(ref, "seconds_jobs_1"), best(ref, "seconds_jobs_" + t)
    same = jnn[0]["best_params"] == ref[0]["best_params"] and abs(jnn[0]["best_score"] - ref[0]["best_score"]) < 1e-9
    checks = [("search, 1 job: jnn / scikit-learn (%.2f / %.2f s)" % (j1, s1), j1 / s1, "", None),
              ("search, %s jobs: jnn / scikit-learn (%.2f / %.2f s)" % (t, jt, st), jt / st, "", None),
              ("search speed-up with %s jobs: jnn (scikit-learn %.2f)" % (t, s1 / st), j1 / jt, "", None),
              ("search: the same best candidate and score as scikit-learn (%s)" % jnn[0]["best_params"],
               1.0 if same else 0.0, ">=", 1.0)]
    return {"jnn": jnn, "sklearn": ref}, checks


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections (default: all)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--epochs", type=int, default=10, help="MLP epochs (default 10)")
    ap.add_argument("--lenet-epochs", type=int, default=5)
    ap.add_argument("--fashion", default=FASHION, help="Fashion-MNIST IDX directory")
    ap.add_argument("--mnist", default=os.path.join(os.environ["JNN_DATA"], "mnist") if os.environ.get("JNN_DATA")
                    else os.path.expanduser("~/.cache/jnn/mnist"), help="MNIST IDX directory")
    ap.add_argument("--json", help="also write every measurement and ratio to this file")
    ap.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        name, rest = a.child[0], a.child[1:]
        run = {"sklearn-mlp": lambda: child_sklearn_mlp(rest[0], int(rest[1]), int(rest[2]), rest[3]),
               "floor": lambda: child_floor(rest[0], int(rest[1])),
               "sklearn-predict": lambda: child_sklearn_predict(rest[0]),
               "torch-predict": lambda: child_torch_predict(rest[0], int(rest[1]), rest[2]),
               "sklearn-search": lambda: child_sklearn_search(int(rest[0]))}[name]
        print(json.dumps(run()))
        return
    only = [s.strip() for s in a.only.split(",") if s.strip()]
    unknown = [s for s in only if s not in SECTIONS]
    if unknown or not only:
        ap.error("--only takes %s; got %s" % (", ".join(SECTIONS), a.only))
    if min(a.rounds, a.threads, a.epochs, a.lenet_epochs) < 1:
        ap.error("--rounds, --threads, --epochs and --lenet-epochs must be at least 1")
    a.epochs, a.lenet_epochs = str(a.epochs), str(a.lenet_epochs)
    a.threads = str(a.threads)
    cpu = cpu_model()
    print("CPU: %s, %d cores; %s threads, %d rounds; %s" % (cpu, os.cpu_count(), a.threads, a.rounds,
                                                          time.strftime("%Y-%m-%d")), flush=True)
    report = {"cpu": cpu, "cores": os.cpu_count(), "threads": int(a.threads), "rounds": a.rounds,
              "date": time.strftime("%Y-%m-%d"), "sections": {}, "checks": []}
    for name in only:
        t0 = time.perf_counter()
        data, checks = globals()["section_" + name](a)
        report["sections"][name] = data
        print("\n%s (%.0f s)" % (name, time.perf_counter() - t0))
        for what, value, op, target in checks:
            if target is None:                  # a figure without a target
                report["checks"].append({"what": what, "value": round(value, 3)})
                print("  %-72s %7.2f" % (what, value), flush=True)
                continue
            ok = value <= target if op == "<=" else value >= target
            report["checks"].append({"what": what, "value": round(value, 3), "target": op + " " + str(target),
                                     "met": ok})
            print("  %-72s %7.2f  target %s %-5s %s" % (what, value, op, target, "met" if ok else "MISSED"),
                  flush=True)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(report, f, indent=1)


if __name__ == "__main__":
    main()
