"""Writes params.json: scikit-learn 1.2.1's MLP parameter defaults (get_params) and its messages for values outside
each parameter's constraint, the reference for jnn's parameter tables.

Run with Debian's Python after `apt-get install python3-sklearn`:
    /usr/bin/python3 jnn-core/src/test/python/param_fixtures.py
CI reads only the JSON it writes to jnn-core/src/test/resources/fixtures/params.json.
"""
import json
import math
import os

import numpy as np
import sklearn
from sklearn.neural_network import MLPClassifier, MLPRegressor

assert sklearn.__version__ == "1.2.1", sklearn.__version__

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([0, 1, 1, 0])

# One bad value per numeric or choice parameter; each must fail fit() with the constraint's message.
BAD = {
    "alpha": -0.5, "batch_size": 0, "learning_rate_init": 0.0, "power_t": -1.0, "max_iter": 0, "tol": -1.0,
    "momentum": 1.5, "validation_fraction": 1.0, "beta_1": 1.0, "beta_2": -0.1, "epsilon": 0.0,
    "n_iter_no_change": 0, "max_fun": 0, "activation": "softmax", "solver": "newton", "learning_rate": "fast",
    "random_state": -3,
}


def jsonable(v):
    if isinstance(v, tuple):
        return list(v)
    if isinstance(v, float) and math.isinf(v):
        return "inf"
    return v


out = {"sklearn": sklearn.__version__}
for cls in (MLPClassifier, MLPRegressor):
    defaults = {k: jsonable(v) for k, v in cls().get_params().items()}
    messages = {}
    for name, value in BAD.items():
        try:
            cls(**{name: value}).fit(X, Y)
        except ValueError as e:
            messages[name] = {"value": value, "message": str(e)}
        else:
            raise AssertionError(f"{cls.__name__}({name}={value!r}) was accepted")
    out[cls.__name__] = {"defaults": defaults, "messages": messages}

# How Python prints them: the estimator's repr (changed parameters only) and get_params()
from sklearn.linear_model import Perceptron
from sklearn.svm import SVC
out["printed"] = [
    {"estimator": "MLPClassifier", "params": {"hidden_layer_sizes": "50", "max_iter": 10},
     "repr": repr(MLPClassifier(hidden_layer_sizes=(50,), max_iter=10)),
     "get_params": str(MLPClassifier(hidden_layer_sizes=(50,), max_iter=10).get_params())},
    {"estimator": "MLPRegressor", "params": {"hidden_layer_sizes": "20,10", "alpha": 0.01, "early_stopping": True},
     "repr": repr(MLPRegressor(hidden_layer_sizes=(20, 10), alpha=0.01, early_stopping=True)),
     "get_params": str(MLPRegressor(hidden_layer_sizes=(20, 10), alpha=0.01, early_stopping=True).get_params())},
    {"estimator": "Perceptron", "params": {"penalty": "l2", "eta0": 0.5},
     "repr": repr(Perceptron(penalty="l2", eta0=0.5)), "get_params": str(Perceptron(penalty="l2", eta0=0.5).get_params())},
    {"estimator": "SVC", "params": {"kernel": "linear", "C": 10.0},
     "repr": repr(SVC(kernel="linear", C=10.0)), "get_params": str(SVC(kernel="linear", C=10.0).get_params())},
]

target = os.path.join(os.path.dirname(__file__), "..", "resources", "fixtures", "params.json")
with open(target, "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
