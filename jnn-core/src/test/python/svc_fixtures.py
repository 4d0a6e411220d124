"""Writes svc.json: scikit-learn 1.2.1 SVC fits that jnn's SVC (LIBSVM's Java port, rows sorted stably by class)
must reproduce: the same support vectors, dual coefficients and intercepts, decision values within 1e-13.

    /usr/bin/python3 jnn-core/src/test/python/svc_fixtures.py

CI reads only jnn-core/src/test/resources/fixtures/svc.json.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.datasets import load_digits, load_iris, make_blobs, make_moons
from sklearn.svm import SVC

assert sklearn.__version__ == "1.2.1", sklearn.__version__

Xm, ym = make_moons(n_samples=120, noise=0.25, random_state=0)
iris = load_iris()
Xi, yi = iris.data, iris.target
Xb, yb = make_blobs(n_samples=[30, 50, 20, 40], n_features=3, cluster_std=2.0, random_state=4)
yb = np.array([10, 20, 30, 40])[yb]                    # labels that are not class indices
digits = load_digits()
Xd, yd = digits.data[:1000], digits.target[:1000]
# two separable clouds for the hard margin
rng = np.random.RandomState(3)
Xs = np.vstack([rng.randn(20, 2) + [2.5, 2.5], rng.randn(20, 2) - [2.5, 2.5]])
ys = np.array([1] * 20 + [-1] * 20)

CASES = [
    ("moons_rbf_default", Xm, ym, {}),
    ("moons_linear", Xm, ym, {"kernel": "linear", "C": 0.5}),
    ("moons_poly_auto", Xm, ym, {"kernel": "poly", "degree": 3, "gamma": "auto", "coef0": 1.0}),
    ("moons_sigmoid", Xm, ym, {"kernel": "sigmoid", "gamma": 0.3, "coef0": -0.5, "C": 2.0}),
    ("moons_rbf_weights", Xm, ym, {"C": 3.0, "gamma": 2.0, "class_weight": {1: 4.0}}),
    ("iris_rbf_ovr", Xi, yi, {"C": 10.0}),
    ("iris_rbf_ovo_noshrink", Xi, yi, {"C": 10.0, "decision_function_shape": "ovo", "shrinking": False,
                                        "tol": 1e-4}),
    ("iris_linear_ovo", Xi, yi, {"kernel": "linear", "decision_function_shape": "ovo"}),
    ("blobs_poly_balanced", Xb, yb, {"kernel": "poly", "degree": 2, "C": 0.8, "class_weight": "balanced"}),
    ("blobs_sigmoid_ovo", Xb, yb, {"kernel": "sigmoid", "gamma": 0.01, "coef0": 0.1,
                                    "decision_function_shape": "ovo"}),
    ("blobs_rbf_break_ties", Xb, yb, {"gamma": 0.5, "break_ties": True}),
    ("digits_rbf_scale", Xd, yd, {}),
    ("digits_linear_cache", Xd, yd, {"kernel": "linear", "C": 0.01, "cache_size": 50}),
    ("separable_hard_margin", Xs, ys, {"kernel": "linear", "C": 1e10}),
    ("moons_probability", Xm, ym, {"probability": True, "random_state": 0}),
]

cases = []
for name, X, y, params in CASES:
    est = SVC(**params).fit(X, y)
    p = dict(params)
    if isinstance(p.get("class_weight"), dict):
        p["class_weight"] = ",".join(f"{k}:{v}" for k, v in p["class_weight"].items())
    case = {
        "name": name, "params": p, "x": X.tolist(), "y": y.tolist(),
        "gamma": float(est._gamma), "classes": est.classes_.tolist(),
        "support": est.support_.tolist(), "n_support": est.n_support_.tolist(),
        "dual_coef": est.dual_coef_.tolist(), "intercept": est.intercept_.tolist(),
        "n_iter": est.n_iter_.tolist(), "class_weight": est.class_weight_.tolist(),
        "decision": est.decision_function(X[:200]).tolist(), "predict": est.predict(X).tolist(),
        "score": float(est.score(X, y)),
    }
    if est.kernel == "linear":
        case["coef"] = est.coef_.tolist()
    if est.probability:
        proba = est.predict_proba(X)
        case["proba_rows_sum"] = np.sum(proba, axis=1).tolist()
    cases.append(case)

out = os.path.join(os.path.dirname(__file__), "..", "resources", "fixtures", "svc.json")
with open(out, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "cases": cases}, f, separators=(",", ":"))
print("wrote", os.path.normpath(out), len(cases), "cases")

# the course's C x gamma grid, scored by roc_auc (which ranks by decision_function) over 5 stratified folds
from sklearn.model_selection import GridSearchCV
grid = {"C": [0.1, 1, 10, 100], "gamma": ["scale", 0.01, 0.1]}
search = GridSearchCV(SVC(), grid, scoring="roc_auc", cv=5).fit(Xm, ym)
search_case = {"grid": {"C": grid["C"], "gamma": [str(g) for g in grid["gamma"]]},
               "mean_test_score": search.cv_results_["mean_test_score"].tolist(),
               "params": [{"C": p["C"], "gamma": str(p["gamma"])} for p in search.cv_results_["params"]],
               "best_params": {"C": search.best_params_["C"], "gamma": str(search.best_params_["gamma"])}}
with open(out) as f:
    data = json.load(f)
data["search"] = search_case
with open(out, "w") as f:
    json.dump(data, f, separators=(",", ":"))
print("search:", search.best_params_, search.best_score_)
