"""Writes the numpy RandomState check values that RngTest compares against.

Run from the repository root with any python3 that has numpy (the legacy RandomState stream is frozen, so
numpy 1.24 from Debian's python3-sklearn and newer releases give the same values):

    /usr/bin/python3 jnn-core/src/test/python/rng_vectors.py
"""
import json
import os

import numpy as np

out = {"numpy_version": np.__version__, "cases": []}


def case(name, seed, values):
    out["cases"].append({"name": name, "seed": seed, "values": [float(v) for v in values]})


for seed in (0, 42, 5489, 4294967295):
    # first raw 32-bit outputs, via the bit generator
    bg = np.random.RandomState(seed)._bit_generator
    case("raw32", seed, bg.random_raw(5) if hasattr(bg, "random_raw") else [])
    case("random_sample", seed, np.random.RandomState(seed).random_sample(7))
    case("uniform(-2,3)", seed, np.random.RandomState(seed).uniform(-2, 3, size=5))
    case("normal", seed, np.random.RandomState(seed).normal(size=9))
    case("normal(1.5,0.2)", seed, np.random.RandomState(seed).normal(1.5, 0.2, size=4))
    case("randint(0,1000)", seed, np.random.RandomState(seed).randint(0, 1000, size=8))
    case("randint(-5,6)", seed, np.random.RandomState(seed).randint(-5, 6, size=8))
    case("randint(0,2**40)", seed, np.random.RandomState(seed).randint(0, 2**40, size=4))
    case("permutation(10)", seed, np.random.RandomState(seed).permutation(10))
    case("permutation(1000)[:20]", seed, np.random.RandomState(seed).permutation(1000)[:20])
    case("choice(20,5)", seed, np.random.RandomState(seed).choice(20, 5, replace=False))
    r = np.random.RandomState(seed)
    a = np.arange(12)
    r.shuffle(a)
    # the draws after a shuffle continue the same stream
    case("shuffle(12)+random_sample", seed, list(a) + list(r.random_sample(2)))

out["cases"] = [c for c in out["cases"] if c["values"]]
path = os.path.join(os.path.dirname(__file__), "..", "resources", "fixtures", "rng.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", os.path.normpath(path), len(out["cases"]), "cases")
