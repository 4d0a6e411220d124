"""Writes mlp.json: scikit-learn 1.2.1 MLP training runs that jnn must reproduce to 1e-9 (level D).

Run with Debian's Python after `apt-get install python3-sklearn`:
    /usr/bin/python3 jnn-core/src/test/python/mlp_fixtures.py
CI reads only the JSON it writes to jnn-core/src/test/resources/fixtures/mlp.json.
"""
import contextlib
import io
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.neural_network import MLPClassifier, MLPRegressor

assert sklearn.__version__ == "1.2.1", sklearn.__version__


def mod_data():
    i = np.arange(40)
    x = np.stack([(i % 7) / 7, (3 * i % 11) / 11, (5 * i % 13) / 13], axis=1)
    yb = (x[:, 0] + x[:, 1] > 1).astype(int)
    ym = np.floor(1.5 * (x[:, 0] + 2 * x[:, 2])).astype(int) % 3
    yr = 2 * x[:, 0] - x[:, 1] + 0.5 * x[:, 2]
    return x, yb, ym, yr


def blob_data():
    rng = np.random.RandomState(7)
    x = rng.normal(size=(60, 4))
    ym = (np.argmax(x[:, :3] + 0.3 * x[:, 3:4], axis=1))
    yl = np.stack([(x[:, 0] > 0), (x[:, 1] + x[:, 2] > 0), (x[:, 3] > 0.5)], axis=1).astype(int)
    yr2 = np.stack([x[:, 0] - 2 * x[:, 1], np.sin(x[:, 2]) + x[:, 3]], axis=1)
    names = np.array(["cat", "dog", "emu"])[ym]
    return x, ym, yl, yr2, names


X, YB, YM, YR = mod_data()
BX, BM, BL, BR2, BNAMES = blob_data()

CASES = [
    ("sgd_nesterov_relu_binary", "classifier", dict(solver="sgd", hidden_layer_sizes=(5,), random_state=0, max_iter=25, batch_size=7, learning_rate_init=0.05), X, YB),
    ("sgd_momentum_tanh_multiclass", "classifier", dict(solver="sgd", activation="tanh", nesterovs_momentum=False, hidden_layer_sizes=(6, 4), random_state=1, max_iter=20, learning_rate_init=0.05), BX, BM),
    ("sgd_invscaling_logistic_noshuffle", "classifier", dict(solver="sgd", activation="logistic", learning_rate="invscaling", power_t=0.3, momentum=0.0, shuffle=False, hidden_layer_sizes=(4,), random_state=2, max_iter=30, batch_size=10, learning_rate_init=0.8), X, YB),
    ("sgd_adaptive_identity_multiclass", "classifier", dict(solver="sgd", activation="identity", learning_rate="adaptive", tol=0.05, n_iter_no_change=2, hidden_layer_sizes=(3,), random_state=3, max_iter=60, learning_rate_init=0.3, batch_size=8), X, YM),
    ("adam_betas_tanh_multiclass", "classifier", dict(solver="adam", activation="tanh", beta_1=0.8, beta_2=0.99, epsilon=1e-6, hidden_layer_sizes=(7,), random_state=4, max_iter=30, batch_size=16, learning_rate_init=0.02), BX, BM),
    ("adam_early_stopping_binary", "classifier", dict(solver="adam", early_stopping=True, validation_fraction=0.25, n_iter_no_change=3, hidden_layer_sizes=(6,), random_state=5, max_iter=100, batch_size=10, learning_rate_init=0.03), X, YB),
    ("adam_early_stopping_multiclass", "classifier", dict(solver="adam", early_stopping=True, validation_fraction=0.2, n_iter_no_change=4, hidden_layer_sizes=(8,), random_state=6, max_iter=100, batch_size=12, learning_rate_init=0.02), BX, BM),
    ("sgd_early_stopping_multilabel", "classifier", dict(solver="sgd", early_stopping=True, validation_fraction=0.2, n_iter_no_change=3, hidden_layer_sizes=(6,), random_state=7, max_iter=80, batch_size=9, learning_rate_init=0.1), BX, BL),
    ("adam_early_stopping_regressor", "regressor", dict(solver="adam", early_stopping=True, validation_fraction=0.2, n_iter_no_change=5, hidden_layer_sizes=(5,), random_state=8, max_iter=100, batch_size=8, learning_rate_init=0.02), X, YR),
    ("adam_relu_multilabel", "classifier", dict(solver="adam", hidden_layer_sizes=(10, 5), random_state=9, max_iter=25, batch_size=20, learning_rate_init=0.01, alpha=0.01), BX, BL),
    ("sgd_relu_multioutput_regressor", "regressor", dict(solver="sgd", hidden_layer_sizes=(8,), random_state=10, max_iter=20, batch_size=15, learning_rate_init=0.01), BX, BR2),
    ("adam_identity_regressor_batch1", "regressor", dict(solver="adam", activation="identity", hidden_layer_sizes=(3,), random_state=11, max_iter=8, batch_size=1, learning_rate_init=0.01), X, YR),
    ("adam_huge_tol_stops_early", "classifier", dict(solver="adam", tol=10.0, n_iter_no_change=1, hidden_layer_sizes=(4,), random_state=12, max_iter=50), X, YB),
    ("sgd_batch_clipped", "classifier", dict(solver="sgd", batch_size=100, hidden_layer_sizes=(4,), random_state=13, max_iter=15, learning_rate_init=0.2), X, YM),
    ("adam_alpha_logistic_binary", "classifier", dict(solver="adam", activation="logistic", alpha=0.5, hidden_layer_sizes=(6,), random_state=14, max_iter=40, batch_size=10, learning_rate_init=0.05), X, YB),
    ("adam_string_labels", "classifier", dict(solver="adam", hidden_layer_sizes=(5,), random_state=15, max_iter=20, batch_size=10, learning_rate_init=0.02), BX, BNAMES),
    ("sgd_tanh_regressor_tol0_inf", "regressor", dict(solver="sgd", activation="tanh", tol=0.0, n_iter_no_change=float("inf"), hidden_layer_sizes=(5, 5), random_state=16, max_iter=30, batch_size=10, learning_rate_init=0.05), X, YR),
    ("sgd_adaptive_verbose_early_stopping", "classifier", dict(solver="sgd", learning_rate="adaptive", early_stopping=True, validation_fraction=0.2, n_iter_no_change=2, tol=0.2, verbose=True, hidden_layer_sizes=(4,), random_state=17, max_iter=40, batch_size=8, learning_rate_init=0.1), X, YM),
    ("adam_verbose_training_loss", "classifier", dict(solver="adam", verbose=True, tol=0.01, n_iter_no_change=2, hidden_layer_sizes=(3,), random_state=18, max_iter=60, batch_size=10, learning_rate_init=0.05), X, YB),
]


