"""Writes metrics.json: scikit-learn 1.2.1 classification reports and confusion matrices for jnn's tests.

Run with Debian's Python after `apt-get install python3-sklearn`:
    /usr/bin/python3 jnn-core/src/test/python/metrics_fixtures.py
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.metrics import accuracy_score, classification_report, confusion_matrix

assert sklearn.__version__ == "1.2.1", sklearn.__version__
warnings.simplefilter("ignore")

rng = np.random.RandomState(0)
cases = []


def add(name, y_true, y_pred, digits=2, zero_division="warn"):
    y_true = list(y_true)
    y_pred = list(y_pred)
    cases.append({
        "name": name, "y_true": y_true, "y_pred": y_pred, "digits": digits, "zero_division": zero_division,
        "text": classification_report(y_true, y_pred, digits=digits, zero_division=zero_division),
        "dict": classification_report(y_true, y_pred, digits=digits, zero_division=zero_division, output_dict=True),
        "confusion": confusion_matrix(y_true, y_pred).tolist(),
        "confusion_text": str(confusion_matrix(y_true, y_pred)),
        "accuracy": accuracy_score(y_true, y_pred),
    })


add("spec_animals", "cat dog pig cat dog pig cat cat".split(), "cat pig dog cat cat dog cat dog".split())
add("spec_animals_digits4", "cat dog pig cat dog pig cat cat".split(), "cat pig dog cat cat dog cat dog".split(), 4)
add("spec_animals_digits0", "cat dog pig cat dog pig cat cat".split(), "cat pig dog cat cat dog cat dog".split(), 0)
add("long_names", ["a-very-long-class-name", "b", "b", "a-very-long-class-name"], ["b", "b", "b", "a-very-long-class-name"])
add("half_even_ties", [0, 0, 0, 0, 0, 0, 0, 0, 1, 1], [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
for k, n in [(2, 30), (3, 50), (10, 400), (12, 97)]:
    t = rng.randint(0, k, n)
    p = np.where(rng.rand(n) < 0.7, t, rng.randint(0, k, n))
    add("random_%d_classes" % k, t.tolist(), p.tolist())
t = rng.randint(0, 10, 450)
p = np.where(rng.rand(450) < 0.95, t, rng.randint(0, 10, 450))
add("digits_like_many_samples", t.tolist(), p.tolist())
add("prediction_only_class", [0, 0, 1, 1], [0, 2, 1, 1], 3, 1)
add("zero_division_zero", [0, 1, 2, 2], [0, 0, 0, 0], 2, 0)

# target_names: Fashion-MNIST's class names on 10 integer classes
FASHION = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
t = rng.randint(0, 10, 200)
p = np.where(rng.rand(200) < 0.8, t, rng.randint(0, 10, 200))
named = [{"name": "fashion_names", "y_true": t.tolist(), "y_pred": p.tolist(), "target_names": FASHION,
          "text": classification_report(t, p, target_names=FASHION)}]

target = os.path.join(os.path.dirname(__file__), "..", "resources", "fixtures", "metrics.json")
with open(target, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "cases": cases, "target_names_cases": named}, f, indent=1)
print("wrote", len(cases), "cases to", os.path.normpath(target))
