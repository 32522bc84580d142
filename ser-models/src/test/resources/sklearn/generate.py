"""Generates the scikit-learn comparison fixture for MlpSklearnComparisonTest.

Run with a Python that has scikit-learn (checked with 1.2.1): python3 generate.py
Writes data.csv (split,label,f0..f11) and expected.json (per configuration: test accuracy of
MLPClassifier over 10 seeds, mean and std, plus epochs run).
"""
import json

import numpy as np
import sklearn
from sklearn.datasets import make_classification
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

X, y = make_classification(n_samples=900, n_features=12, n_informative=8, n_redundant=2,
                           n_classes=4, n_clusters_per_class=2, class_sep=1.2, random_state=7)
n_train = 600
scaler = StandardScaler().fit(X[:n_train])
Xs = scaler.transform(X)

with open("data.csv", "w") as f:
    for i in range(len(y)):
        split = "train" if i < n_train else "test"
        f.write(split + "," + str(int(y[i])) + "," + ",".join("%.10g" % v for v in X[i]) + "\n")

configs = {
    "adam_relu": dict(hidden_layer_sizes=(32,), activation="relu", solver="adam", max_iter=300),
    "sgd_tanh_adaptive": dict(hidden_layer_sizes=(32,), activation="tanh", solver="sgd",
                              learning_rate="adaptive", learning_rate_init=0.05, max_iter=300),
    "adam_logistic_early": dict(hidden_layer_sizes=(32, 16), activation="logistic", solver="adam",
                                learning_rate_init=0.01, early_stopping=True, max_iter=300),
}
out = {"sklearn": sklearn.__version__, "configs": {}}
for name, params in configs.items():
    accs, iters = [], []
    for seed in range(10):
        m = MLPClassifier(random_state=seed, **params).fit(Xs[:n_train], y[:n_train])
        accs.append(float((m.predict(Xs[n_train:]) == y[n_train:]).mean()))
        iters.append(int(m.n_iter_))
    out["configs"][name] = {"params": {k: list(v) if isinstance(v, tuple) else v for k, v in params.items()},
                            "accuracy_mean": float(np.mean(accs)), "accuracy_std": float(np.std(accs)),
                            "epochs_mean": float(np.mean(iters))}
with open("expected.json", "w") as f:
    json.dump(out, f, indent=2)
print(json.dumps(out, indent=2))
