#!/usr/bin/python3
"""Writes sklearn_reference.json: scikit-learn's answers for k-means, PCA, the perceptron and
least-squares linear regression, for tests/GenAI.Tests/Models/{KMeans,Pca,Perceptron,LinearRegression}Tests.cs.

Run with Debian's python3-sklearn (scikit-learn 1.2.1, numpy 1.24) from the repository root:
    /usr/bin/python3 tests/GenAI.Tests/Models/Fixtures/make_sklearn_reference.py
The tests only read the JSON; they never call Python. Every input is either written into the
JSON (small synthetic sets) or read from the bundled datasets/digits.csv.gz, which the tests load too.
"""
import gzip
import json
import os

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.decomposition import PCA
from sklearn.linear_model import LinearRegression, Perceptron

here = os.path.dirname(os.path.abspath(__file__))
out = {"sklearn_version": sklearn.__version__}

digits = np.array([[float(v) for v in line.split(",")]
                   for line in gzip.open("datasets/digits.csv.gz", "rt").read().split("\n") if line])
pixels = digits[:, :64] / 16.0  # GenAI.Data.DigitsDataset.Load(normalize: true)

# k-means on 2-D blobs, Lloyd from given centres (rows 0, 1, 2) until no label changes (tol=0).
X, _ = make_blobs(n_samples=60, centers=3, n_features=2, cluster_std=1.5, random_state=0)
init = X[[0, 1, 2]]
km = KMeans(n_clusters=3, init=init, n_init=1, algorithm="lloyd", tol=0.0, max_iter=300).fit(X)
out["kmeans_blobs"] = {"x": X.tolist(), "init_rows": [0, 1, 2], "inertia": float(km.inertia_),
                       "labels": km.labels_.tolist(), "centres": km.cluster_centers_.tolist(), "iterations": int(km.n_iter_)}

# k-means on the first 500 digits, k = 10, started from the first ten digits (rows 0..9).
first = pixels[:500]
km = KMeans(n_clusters=10, init=first[:10], n_init=1, algorithm="lloyd", tol=0.0, max_iter=300).fit(first)
out["kmeans_digits500"] = {"init_rows": list(range(10)), "inertia": float(km.inertia_),
                           "labels": km.labels_.tolist(), "iterations": int(km.n_iter_)}

# PCA on all 1 797 digits, 10 components (sklearn's sign convention may differ: compare up to sign).
pca = PCA(n_components=10, svd_solver="full").fit(pixels)
out["pca_digits"] = {"explained_variance_ratio": pca.explained_variance_ratio_.tolist(),
                     "explained_variance": pca.explained_variance_.tolist(),
                     "singular_values": pca.singular_values_.tolist(),
                     "components": pca.components_.tolist(),
                     "transform_first5": pca.transform(pixels[:5]).tolist()}

# Perceptron: the classic rule (update when y (w.x + b) <= 0: w += y x, b += y), no shuffling,
# from zero weights. sklearn's Perceptron with eta0=1, no penalty, tol=None runs exactly max_iter epochs.
def perceptron_after(x, y, epochs):
    p = Perceptron(eta0=1.0, penalty=None, alpha=0.0, shuffle=False, tol=None, max_iter=epochs, fit_intercept=True)
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        p.fit(x, y)
    return {"epochs": epochs, "weight": p.coef_[0].tolist(), "bias": float(p.intercept_[0])}

and_x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
and_y = np.array([-1, -1, -1, 1])
out["perceptron_and"] = {"x": and_x.tolist(), "y": and_y.tolist(),
                         "after": [perceptron_after(and_x, and_y, e) for e in range(1, 11)]}
rng = np.random.RandomState(3)
sep_x = rng.uniform(-1, 1, size=(200, 2))
sep_y = np.where(sep_x[:, 0] + 2 * sep_x[:, 1] - 0.3 > 0, 1, -1)
out["perceptron_separable"] = {"x": sep_x.tolist(), "y": sep_y.tolist(),
                               "after": [perceptron_after(sep_x, sep_y, e) for e in (1, 2, 5, 50)]}

# Least squares: y = X [1.5, -2, 0.5] + 4 + noise; sklearn's coefficients and intercept.
rng = np.random.RandomState(7)
lr_x = rng.normal(size=(50, 3))
lr_y = lr_x @ np.array([1.5, -2.0, 0.5]) + 4.0 + 0.1 * rng.normal(size=50)
lin = LinearRegression().fit(lr_x, lr_y)
out["linear_regression"] = {"x": lr_x.tolist(), "y": lr_y.tolist(), "coef": lin.coef_.tolist(), "intercept": float(lin.intercept_)}

with open(os.path.join(here, "sklearn_reference.json"), "w") as f:
    json.dump(out, f, indent=1)
print("wrote", os.path.join(here, "sklearn_reference.json"))
