"""Writes perceptron.json: scikit-learn 1.2.1 Perceptron fits that jnn must reproduce to 1e-12 (level D).

    /usr/bin/python3 jnn-core/src/test/python/perceptron_fixtures.py

CI reads only jnn-core/src/test/resources/fixtures/perceptron.json.
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.datasets import make_blobs, make_classification
from sklearn.linear_model import Perceptron

assert sklearn.__version__ == "1.2.1", sklearn.__version__

X2, y2 = make_classification(n_samples=60, n_features=4, n_informative=3, n_redundant=0, random_state=1)
X3, y3 = make_blobs(n_samples=75, centers=3, n_features=3, cluster_std=2.5, random_state=2)
X4, y4 = make_blobs(n_samples=80, centers=4, n_features=2, cluster_std=1.5, random_state=5)

CASES = [
    ("binary_default", X2, y2, {}),
    ("binary_no_shuffle", X2, y2, {"shuffle": False}),
    ("binary_l2", X2, y2, {"penalty": "l2", "alpha": 0.01}),
    ("binary_l1", X2, y2, {"penalty": "l1", "alpha": 0.005}),
    ("binary_elasticnet", X2, y2, {"penalty": "elasticnet", "alpha": 0.01, "l1_ratio": 0.4}),
    ("binary_early_stopping", X2, y2, {"early_stopping": True, "validation_fraction": 0.2, "n_iter_no_change": 3}),
    ("binary_no_intercept_eta", X2, y2, {"fit_intercept": False, "eta0": 0.3, "random_state": 7}),
    ("binary_tol_none", X2, y2, {"tol": None, "max_iter": 15}),
    ("multiclass_default", X3, y3, {}),
    ("multiclass_l2_balanced", X3, y3, {"penalty": "l2", "alpha": 0.001, "class_weight": "balanced"}),
    ("multiclass_early_stopping", X4, y4, {"early_stopping": True, "random_state": 3}),
    ("multiclass_weights_dict", X4, y4, {"class_weight": {0: 1.0, 1: 2.5, 3: 0.5}, "shuffle": False}),
    ("multiclass_elasticnet_max_iter", X4, y4, {"penalty": "elasticnet", "alpha": 0.02, "max_iter": 4}),
]

cases = []
for name, X, y, params in CASES:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        est = Perceptron(**params).fit(X, y)
    cw = params.get("class_weight")
    if isinstance(cw, dict):
        cw = ",".join(f"{k}:{v}" for k, v in cw.items())
    p = dict(params)
    if "class_weight" in p:
        p["class_weight"] = cw
    cases.append({
        "name": name, "params": p, "x": X.tolist(), "y": y.tolist(),
        "coef": est.coef_.tolist(), "intercept": est.intercept_.tolist(), "n_iter": int(est.n_iter_),
        "t": float(est.t_), "classes": est.classes_.tolist(),
        "decision": est.decision_function(X[:5]).tolist(), "predict": est.predict(X).tolist(),
        "warnings": [str(w.message) for w in caught],
    })

# partial_fit: three one-epoch calls
est = Perceptron(random_state=4)
for _ in range(3):
    est.partial_fit(X3, y3, classes=np.unique(y3))
partial = {"x": X3.tolist(), "y": y3.tolist(), "coef": est.coef_.tolist(), "intercept": est.intercept_.tolist(),
           "n_iter": int(est.n_iter_), "t": float(est.t_)}

target = os.path.join(os.path.dirname(__file__), "..", "resources", "fixtures", "perceptron.json")
with open(target, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "cases": cases, "partial_fit": partial}, f)
print(len(cases), "cases")
