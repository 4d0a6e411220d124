#!/usr/bin/python3
"""Per-epoch time of jnn's MLPClassifier against scikit-learn's, on Fashion-MNIST 60k, in the same run.

Both train (100,), adam, batch 200, random_state 0 for --epochs epochs (20) on pixels / 255, in float32 and in
float64, and report the test accuracy. Needs Debian's scikit-learn and data:
    apt-get install -y python3-sklearn dataset-fashion-mnist
    /usr/bin/python3 jnn-bench/mlp_vs_sklearn.py [--epochs 20] [--json FILE]
"""
import argparse
import gzip
import json
import os
import subprocess
import time
import warnings

import numpy as np
import sklearn
from sklearn.neural_network import MLPClassifier

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    rank = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(rank)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(shape)


def sklearn_run(d, dtype, epochs):
    x = idx(os.path.join(d, "train-images-idx3-ubyte.gz")).reshape(60000, -1).astype(dtype) / dtype(255)
    y = idx(os.path.join(d, "train-labels-idx1-ubyte.gz"))
    xt = idx(os.path.join(d, "t10k-images-idx3-ubyte.gz")).reshape(10000, -1).astype(dtype) / dtype(255)
    yt = idx(os.path.join(d, "t10k-labels-idx1-ubyte.gz"))
    clf = MLPClassifier(hidden_layer_sizes=(100,), solver="adam", batch_size=200, max_iter=epochs, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        clf.fit(x, y)
        fit = time.perf_counter() - start
    times = []
    for _ in range(7):   # predict_proba on the whole test set, as jnn bench mlp times it
        t0 = time.perf_counter()
        clf.predict_proba(xt)
        times.append(time.perf_counter() - t0)
    return {"n_iter": clf.n_iter_, "fit_seconds": fit, "mean_epoch_seconds": fit / clf.n_iter_,
            "test_accuracy": clf.score(xt, yt), "predict_proba_rows_per_second": len(xt) / sorted(times)[3]}


def jnn_run(d, dtype, epochs):
    out = subprocess.run([os.path.join(ROOT, "jnn"), "bench", "mlp", "--json", "--data-dir", d, "--dtype", dtype,
                          "--epochs", str(epochs)], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--json")
    a = ap.parse_args()
    rows = []
    print("scikit-learn %s, numpy %s, %d cores" % (sklearn.__version__, np.__version__, os.cpu_count()))
    for name, dtype in (("float32", np.float32), ("float64", np.float64)):
        j = jnn_run(a.data_dir, name, a.epochs)
        s = sklearn_run(a.data_dir, dtype, a.epochs)
        ratio = j["mean_epoch_seconds"] / s["mean_epoch_seconds"]
        speed = j["predict_proba_rows_per_second"] / s["predict_proba_rows_per_second"]
        rows.append({"dtype": name, "jnn": j, "sklearn": s, "epoch_ratio": ratio, "predict_speedup": speed})
        print("%s: epoch jnn %.3f s (median %.3f) vs scikit-learn %.3f s -> ratio %.2f; accuracy jnn %.4f vs %.4f;"
              " predict_proba jnn %.0f vs scikit-learn %.0f rows/s -> %.2fx"
              % (name, j["mean_epoch_seconds"], j["median_epoch_seconds"], s["mean_epoch_seconds"], ratio,
                 j["test_accuracy"], s["test_accuracy"], j["predict_proba_rows_per_second"],
                 s["predict_proba_rows_per_second"], speed))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()
