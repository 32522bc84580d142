#!/usr/bin/python3
"""Writes scikit-learn reference outputs for the classic-model cross-checks in ser-models.

Run with Debian's Python, which has scikit-learn (apt-get install python3-sklearn):
    /usr/bin/python3 scripts/sklearn_classic_reference.py
Writes ser-models/src/test/resources/sklearn/{svc,tree,other}.json. Datasets are generated here with a
fixed numpy seed and stored in the JSON, so the Java tests read the very same numbers.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
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


def other_cases(rng):
    """Logistic regression (a strictly convex problem: one optimum), k-NN and gradient boosting."""
    x, y = blobs(rng, 90, 4, 3, 1.0)
    x = x.astype(np.float32).astype(np.float64)
    xt, _ = blobs(rng, 30, 4, 3, 1.0)
    xt = xt.astype(np.float32).astype(np.float64)
    out = {"x": x.tolist(), "y": y.tolist(), "x_test": xt.tolist()}
    # newton-cg converges to a gradient of ~1e-9 here; lbfgs stops early on its ftol test
    lr = LogisticRegression(C=0.5, solver="newton-cg", tol=1e-10, max_iter=1000).fit(x, y)
    p, onehot = lr.predict_proba(x), np.eye(3)[y]
    grad = max(np.abs(0.5 * (p - onehot).T @ x + lr.coef_).max(), np.abs(0.5 * (p - onehot).sum(0)).max())
    out["logistic"] = {"params": {"C": 0.5}, "proba": lr.predict_proba(xt).tolist(), "gradient_max": float(grad)}
    out["knn"] = []
    for cfg in [dict(n_neighbors=5, weights="uniform"), dict(n_neighbors=7, weights="distance")]:
        m = KNeighborsClassifier(**cfg).fit(x, y)
        out["knn"].append({"params": cfg, "proba": m.predict_proba(xt).tolist()})
    out["boosting"] = boosting_cases(rng)
    return out


def boosting_cases(rng):
    # as for trees: draw data until scikit-learn's result does not depend on its random_state
    configs = [(dict(n_estimators=20, max_depth=2, learning_rate=0.1), 3),
               (dict(n_estimators=15, max_depth=2, learning_rate=0.2), 2)]
    for _ in range(200):
        x, y = blobs(rng, 90, 4, 3, 1.0)
        x = x.astype(np.float32).astype(np.float64)
        xt, _ = blobs(rng, 30, 4, 3, 1.0)
        xt = xt.astype(np.float32).astype(np.float64)
        cases = []
        for cfg, classes in configs:
            yy = y % classes
            probas = [GradientBoostingClassifier(random_state=s, **cfg).fit(x, yy).predict_proba(xt)
                      for s in range(10)]
            if any(not np.array_equal(p, probas[0]) for p in probas):
                break
            cases.append({"params": cfg, "classes": classes, "proba": probas[0].tolist()})
        if len(cases) == len(configs):
            return {"x": x.tolist(), "y": y.tolist(), "x_test": xt.tolist(), "cases": cases}
    raise RuntimeError("no tie-free data set found for boosting")


def main():
    rng = np.random.default_rng(20261121)
    os.makedirs(OUT, exist_ok=True)
    meta = {"sklearn": sklearn.__version__, "numpy": np.__version__}
    for name, data in [("svc", svc_cases(rng)), ("tree", tree_cases(rng)), ("other", other_cases(rng))]:
        data["generator"] = meta
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(data, f, indent=None, separators=(",", ":"))
            f.write("\n")


if __name__ == "__main__":
    main()