def jsonable(v):
    if isinstance(v, tuple):
        return list(v)
    if isinstance(v, float) and np.isinf(v):
        return "inf"
    return v


def run(name, kind, params, x, y, extra=None):
    cls = MLPClassifier if kind == "classifier" else MLPRegressor
    est = cls(**params)
    out = io.StringIO()
    with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(out):
        warnings.simplefilter("always")
        if extra == "warm":
            est.fit(x, y)
            est.fit(x, y)
        elif extra == "partial":
            classes = np.unique(y)
            for _ in range(3):
                est.partial_fit(x, y, classes=classes)
        else:
            est.fit(x, y)
    case = {
        "name": name, "kind": kind, "extra": extra,
        "params": {k: jsonable(v) for k, v in params.items()},
        "x": x.tolist(), "y": np.asarray(y).tolist(),
        "n_iter": int(est.n_iter_), "t": int(est.t_), "loss": float(est.loss_),
        "loss_curve": [float(v) for v in est.loss_curve_],
        "best_loss": None if est.best_loss_ is None else float(est.best_loss_),
        "validation_scores": None if est.validation_scores_ is None else [float(v) for v in est.validation_scores_],
        "best_validation_score": None if est.best_validation_score_ is None else float(est.best_validation_score_),
        "coefs": [c.tolist() for c in est.coefs_],
        "intercepts": [c.tolist() for c in est.intercepts_],
        "warnings": [str(w.message) for w in caught if "ConvergenceWarning" in type(w.message).__name__
                     or "batch_size" in str(w.message)],
        "stdout": out.getvalue().splitlines(),
    }
    if kind == "classifier":
        case["classes"] = est.classes_.tolist()
        case["predict_proba"] = est.predict_proba(x[:5]).tolist()
        case["predict"] = est.predict(x).tolist()
        case["score"] = float(est.score(x, y))
    else:
        case["predict"] = est.predict(x[:5]).tolist()
        case["score"] = float(est.score(x, y))
    return case


cases = [run(*c) for c in CASES]
cases.append(run("adam_warm_start_twice", "classifier", dict(solver="adam", warm_start=True, hidden_layer_sizes=(4,), random_state=19, max_iter=5, batch_size=10, learning_rate_init=0.05), X, YM, "warm"))
cases.append(run("sgd_partial_fit_three_calls", "classifier", dict(solver="sgd", hidden_layer_sizes=(4,), random_state=20, batch_size=10, learning_rate_init=0.05), X, YM, "partial"))

# lbfgs is compared at level S only (spec 2.8): per-seed outcomes on XOR, which a Java L-BFGS matches in distribution.
XOR_X = np.array([[0.0, 0], [0, 1], [1, 0], [1, 1]])
XOR_Y = np.array([0, 1, 1, 0])
lbfgs_xor = []
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    for alpha in (0.1, 1e-4, 1e-5):
        runs = []
        for seed in range(10):
            est = MLPClassifier(solver="lbfgs", hidden_layer_sizes=(10, 10), activation="logistic", alpha=alpha,
                                random_state=seed).fit(XOR_X, XOR_Y)
            runs.append({"seed": seed, "loss": float(est.loss_), "n_iter": int(est.n_iter_),
                         "solved": bool((est.predict(XOR_X) == XOR_Y).all())})
        lbfgs_xor.append({"alpha": alpha, "runs": runs})

target = os.path.join(os.path.dirname(__file__), "..", "resources", "fixtures", "mlp.json")
with open(target, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "cases": cases, "lbfgs_xor": lbfgs_xor}, f, indent=None, separators=(",", ":"))
print("wrote", len(cases), "cases to", os.path.normpath(target))
