"""Writes partial_fit.json: scikit-learn 1.2.1's errors for partial_fit with classes that do not cover y.

    /usr/bin/python3 jnn-core/src/test/python/partial_fit_fixtures.py

CI reads only jnn-core/src/test/resources/fixtures/partial_fit.json.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.linear_model import Perceptron
from sklearn.neural_network import MLPClassifier

assert sklearn.__version__ == "1.2.1", sklearn.__version__

X = [[3, 2], [1, 6], [5, 6], [-2, -4]]
cases = []
for estimator, y, classes in [("MLPClassifier", [1, 0], [2]), ("MLPClassifier", [0, 1, 5, 2], [0, 1, 2]),
                              ("Perceptron", [0, 1, 5, 2], [0, 1, 2])]:
    est = MLPClassifier() if estimator == "MLPClassifier" else Perceptron()
    rows = X[:len(y)]
    try:
        est.partial_fit(rows, y, classes=classes)
    except ValueError as e:
        cases.append({"estimator": estimator, "x": rows, "y": y, "classes": classes, "message": str(e)})
    else:
        raise AssertionError("accepted")

out = os.path.join(os.path.dirname(__file__), "..", "resources", "fixtures", "partial_fit.json")
with open(out, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "cases": cases}, f, indent=1)
print("wrote", len(cases), "cases")
