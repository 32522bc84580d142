#!/usr/bin/python3
"""Writes scikit-learn reference outputs for the classic-model cross-checks in ser-models.

Run with Debian's Python, which has scikit-learn (apt-get install python3-sklearn):
    /usr/bin/python3 scripts/sklearn_classic_reference.py
Writes ser-models/src/test/resources/sklearn/{svc,tree}.json. Datasets are generated here with a
fixed numpy seed and stored in the JSON, so the Java tests read the very same numbers.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier

OUT = os.path.join(os.path.dirname(__file__), "..", "ser-models", "src", "test", "resources", "sklearn")


def blobs(rng, n, d, k, sep):
    y = np.arange(n) % k
    x = rng.normal(size=(n, d))
    for c in range(k):
        x[y == c, c % d] += sep
    return x, y


def svc_cases(rng):
    x, y = blobs(rng, 90, 4, 3, 1.5)
    xt, _ = blobs(rng, 30, 4, 3, 1.5)
    cases = []
    configs = [
        dict(kernel="rbf", C=1.0, gamma="scale"),
        dict(kernel="poly", C=0.5, gamma="auto", degree=3, coef0=1.0),
        dict(kernel="linear", C=2.0),
        dict(kernel="sigmoid", C=1.0, gamma=0.05, coef0=0.5),
    ]
    for cfg in configs:
        m = SVC(probability=True, random_state=0, **cfg).fit(x, y)
        cases.append({
            "params": cfg,
            "gamma": float(m._gamma),
            "predict": m.predict(xt).tolist(),
            "proba": m.predict_proba(xt).tolist(),
            "decision_ovo": SVC(probability=False, decision_function_shape="ovo", **cfg).fit(x, y)
                             .decision_function(xt).tolist(),
            "n_support": m.n_support_.tolist(),
        })
    return {"x": x.tolist(), "y": y.tolist(), "x_test": xt.tolist(), "cases": cases}


def tree_dict(m):
    t = m.tree_
    value = t.value[:, 0, :]
    value = value / value.sum(axis=1, keepdims=True)
    return {
        "feature": [int(f) if f >= 0 else -1 for f in t.feature],
        "threshold": t.threshold.tolist(),
        "left": t.children_left.tolist(),
        "right": t.children_right.tolist(),
        "value": value.tolist(),
    }


TREE_CONFIGS = [dict(criterion="gini", max_depth=3), dict(criterion="entropy", max_depth=3),
                dict(criterion="gini", max_depth=4, min_samples_leaf=5)]


def tree_cases(rng):
    # draw data sets until every configuration's tree is the same for every random_state: only a
    # structure that does not depend on scikit-learn's random feature order (ties) is a fair reference
    for _ in range(100):
        x, y = blobs(rng, 120, 3, 3, 1.2)
        # scikit-learn's trees work on float32 copies of X; store those values so that both sides
        # split the same numbers (thresholds are then float64 midpoints of float32 values on both)
        x = x.astype(np.float32).astype(np.float64)
        cases = []
        for cfg in TREE_CONFIGS:
            trees = [tree_dict(DecisionTreeClassifier(random_state=s, **cfg).fit(x, y)) for s in range(20)]
            if any(t != trees[0] for t in trees):
                break
            cases.append({"params": cfg, "tree": trees[0]})
        if len(cases) == len(TREE_CONFIGS):
            return {"x": x.tolist(), "y": y.tolist(), "cases": cases}
    raise RuntimeError("no tie-free data set found")


def main():
    rng = np.random.default_rng(20261121)
    os.makedirs(OUT, exist_ok=True)
    meta = {"sklearn": sklearn.__version__, "numpy": np.__version__}
    for name, data in [("svc", svc_cases(rng)), ("tree", tree_cases(rng))]:
        data["generator"] = meta
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(data, f, indent=None, separators=(",", ":"))
            f.write("\n")


if __name__ == "__main__":
    main()
