"""Writes sampler.json: the candidates scikit-learn 1.2.1's RandomizedSearchCV draws (its ParameterSampler, with
scipy 1.10's distributions) for given seeds, which jnn's RandomizedSearchCV must draw identically.

    /usr/bin/python3 jnn-core/src/test/python/sampler_fixtures.py

CI reads only jnn-core/src/test/resources/fixtures/sampler.json.
"""
import json
import os
import warnings

import numpy as np
import scipy
import sklearn
from scipy.stats import expon, loguniform, norm, randint, uniform
from sklearn.model_selection import ParameterSampler

assert sklearn.__version__ == "1.2.1", sklearn.__version__


def spec(v):
    """The space as jnn's test reads it: lists as they are, distributions by name and arguments."""
    if isinstance(v, list):
        return v
    name = v.dist.name
    if name == "uniform":
        return {"dist": "uniform", "loc": v.kwds["loc"], "scale": v.kwds["scale"]}
    if name == "loguniform":
        return {"dist": "loguniform", "lo": v.args[0], "hi": v.args[1]}
    if name == "randint":
        return {"dist": "randint", "lo": v.args[0], "hi": v.args[1]}
    return {"dist": name, "loc": v.kwds.get("loc", 0.0), "scale": v.kwds.get("scale", 1.0)}


def native(v):
    return v.item() if hasattr(v, "item") else v


CASES = [
    ("lists_permutation", {"alpha": [1e-4, 1e-3, 1e-2, 1e-1], "hidden_layer_sizes": ["10", "50", "100"]}, 5, 0),
    ("lists_all_of_the_grid", {"alpha": [1e-4, 1e-2], "solver": ["adam", "sgd", "lbfgs"]}, 10, 3),
    ("lists_tracking_selection", {"a": list(range(10)), "b": list(range(10)), "c": list(range(10))}, 5, 7),
    ("lists_reservoir", {"a": list(range(20)), "b": list(range(10))}, 199, 1),
    ("mixed_uniform_loguniform_randint", {"alpha": loguniform(1e-5, 1e-1), "momentum": uniform(loc=0.5, scale=0.45),
                                          "batch_size": randint(16, 257), "solver": ["adam", "sgd"]}, 8, 42),
    ("norm_and_expon", {"beta_1": norm(loc=0.9, scale=0.01), "learning_rate_init": expon(loc=0.0, scale=0.01),
                        "tol": [1e-4, 1e-3]}, 6, 5),
]

cases = []
for name, space, n_iter, seed in CASES:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        drawn = [{k: native(v) for k, v in p.items()} for p in ParameterSampler(space, n_iter, random_state=seed)]
    cases.append({"name": name, "space": {k: spec(v) for k, v in space.items()}, "n_iter": n_iter, "seed": seed,
                  "candidates": drawn})

out = os.path.join(os.path.dirname(__file__), "..", "resources", "fixtures", "sampler.json")
with open(out, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "scipy": scipy.__version__, "cases": cases}, f, indent=1)
print("wrote", len(cases), "cases")
