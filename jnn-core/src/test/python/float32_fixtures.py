"""Writes float32.json: scikit-learn 1.2.1 MLPRegressor fits on float32 X with targets of several dtypes.

scikit-learn casts X to float32 but leaves y as given, so an integer or float64 y makes the output delta, every
gradient and the optimizer's moments float64 while the weights stay float32 (numpy's in-place update rounds into
them); a float32 y keeps everything float32. Includes scikit-learn's own test_mlp_regressor_dtypes_casting.
An lbfgs fit on float32 X draws its initial weights in float32 and then computes in float64, because scipy hands
back float64 vectors that _unpack stores as the weights ("lbfgs" cases: float64 coefs_ after the fit).
Run with Debian's Python after `apt-get install python3-sklearn`:
    /usr/bin/python3 jnn-core/src/test/python/float32_fixtures.py
CI reads only the JSON it writes to jnn-core/src/test/resources/fixtures/float32.json.
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn import datasets
from sklearn.neural_network import MLPClassifier, MLPRegressor

assert sklearn.__version__ == "1.2.1", sklearn.__version__

DX, DY = datasets.load_digits(n_class=2, return_X_y=True)   # as in sklearn/neural_network/tests/test_mlp.py
i = np.arange(40)
MX = np.stack([(i % 7) / 7, (3 * i % 11) / 11, (5 * i % 13) / 13], axis=1)
MY = 2 * MX[:, 0] - MX[:, 1] + 0.5 * MX[:, 2]
MY2 = np.stack([MY, np.sin(3 * MX[:, 1])], axis=1)

CASES = [
    # scikit-learn's test: 300 training rows, integer y, predictions on the other 60
    ("dtypes_casting_int_y", dict(alpha=1e-5, hidden_layer_sizes=(5, 3), random_state=1, max_iter=50),
     DX[:300], DY[:300], DX[300:], None),
    ("float64_y_tanh_sgd", dict(solver="sgd", activation="tanh", hidden_layer_sizes=(8,), random_state=2,
                                max_iter=30, batch_size=10, learning_rate_init=0.05), MX, MY, MX, None),
    ("float64_y_logistic_two_outputs", dict(activation="logistic", hidden_layer_sizes=(6,), random_state=3,
                                            max_iter=40, batch_size=8, learning_rate_init=0.02), MX, MY2, MX, None),
    ("float32_y_stays_float32", dict(alpha=1e-5, hidden_layer_sizes=(5, 3), random_state=1, max_iter=50),
     DX[:300], DY[:300].astype(np.float32), DX[300:], None),
    ("int_y_partial_fit_three_calls", dict(solver="sgd", hidden_layer_sizes=(4,), random_state=4, batch_size=10,
                                           learning_rate_init=0.01), MX, (10 * MY).astype(int), MX, "partial"),
]


def run(name, params, x, y, x_test, extra):
    est = MLPRegressor(**params)
    x32 = x.astype(np.float32)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if extra == "partial":
            for _ in range(3):
                est.partial_fit(x32, y)
        else:
            est.fit(x32, y)
    pred = est.predict(x_test.astype(np.float32))
    return {
        "name": name, "params": {k: list(v) if isinstance(v, tuple) else v for k, v in params.items()},
        "extra": extra, "y_dtype": str(np.asarray(y).dtype),
        "x": x32.astype(np.float64).tolist(), "y": np.asarray(y).tolist(),
        "x_test": x_test.astype(np.float32).astype(np.float64).tolist(),
        "coef_dtype": str(est.coefs_[0].dtype), "moment_dtype": str(est._optimizer.ms[0].dtype
                                                                    if hasattr(est._optimizer, "ms")
                                                                    else est._optimizer.velocities[0].dtype),
        "n_iter": int(est.n_iter_), "loss_curve": [float(v) for v in est.loss_curve_],
        "predict": np.asarray(pred, dtype=np.float64).tolist(),
        "coefs": [c.astype(np.float64).tolist() for c in est.coefs_],
    }


LBFGS_CASES = [
    ("lbfgs_regressor_tanh", MLPRegressor, dict(solver="lbfgs", activation="tanh", hidden_layer_sizes=(5,),
                                                random_state=5, max_iter=15), MX, MY),
    ("lbfgs_classifier_digits", MLPClassifier, dict(solver="lbfgs", hidden_layer_sizes=(6,), random_state=6,
                                                    max_iter=12), DX[:120] / 16.0, DY[:120]),
]


def run_lbfgs(name, cls, params, x, y):
    est = cls(**params)
    x32 = x.astype(np.float32)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        est.fit(x32, y)
    out = est.predict_proba(x32) if cls is MLPClassifier else est.predict(x32).reshape(-1, 1)
    return {"name": name, "kind": "classifier" if cls is MLPClassifier else "regressor",
            "params": {k: list(v) if isinstance(v, tuple) else v for k, v in params.items()},
            "x": x32.astype(np.float64).tolist(), "y": np.asarray(y).tolist(),
            "coef_dtype": str(est.coefs_[0].dtype), "n_iter": int(est.n_iter_), "loss": float(est.loss_),
            "outputs": np.asarray(out, dtype=np.float64).tolist()}


cases = [run(*c) for c in CASES]
lbfgs_cases = [run_lbfgs(*c) for c in LBFGS_CASES]
target = os.path.join(os.path.dirname(__file__), "..", "resources", "fixtures", "float32.json")
with open(target, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "cases": cases, "lbfgs": lbfgs_cases}, f, indent=None,
              separators=(",", ":"))
for c in cases:
    print(f"{c['name']:32s} y {c['y_dtype']:8s} coefs {c['coef_dtype']} moments {c['moment_dtype']} n_iter {c['n_iter']}")
for c in lbfgs_cases:
    print(f"{c['name']:32s} lbfgs coefs {c['coef_dtype']} n_iter {c['n_iter']} loss {c['loss']}")
print("wrote", len(cases) + len(lbfgs_cases), "cases to", os.path.normpath(target))
