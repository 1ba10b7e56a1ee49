#!/usr/bin/python3
"""Writes fid_reference.json: Fréchet distances between random feature sets computed with
scipy.linalg.sqrtm, for tests/GenAI.Tests/Metrics/FidTests.cs.

Run with Debian's python3-numpy and python3-scipy from the repository root:
    /usr/bin/python3 tests/GenAI.Tests/Metrics/Fixtures/make_fid_reference.py
The tests only read the JSON; they never call Python. The features are committed in the JSON
(rounded to 6 decimals, and the reference values are computed from the rounded numbers), so the
C# side reads exactly the same inputs.

FID = ||mu1 - mu2||^2 + Tr(S1 + S2 - 2 sqrtm(S1 S2)), S the unbiased (N - 1) covariance, as in
the reference implementation of Heusel et al. (pytorch-fid), which also drops the tiny imaginary
part sqrtm can return.
"""
import json
import os

import numpy as np
from scipy import linalg


def fid(a, b):
    mu1, mu2 = a.mean(0), b.mean(0)
    s1, s2 = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
    covmean, _ = linalg.sqrtm(s1.dot(s2), disp=False)
    covmean = covmean.real
    diff = mu1 - mu2
    return float(diff.dot(diff) + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean)), float(np.trace(covmean))


rng = np.random.default_rng(20)
cases = []
# name, N1, N2, D, how the second set differs
for name, n1, n2, d, shift, scale, mix in [
    ("same_distribution", 200, 150, 5, 0.0, 1.0, False),
    ("shifted_mean", 120, 120, 4, 1.5, 1.0, False),
    ("scaled_and_correlated", 300, 250, 6, 0.3, 2.0, True),
    ("fewer_samples_than_features", 6, 9, 8, 0.5, 1.0, False),
]:
    a = rng.standard_normal((n1, d))
    b = rng.standard_normal((n2, d)) * scale + shift
    if mix:
        b = b @ rng.standard_normal((d, d))
    a, b = np.round(a, 6), np.round(b, 6)
    value, trace_sqrt = fid(a, b)
    cases.append({"name": name, "a": a.tolist(), "b": b.tolist(), "fid": value, "trace_sqrt": trace_sqrt})

out = os.path.join(os.path.dirname(__file__), "fid_reference.json")
with open(out, "w") as f:
    json.dump({"generator": "scipy " + __import__("scipy").__version__ + ", numpy " + np.__version__, "cases": cases}, f, indent=1)
print("wrote", out)
