"""Writes lbfgs.json: scikit-learn 1.2.1 lbfgs fits, as scipy 1.10's L-BFGS-B runs them, that jnn must follow.

Each case records what scipy.optimize.minimize returned inside MLP._fit_lbfgs (nit, nfev, status, message, fun),
captured by wrapping scipy.optimize.minimize, with the loss at every iterate, next to the fitted estimator's
n_iter_, loss_, warnings and predictions.

The reference is not one set of bits: numpy and scipy call OpenBLAS, whose kernels (chosen per CPU) sum in
different orders, and a long nonconvex run amplifies those last-bit differences. So the script also reruns every
case in a child process under OPENBLAS_CORETYPE=Prescott (OpenBLAS's plain SSE kernels) and stores that run as
"alt". Where both runs agree (same nit and nfev, loss to 1e-9) the case is "stable" and jnn must match it
exactly; elsewhere jnn must follow the iterates to 1e-9 for as long as the two reference runs agree to 1e-11, and end with
the same status where both runs do.
Run with Debian's Python after `apt-get install python3-sklearn`:
    /usr/bin/python3 jnn-core/src/test/python/lbfgs_fixtures.py
CI reads only the JSON it writes to jnn-core/src/test/resources/fixtures/lbfgs.json.
"""
import json
import os
import subprocess
import sys
import warnings

import numpy as np
import scipy
import scipy.optimize
import sklearn
from sklearn import datasets
from sklearn.preprocessing import MinMaxScaler, scale
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.neural_network import _multilayer_perceptron as mlp_module

assert sklearn.__version__ == "1.2.1", sklearn.__version__
assert scipy.__version__.startswith("1.10"), scipy.__version__

XOR_X = np.array([[0.0, 0], [0, 1], [1, 0], [1, 1]])
XOR_Y = np.array([0, 1, 1, 0])

i = np.arange(40)
MOD_X = np.stack([(i % 7) / 7, (3 * i % 11) / 11, (5 * i % 13) / 13], axis=1)
MOD_YM = np.floor(1.5 * (MOD_X[:, 0] + 2 * MOD_X[:, 2])).astype(int) % 3
MOD_YR = 2 * MOD_X[:, 0] - MOD_X[:, 1] + 0.5 * MOD_X[:, 2]

rng = np.random.RandomState(7)
BLOB_X = rng.normal(size=(60, 4))
BLOB_YL = np.stack([(BLOB_X[:, 0] > 0), (BLOB_X[:, 1] + BLOB_X[:, 2] > 0), (BLOB_X[:, 3] > 0.5)], axis=1).astype(int)
BLOB_YR2 = np.stack([BLOB_X[:, 0] - 2 * BLOB_X[:, 1], np.sin(BLOB_X[:, 2]) + BLOB_X[:, 3]], axis=1)

IRIS_X, IRIS_Y = datasets.load_iris(return_X_y=True)
DIGITS_X, DIGITS_Y = datasets.load_digits(return_X_y=True)
DIGITS_X = DIGITS_X[:150] / 16.0
DIGITS_Y = DIGITS_Y[:150]
DIGITS_BIN = (DIGITS_Y[:120] >= 5).astype(int)

# The datasets of scikit-learn's own lbfgs tests (sklearn/neural_network/tests/test_mlp.py).
SUITE_MULTI_X, SUITE_MULTI_Y = datasets.load_digits(n_class=3, return_X_y=True)
SUITE_MULTI_X, SUITE_MULTI_Y = MinMaxScaler().fit_transform(SUITE_MULTI_X[:200]), SUITE_MULTI_Y[:200]
SUITE_BIN_X, SUITE_BIN_Y = datasets.load_digits(n_class=2, return_X_y=True)
SUITE_BIN_X, SUITE_BIN_Y = MinMaxScaler().fit_transform(SUITE_BIN_X[:200]), SUITE_BIN_Y[:200]
SUITE_REG_X, SUITE_REG_Y = datasets.make_regression(n_samples=200, n_features=10, bias=20.0, noise=100.0,
                                                    random_state=7)
SUITE_REG_Y = scale(SUITE_REG_Y)

