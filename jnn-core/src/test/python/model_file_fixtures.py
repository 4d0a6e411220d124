"""Writes a jnn model file with numpy, struct and json only (no jnn, no safetensors library), and the outputs that
jnn must give for it: the check that jnn reads the layout as others write it.

    /usr/bin/python3 jnn-core/src/test/python/model_file_fixtures.py

Writes jnn-core/src/test/resources/fixtures/models/from-python.safetensors and from-python.json.
"""
import json
import os
import struct

import numpy as np

rng = np.random.RandomState(7)
W0 = rng.uniform(-1, 1, (3, 4))
b0 = rng.uniform(-1, 1, 4)
W1 = rng.uniform(-1, 1, (4, 3))
b1 = rng.uniform(-1, 1, 3)
X = rng.uniform(-2, 2, (6, 3))

# scikit-learn's MLPClassifier forward pass: relu hidden layer, softmax output
h = np.maximum(X @ W0 + b0, 0)
z = h @ W1 + b1
p = np.exp(z - z.max(axis=1, keepdims=True))
p /= p.sum(axis=1, keepdims=True)
classes = ["ant", "bee", "cat"]

params = {"activation": "relu", "alpha": 0.0001, "batch_size": "auto", "beta_1": 0.9, "beta_2": 0.999,
          "early_stopping": False, "epsilon": 1e-08, "hidden_layer_sizes": [4], "learning_rate": "constant",
          "learning_rate_init": 0.001, "max_fun": 15000, "max_iter": 200, "momentum": 0.9, "n_iter_no_change": 10,
          "nesterovs_momentum": True, "power_t": 0.5, "random_state": None, "shuffle": True, "solver": "adam",
          "tol": 0.0001, "validation_fraction": 0.1, "verbose": False, "warm_start": False}
meta = {"format": "jnn", "format_version": "1", "kind": "MLPClassifier", "dtype": "float64",
        "params": json.dumps(params),
        "fitted": json.dumps({"n_features_in": 3, "out_activation": "softmax", "n_iter": 5, "t": 50, "loss": 0.5,
                              "loss_curve": [0.9, 0.8, 0.7, 0.6, 0.5]}),
        "classes": json.dumps(classes), "multilabel": "false"}

tensors = [("coefs.0", W0), ("coefs.1", W1), ("intercepts.0", b0), ("intercepts.1", b1)]
header = {"__metadata__": meta}
data = b""
for name, arr in tensors:
    raw = np.ascontiguousarray(arr, dtype="<f8").tobytes()
    header[name] = {"dtype": "F64", "shape": list(arr.shape), "data_offsets": [len(data), len(data) + len(raw)]}
    data += raw
text = json.dumps(header).encode("utf-8")
text += b" " * (-len(text) % 8)

out = os.path.join(os.path.dirname(__file__), "..", "resources", "fixtures", "models")
with open(os.path.join(out, "from-python.safetensors"), "wb") as f:
    f.write(struct.pack("<Q", len(text)) + text + data)
with open(os.path.join(out, "from-python.json"), "w") as f:
    json.dump({"x": X.tolist(), "proba": p.tolist(), "labels": [classes[i] for i in p.argmax(axis=1)]}, f)
