"""Writes the data-layer fixtures: NumPy and MATLAB files with their expected contents, scikit-learn 1.2.1's toy
generators, bundled-set statistics and stratified subsets, into jnn-core/src/test/resources/fixtures/.

Run with Debian's Python after `apt-get install python3-sklearn`:
    /usr/bin/python3 jnn-core/src/test/python/data_fixtures.py
"""
import io
import json
import os
import zipfile

import numpy as np
import scipy.io
import sklearn
from sklearn import datasets
from sklearn.model_selection import train_test_split

assert sklearn.__version__ == "1.2.1", sklearn.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "fixtures")
FILES = os.path.join(OUT, "data")
os.makedirs(FILES, exist_ok=True)
expected = {"npy": [], "npz": [], "mat": []}


def values(a):
    return np.asarray(a, dtype=np.float64).ravel(order="C").tolist()


# .npy: every element type, both byte orders, C and Fortran order, format versions 1-3.
base = np.array([[0, 1, -2], [3, -4, 5]])
for code in ["f4", "f8", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "b1"]:
    for order in ["<", ">"]:
        if code in ("i1", "u1", "b1") and order == ">":
            continue
        for fortran in [False, True]:
            a = np.abs(base) if code.startswith("u") else base
            a = (a % 2 == 1) if code == "b1" else a
            if code.startswith("f"):
                a = a + 0.25
            arr = np.asarray(a, dtype=np.dtype(order + code) if code != "b1" else np.bool_)
            arr = np.asfortranarray(arr) if fortran else np.ascontiguousarray(arr)
            name = "a_%s_%s_%s.npy" % (code, "be" if order == ">" else "le", "F" if fortran else "C")
            np.save(os.path.join(FILES, name), arr)
            expected["npy"].append({"file": name, "shape": list(arr.shape), "values": values(arr)})
for version in [(2, 0), (3, 0)]:
    name = "v%d.npy" % version[0]
    arr = np.arange(24, dtype="<f8").reshape(2, 3, 4) / 8
    with open(os.path.join(FILES, name), "wb") as f:
        np.lib.format.write_array(f, arr, version=version)
    expected["npy"].append({"file": name, "shape": [2, 3, 4], "values": values(arr)})
np.save(os.path.join(FILES, "scalar.npy"), np.float64(2.5))
expected["npy"].append({"file": "scalar.npy", "shape": [1], "values": [2.5]})

x = np.arange(12, dtype=np.float32).reshape(4, 3) / 4
y = np.array([0, 1, 1, 0], dtype=np.int64)
np.savez(os.path.join(FILES, "xy.npz"), x=x, y=y)
np.savez_compressed(os.path.join(FILES, "xy_compressed.npz"), x=x, y=y, extra=np.ones(2))
for name in ["xy.npz", "xy_compressed.npz"]:
    expected["npz"].append({"file": name, "x": values(x), "x_shape": [4, 3], "y": values(y)})

# .mat Level 5: plain and compressed, numeric classes, logical, a 3-D array, a cell and a string (not read).
X = np.arange(15, dtype=np.float64).reshape(5, 3) * 1.5 - 4
variables = {
    "X": X,
    "y": np.array([[1], [2], [2], [10], [1]], dtype=np.uint8),
    "single": np.array([[0.5, -1.25]], dtype=np.float32),
    "i8": np.array([[-3, 4]], dtype=np.int8), "i16": np.array([[-300, 4]], dtype=np.int16),
    "i32": np.array([[-70000, 4]], dtype=np.int32), "i64": np.array([[-2**40, 4]], dtype=np.int64),
    "u16": np.array([[65535, 4]], dtype=np.uint16), "u32": np.array([[2**32 - 1, 4]], dtype=np.uint32),
    "u64": np.array([[2**40, 4]], dtype=np.uint64),
    "mask": np.array([[True, False, True]]),
    "cube": np.arange(24, dtype=np.float64).reshape(2, 3, 4),
    "big": np.arange(600, dtype=np.float64).reshape(20, 30) / 7,
    "words": "hello",
    "cells": np.array([[1, "a"]], dtype=object),
}
for compress in [False, True]:
    name = "vars_%s.mat" % ("compressed" if compress else "plain")
    scipy.io.savemat(os.path.join(FILES, name), variables, do_compression=compress)
    loaded = scipy.io.loadmat(os.path.join(FILES, name))
    entry = {"file": name, "numeric": {}, "skipped": ["words", "cells"]}
    for k in variables:
        if k in ("words", "cells"):
            continue
        v = loaded[k]
        entry["numeric"][k] = {"shape": list(v.shape), "values": values(v)}
    expected["mat"].append(entry)
scipy.io.savemat(os.path.join(FILES, "v4.mat"), {"X": X}, format="4")

# Toy generators with random_state, as ToySets must draw them.
toys = {
    "moons": {"args": [7, 0.1, 3], "xy": datasets.make_moons(7, noise=0.1, random_state=3)},
    "moons_even": {"args": [10, 0.0, 5], "xy": datasets.make_moons(10, noise=None, random_state=5)},
    "circles": {"args": [9, 0.05, 0.5, 1], "xy": datasets.make_circles(9, noise=0.05, factor=0.5, random_state=1)},
    "blobs": {"args": [10, 3, 1.5, 2], "xy": datasets.make_blobs(10, centers=3, cluster_std=1.5, random_state=2)},
}


def spiral(n, k, noise, seed):  # CS231n's spiral set, drawn from RandomState(seed)
    rng = np.random.RandomState(seed)
    X = np.zeros((n * k, 2))
    y = np.zeros(n * k, dtype=int)
    for j in range(k):
        ix = range(n * j, n * (j + 1))
        r = np.linspace(0.0, 1, n)
        t = np.linspace(j * 4, (j + 1) * 4, n) + rng.randn(n) * noise
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        y[ix] = j
    return X, y


toys["spirals"] = {"args": [5, 3, 0.2, 4], "xy": spiral(5, 3, 0.2, 4)}
toy_out = {k: {"args": v["args"], "x": v["xy"][0].tolist(), "y": v["xy"][1].tolist()} for k, v in toys.items()}

# Bundled sets as scikit-learn loads them, and stratified subsets (train_size=n, stratify=y).
bundled = {}
for name, loader in [("iris", datasets.load_iris), ("breast-cancer", datasets.load_breast_cancer),
                     ("diabetes", datasets.load_diabetes), ("digits", datasets.load_digits)]:
    X, y = loader(return_X_y=True)
    bundled[name] = {"shape": list(X.shape), "x_sum": float(X.sum()), "x_first": X[0].tolist(),
                     "y_sum": float(y.sum()), "y_first": float(y[0])}
Xd, yd = datasets.load_digits(return_X_y=True)
subset = train_test_split(np.arange(len(yd)), train_size=100, stratify=yd, random_state=7)[0]

with open(os.path.join(OUT, "data.json"), "w") as f:
    json.dump({"files": expected, "toys": toy_out, "bundled": bundled,
               "digits_subset_100_seed7": subset.tolist()}, f, indent=1)
print("wrote", len(os.listdir(FILES)), "files and data.json")