DATASETS = {
    "xor": (XOR_X, XOR_Y), "iris": (IRIS_X, IRIS_Y), "digits150": (DIGITS_X, DIGITS_Y),
    "digits120_binary": (DIGITS_X[:120], DIGITS_BIN), "mod_multiclass": (MOD_X, MOD_YM),
    "blob_multilabel": (BLOB_X, BLOB_YL), "mod_regression": (MOD_X, MOD_YR), "blob_two_outputs": (BLOB_X, BLOB_YR2),
    "suite_digits_multi_train": (SUITE_MULTI_X[:150], SUITE_MULTI_Y[:150]),
    "suite_digits_binary_train": (SUITE_BIN_X[:150], SUITE_BIN_Y[:150]),
    "suite_digits_multi": (SUITE_MULTI_X, SUITE_MULTI_Y), "suite_digits_binary": (SUITE_BIN_X, SUITE_BIN_Y),
    "suite_regression": (SUITE_REG_X, SUITE_REG_Y),
}

C, R = "classifier", "regressor"
CASES = [
    ("xor_1_tanh", C, dict(hidden_layer_sizes=(1,), activation="tanh", random_state=0), "xor"),
    ("xor_2_logistic", C, dict(hidden_layer_sizes=(2,), activation="logistic", random_state=1), "xor"),
    ("xor_10_relu", C, dict(hidden_layer_sizes=(10,), activation="relu", random_state=2), "xor"),
    ("xor_10_identity", C, dict(hidden_layer_sizes=(10,), activation="identity", random_state=3), "xor"),
    ("xor_10_10_logistic_alpha1e-5", C, dict(hidden_layer_sizes=(10, 10), activation="logistic", alpha=1e-5, random_state=4), "xor"),
    ("xor_10_10_logistic_alpha0.1", C, dict(hidden_layer_sizes=(10, 10), activation="logistic", alpha=0.1, random_state=5), "xor"),
    ("iris_5_tanh", C, dict(hidden_layer_sizes=(5,), activation="tanh", random_state=6), "iris"),
    ("iris_10_relu_maxfun40", C, dict(hidden_layer_sizes=(10,), max_fun=40, random_state=7), "iris"),
    ("digits_20_relu_maxiter30", C, dict(hidden_layer_sizes=(20,), max_iter=30, random_state=8), "digits150"),
    ("digits_binary_8_logistic", C, dict(hidden_layer_sizes=(8,), activation="logistic", alpha=0.01, random_state=9), "digits120_binary"),
    ("mod_multiclass_maxfun15", C, dict(hidden_layer_sizes=(6,), activation="tanh", max_fun=15, random_state=10), "mod_multiclass"),
    ("mod_multiclass_maxiter5", C, dict(hidden_layer_sizes=(6,), max_iter=5, random_state=11), "mod_multiclass"),
    ("blob_multilabel_logistic", C, dict(hidden_layer_sizes=(7,), activation="logistic", random_state=12), "blob_multilabel"),
    ("mod_regressor_tanh", R, dict(hidden_layer_sizes=(5,), activation="tanh", max_iter=500, random_state=13), "mod_regression"),
    ("mod_regressor_identity_alpha0", R, dict(hidden_layer_sizes=(3,), activation="identity", alpha=0.0, random_state=14), "mod_regression"),
    ("blob_regressor_relu_two_outputs", R, dict(hidden_layer_sizes=(8, 4), random_state=15), "blob_two_outputs"),
    ("xor_2_tanh_alpha0.01", C, dict(hidden_layer_sizes=(2,), activation="tanh", alpha=0.01, random_state=17), "xor"),
    ("iris_3_logistic_alpha1", C, dict(hidden_layer_sizes=(3,), activation="logistic", alpha=1.0, random_state=18), "iris"),
    ("digits_10_tanh_maxfun25", C, dict(hidden_layer_sizes=(10,), activation="tanh", max_fun=25, random_state=19), "digits150"),
    ("mod_regressor_loose_tol", R, dict(hidden_layer_sizes=(4,), activation="logistic", tol=1e-2, random_state=16), "mod_regression"),
]
# scikit-learn's test_lbfgs_classification, test_lbfgs_regression and their max_fun variants, per activation.
SUITE = dict(hidden_layer_sizes=50, max_iter=150, shuffle=True, random_state=1)
for act in ("identity", "logistic", "tanh", "relu"):
    for data in ("digits_multi", "digits_binary"):
        CASES.append((f"suite_classification_{data}_{act}", C, dict(SUITE, activation=act), f"suite_{data}_train"))
        CASES.append((f"suite_classification_{data}_{act}_maxfun10", C, dict(SUITE, activation=act, max_fun=10),
                      f"suite_{data}"))
    CASES.append((f"suite_regression_{act}", R, dict(SUITE, activation=act), "suite_regression"))
    CASES.append((f"suite_regression_{act}_maxfun10", R, dict(SUITE, activation=act, max_fun=10), "suite_regression"))

