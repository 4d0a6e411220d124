"""Writes preprocess.json: scikit-learn 1.2.1's scalers, encoders, PolynomialFeatures, PCA (full SVD) and a
scaler + MLPClassifier Pipeline, for jnn's preprocessing tests.

Run with Debian's Python after `apt-get install python3-sklearn`:
    /usr/bin/python3 jnn-core/src/test/python/preprocess_fixtures.py
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.datasets import load_digits
from sklearn.decomposition import PCA
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import (LabelBinarizer, LabelEncoder, MinMaxScaler, OneHotEncoder, PolynomialFeatures,
                                   StandardScaler)

assert sklearn.__version__ == "1.2.1", sklearn.__version__
warnings.simplefilter("ignore")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fixtures", "preprocess.json")


def nan_list(a):
    return [None if np.isnan(v) else float(v) for v in np.asarray(a, dtype=float).ravel()]


rng = np.random.RandomState(0)
X = rng.randn(20, 4) * [1, 10, 0.1, 1000] + [0, 5, -3, 1e6]
X[3, 1] = np.nan
X[7, 2] = np.nan
X[8, 2] = np.nan
out = {"X": nan_list(X), "shape": list(X.shape)}

s = StandardScaler().fit(X)
out["standard"] = {"mean": nan_list(s.mean_), "var": nan_list(s.var_), "scale": nan_list(s.scale_),
                   "n_samples_seen": np.broadcast_to(s.n_samples_seen_, (4,)).tolist(),
                   "transform": nan_list(s.transform(X))}
p = StandardScaler()
for chunk in (X[:5], X[5:12], X[12:]):
    p.partial_fit(chunk)
out["standard_partial"] = {"mean": nan_list(p.mean_), "var": nan_list(p.var_), "scale": nan_list(p.scale_)}
w = rng.uniform(0.5, 2.0, size=20)
sw = StandardScaler().fit(X, sample_weight=w)
out["standard_weighted"] = {"w": w.tolist(), "mean": nan_list(sw.mean_), "var": nan_list(sw.var_),
                            "n_samples_seen": np.broadcast_to(sw.n_samples_seen_, (4,)).tolist()}
out["standard_no_mean"] = nan_list(StandardScaler(with_mean=False).fit_transform(X))

m = MinMaxScaler(feature_range=(-1, 2), clip=True).fit(X[:10])
out["minmax"] = {"data_min": nan_list(m.data_min_), "data_max": nan_list(m.data_max_), "scale": nan_list(m.scale_),
                 "min": nan_list(m.min_), "transform": nan_list(m.transform(X))}
mp = MinMaxScaler()
for chunk in (X[:7], X[7:]):
    mp.partial_fit(chunk)
out["minmax_partial"] = {"scale": nan_list(mp.scale_), "min": nan_list(mp.min_)}

P = np.array([[1.0, 2, 3], [-1, 0.5, 2], [0, 4, -2]])
out["poly"] = {"X": P.tolist(), "cases": []}
for degree, inter, bias in [(2, False, True), (3, False, True), (3, True, False), (1, False, False)]:
    pf = PolynomialFeatures(degree=degree, interaction_only=inter, include_bias=bias).fit(P)
    out["poly"]["cases"].append({"degree": degree, "interaction_only": inter, "include_bias": bias,
                                 "out": pf.transform(P).tolist(), "powers": pf.powers_.tolist(),
                                 "names": list(pf.get_feature_names_out())})

C = np.array([[1, 10], [2, 10], [1, 30], [3, 20]], dtype=float)
oh = OneHotEncoder(sparse_output=False).fit(C)
out["onehot"] = {"X": C.tolist(), "categories": [c.tolist() for c in oh.categories_],
                 "out": oh.transform(C).tolist(),
                 "ignore": OneHotEncoder(sparse_output=False, handle_unknown="ignore").fit(C)
                 .transform([[2, 99], [7, 30]]).tolist()}
out["label_binarizer"] = {"binary": LabelBinarizer().fit_transform(["no", "yes", "no"]).tolist(),
                          "multi": LabelBinarizer().fit_transform([3, 1, 2, 3]).tolist()}
le = LabelEncoder().fit(["paris", "tokyo", "amsterdam", "paris"])
out["label_encoder"] = {"classes": list(le.classes_), "transform": le.transform(["tokyo", "paris"]).tolist()}
try:
    le.transform(["rome", "oslo"])
except ValueError as e:
    out["label_encoder"]["unseen"] = str(e)

Xd, yd = load_digits(return_X_y=True)
out["pca"] = []
for n, whiten in [(None, False), (10, True), (0.95, False)]:
    pca = PCA(n_components=n, whiten=whiten, svd_solver="full").fit(Xd)
    t = pca.transform(Xd[:5])
    out["pca"].append({"n_components": n, "whiten": whiten, "n_components_": int(pca.n_components_),
                       "components": pca.components_[:10].tolist(),
                       "explained_variance": pca.explained_variance_.tolist(),
                       "explained_variance_ratio": pca.explained_variance_ratio_.tolist(),
                       "singular_values": pca.singular_values_.tolist(),
                       "noise_variance": float(pca.noise_variance_), "mean": pca.mean_.tolist(),
                       "transform": t[:, :10].tolist(), "inverse": pca.inverse_transform(t).tolist()})

tr, te = train_test_split(np.arange(len(yd)), test_size=0.25, random_state=0, stratify=yd)
pipe = Pipeline([("scaler", StandardScaler()),
                 ("mlp", MLPClassifier(hidden_layer_sizes=(16,), max_iter=30, random_state=0))])
pipe.set_params(mlp__alpha=0.001, scaler__with_std=True)
pipe.fit(Xd[tr], yd[tr])
out["pipeline"] = {"train": tr.tolist(), "test": te.tolist(), "score": pipe.score(Xd[te], yd[te]),
                   "predict": pipe.predict(Xd[te]).tolist(), "loss": pipe[-1].loss_}

with open(OUT, "w") as f:
    json.dump(out, f)
print("wrote", OUT)
