"""Writes selection.json: scikit-learn 1.2.1's CV splitters, metrics and a GridSearchCV run, for jnn's tests.

Run with Debian's Python after `apt-get install python3-sklearn`:
    /usr/bin/python3 jnn-core/src/test/python/selection_fixtures.py
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn import metrics
from sklearn.datasets import load_digits
from sklearn.model_selection import (GridSearchCV, KFold, ParameterGrid, ShuffleSplit, StratifiedKFold,
                                     StratifiedShuffleSplit, cross_val_score)
from sklearn.neural_network import MLPClassifier

assert sklearn.__version__ == "1.2.1", sklearn.__version__
warnings.simplefilter("ignore")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fixtures", "selection.json")
rng = np.random.RandomState(0)


def splits(cv, n, y=None):
    X = np.zeros((n, 1))
    return [{"train": tr.tolist(), "test": te.tolist()} for tr, te in cv.split(X, y)]


y40 = rng.randint(0, 3, size=40)
out = {"splitters": [
    {"kind": "kfold", "n": 12, "k": 3, "shuffle": False, "seed": None, "splits": splits(KFold(3), 12)},
    {"kind": "kfold", "n": 12, "k": 3, "shuffle": True, "seed": 0, "splits": splits(KFold(3, shuffle=True, random_state=0), 12)},
    {"kind": "kfold", "n": 17, "k": 5, "shuffle": True, "seed": 3, "splits": splits(KFold(5, shuffle=True, random_state=3), 17)},
    {"kind": "stratified_kfold", "y": [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2], "k": 3, "shuffle": False, "seed": None,
     "splits": splits(StratifiedKFold(3), 12, [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2])},
    {"kind": "stratified_kfold", "y": [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2], "k": 3, "shuffle": True, "seed": 0,
     "splits": splits(StratifiedKFold(3, shuffle=True, random_state=0), 12, [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2])},
    {"kind": "stratified_kfold", "y": y40.tolist(), "k": 4, "shuffle": True, "seed": 1,
     "splits": splits(StratifiedKFold(4, shuffle=True, random_state=1), 40, y40)},
    {"kind": "shuffle_split", "n": 12, "k": 3, "test": 0.25, "train": None, "seed": 0,
     "splits": splits(ShuffleSplit(3, test_size=0.25, random_state=0), 12)},
    {"kind": "shuffle_split", "n": 20, "k": 2, "test": 3, "train": 0.5, "seed": 5,
     "splits": splits(ShuffleSplit(2, test_size=3, train_size=0.5, random_state=5), 20)},
    {"kind": "stratified_shuffle_split", "y": y40.tolist(), "k": 3, "test": 0.3, "train": None, "seed": 2,
     "splits": splits(StratifiedShuffleSplit(3, test_size=0.3, random_state=2), 40, y40)},
]}
out["grid"] = [dict(p) for p in ParameterGrid([{"b": [1, 2], "a": ["x", "y"]}, {"c": [0.5]}])]

# Metrics: multiclass with an absent predicted class, every average and zero_division.
yt = rng.randint(0, 4, size=30)
yp = np.where(rng.rand(30) < 0.6, yt, rng.randint(0, 3, size=30))
w = rng.uniform(0.5, 2, size=30)
prfs = []
for average in [None, "micro", "macro", "weighted"]:
    for zd in ["warn", 0, 1]:
        for beta, sw in [(1.0, None), (0.5, None), (2.0, w)]:
            p, r, f, s = metrics.precision_recall_fscore_support(yt, yp, beta=beta, average=average,
                                                                 zero_division=zd, sample_weight=sw)
            prfs.append({"average": average, "zero_division": zd, "beta": beta, "weighted": sw is not None,
                         "p": np.atleast_1d(p).tolist(), "r": np.atleast_1d(r).tolist(),
                         "f": np.atleast_1d(f).tolist(), "s": None if s is None else np.atleast_1d(s).tolist()})
proba = rng.dirichlet(np.ones(4), size=30)
yr = rng.randn(25)
pr = yr + rng.randn(25) * 0.5
out["metrics"] = {
    "y_true": yt.tolist(), "y_pred": yp.tolist(), "w": w.tolist(), "prfs": prfs,
    "accuracy": metrics.accuracy_score(yt, yp), "accuracy_w": metrics.accuracy_score(yt, yp, sample_weight=w),
    "balanced": metrics.balanced_accuracy_score(yt, yp),
    "balanced_adjusted": metrics.balanced_accuracy_score(yt, yp, adjusted=True),
    "proba": proba.tolist(), "log_loss": metrics.log_loss(yt, proba),
    "roc_auc_ovr": metrics.roc_auc_score(yt, proba, multi_class="ovr"),
    "roc_auc_ovr_weighted": metrics.roc_auc_score(yt, proba, multi_class="ovr", average="weighted"),
    "binary_true": (yt > 1).astype(int).tolist(), "binary_score": proba[:, 3].tolist(),
    "roc_auc_binary": metrics.roc_auc_score(yt > 1, proba[:, 3]),
    "reg_true": yr.tolist(), "reg_pred": pr.tolist(), "r2": metrics.r2_score(yr, pr),
    "mse": metrics.mean_squared_error(yr, pr), "mae": metrics.mean_absolute_error(yr, pr),
}

names = np.array(["cat", "dog", "emu", "ant"])
st, sp = names[yt].tolist(), names[yp].tolist()
ps, rs, fs, ss = metrics.precision_recall_fscore_support(st, sp, zero_division=0)
out["strings"] = {"y_true": st, "y_pred": sp, "p": ps.tolist(), "r": rs.tolist(), "f": fs.tolist(), "s": ss.tolist(),
                  "accuracy": metrics.accuracy_score(st, sp)}
mt = rng.randint(0, 2, size=(12, 3))
mp = rng.randint(0, 2, size=(12, 3))
mw = rng.uniform(0.5, 2, size=12)
ml = []
for average in [None, "micro", "macro", "weighted", "samples"]:
    for sw in [None, mw]:
        p, r, f, s_ = metrics.precision_recall_fscore_support(mt, mp, average=average, zero_division=1, sample_weight=sw)
        ml.append({"average": average, "weighted": sw is not None, "p": np.atleast_1d(p).tolist(),
                   "r": np.atleast_1d(r).tolist(), "f": np.atleast_1d(f).tolist()})
out["multilabel"] = {"y_true": mt.tolist(), "y_pred": mp.tolist(), "w": mw.tolist(), "cases": ml}
ml_score = rng.rand(12, 3)
out["auc_more"] = {"ovo": metrics.roc_auc_score(yt, proba, multi_class="ovo"),
                   "ovo_weighted": metrics.roc_auc_score(yt, proba, multi_class="ovo", average="weighted"),
                   "ml_score": ml_score.tolist(),
                   "ml_macro": metrics.roc_auc_score(mt, ml_score), "ml_micro": metrics.roc_auc_score(mt, ml_score, average="micro"),
                   "ml_weighted": metrics.roc_auc_score(mt, ml_score, average="weighted")}
ties = np.round(proba[:, 3], 1)
out["roc"] = {"y": (yt > 1).astype(int).tolist(), "score": ties.tolist(), "curves": []}
for drop in [True, False]:
    fpr, tpr, thr = metrics.roc_curve(yt > 1, ties, drop_intermediate=drop)
    out["roc"]["curves"].append({"drop": drop, "fpr": fpr.tolist(), "tpr": tpr.tolist(), "thr": thr.tolist(),
                                 "auc": metrics.auc(fpr, tpr)})

# GridSearchCV over an MLPClassifier on part of digits (exact float64 parity makes the scores comparable).
X, y = load_digits(return_X_y=True)
X = X[:300] / 16.0
y = y[:300]
gs = GridSearchCV(MLPClassifier(max_iter=20, random_state=0),
                  {"alpha": [1e-4, 1e-2], "hidden_layer_sizes": [(8,), (16,)]}, cv=3, scoring="accuracy")
gs.fit(X, y)
keep = [k for k in gs.cv_results_ if "time" not in k]
out["search"] = {"keys": list(gs.cv_results_.keys()), "mean_test_score": gs.cv_results_["mean_test_score"].tolist(),
                 "std_test_score": gs.cv_results_["std_test_score"].tolist(),
                 "split0_test_score": gs.cv_results_["split0_test_score"].tolist(),
                 "rank_test_score": gs.cv_results_["rank_test_score"].tolist(),
                 "best_index": int(gs.best_index_), "best_score": gs.best_score_,
                 "best_params": {"alpha": gs.best_params_["alpha"],
                                 "hidden_layer_sizes": list(gs.best_params_["hidden_layer_sizes"])},
                 "refit_score": gs.score(X, y),
                 "f1_macro_cv": cross_val_score(MLPClassifier(max_iter=20, random_state=0, hidden_layer_sizes=(8,)),
                                                X, y, cv=3, scoring="f1_macro").tolist()}
gm = GridSearchCV(MLPClassifier(max_iter=10, random_state=0), {"alpha": [1e-4, 1e-1]}, cv=3,
                  scoring=["accuracy", "f1_macro"], refit="accuracy", return_train_score=True).fit(X, y)
out["multimetric"] = {"keys": list(gm.cv_results_.keys()),
                      "mean_test_f1_macro": gm.cv_results_["mean_test_f1_macro"].tolist(),
                      "mean_train_accuracy": gm.cv_results_["mean_train_accuracy"].tolist(),
                      "best_index": int(gm.best_index_)}
with open(OUT, "w") as f:
    json.dump(out, f)
print("wrote", OUT)