captured = []
iterate_losses = []
last_loss = [None]
_minimize = scipy.optimize.minimize
_loss_grad = mlp_module.BaseMultilayerPerceptron._loss_grad_lbfgs


def recording_minimize(*args, **kwargs):
    # The accepted point of each line search is the one evaluated last, so its loss is last_loss.
    res = _minimize(*args, callback=lambda xk: iterate_losses.append(last_loss[0]), **kwargs)
    captured.append(res)
    return res


def recording_loss_grad(self, *args):
    loss, grad = _loss_grad(self, *args)
    last_loss[0] = float(loss)
    return loss, grad


scipy.optimize.minimize = recording_minimize
mlp_module.BaseMultilayerPerceptron._loss_grad_lbfgs = recording_loss_grad


def run(name, kind, params, data):
    x, y = DATASETS[data]
    params = dict(params, solver="lbfgs")
    est = (MLPClassifier if kind == C else MLPRegressor)(**params)
    captured.clear()
    iterate_losses.clear()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        est.fit(x, y)
    res = captured[0]
    case = {
        "name": name, "kind": kind,
        "params": {k: list(v) if isinstance(v, tuple) else [v] if k == "hidden_layer_sizes" else v
                   for k, v in params.items()},
        "data": data,
        "nit": int(res.nit), "nfev": int(res.nfev), "status": int(res.status), "message": str(res.message),
        "fun": float(res.fun), "iterate_losses": list(iterate_losses), "n_iter": int(est.n_iter_), "loss": float(est.loss_),
        "warnings": [str(w.message) for w in caught if "ConvergenceWarning" in type(w.message).__name__],
        "predict": est.predict(x).tolist(), "score": float(est.score(x, y)),
    }
    if kind == C:
        case["predict_proba"] = est.predict_proba(x[:5]).tolist()
    return case


def agree(a, b, rtol=1e-9):
    return abs(a - b) <= rtol * abs(a)


cases = [run(*c) for c in CASES]
if len(sys.argv) > 1 and sys.argv[1] == "--alt":
    json.dump([{k: c[k] for k in ("nit", "nfev", "status", "fun", "score", "iterate_losses")} for c in cases], sys.stdout)
    sys.exit(0)
alt = json.loads(subprocess.run([sys.executable, __file__, "--alt"], check=True, capture_output=True, text=True,
                                env=dict(os.environ, OPENBLAS_CORETYPE="Prescott")).stdout)
for c, a in zip(cases, alt):
    c["alt"] = a
    c["stable"] = c["nit"] == a["nit"] and c["nfev"] == a["nfev"] and agree(c["fun"], a["fun"])
    agreeing = 0
    while (agreeing < min(len(c["iterate_losses"]), len(a["iterate_losses"]))
           and agree(c["iterate_losses"][agreeing], a["iterate_losses"][agreeing], 1e-11)):
        agreeing += 1
    c["agreeing_iterates"] = agreeing
with open("/proc/cpuinfo") as f:
    cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "unknown")
target = os.path.join(os.path.dirname(__file__), "..", "resources", "fixtures", "lbfgs.json")
with open(target, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "scipy": scipy.__version__, "cpu": cpu,
               "datasets": {k: {"x": v[0].tolist(), "y": np.asarray(v[1]).tolist()} for k, v in DATASETS.items()},
               "cases": cases}, f,
              indent=None, separators=(",", ":"))
for c in cases:
    print(f"{c['name']:34s} nit {c['nit']:4d} nfev {c['nfev']:4d} status {c['status']} "
          f"{'stable' if c['stable'] else 'unstable, runs agree for ' + str(c['agreeing_iterates']) + ' iterates'}")
print("wrote", len(cases), "cases to", os.path.normpath(target))
