#!/usr/bin/python3
"""Writes metrics_reference.json: inputs and scikit-learn / PyTorch results for
tests/GenAI.Tests/Metrics/MetricsReferenceTests.cs.

Run with Debian's python3 (scikit-learn and PyTorch 1.13) from the repository root:
    /usr/bin/python3 tests/GenAI.Tests/Metrics/Fixtures/make_metrics_reference.py
The tests only read the JSON; they never call Python.
"""
import json
import os

import numpy as np
import sklearn
import torch
from sklearn import metrics

rng = np.random.default_rng(11)
out = {"sklearn_version": sklearn.__version__, "torch_version": torch.__version__}

# Multi-class labels: 40 examples, 4 classes; the predictions are right about 60% of the time.
classes = 4
y_true = rng.integers(0, classes, 40)
y_pred = np.where(rng.random(40) < 0.6, y_true, rng.integers(0, classes, 40))
labels = list(range(classes))
out["multiclass"] = {
    "classes": classes,
    "y_true": y_true.tolist(),
    "y_pred": y_pred.tolist(),
    "accuracy": metrics.accuracy_score(y_true, y_pred),
    "confusion_matrix": metrics.confusion_matrix(y_true, y_pred, labels=labels).tolist(),
    "macro_precision": metrics.precision_score(y_true, y_pred, labels=labels, average="macro", zero_division=0),
    "macro_recall": metrics.recall_score(y_true, y_pred, labels=labels, average="macro", zero_division=0),
    "macro_f1": metrics.f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=0),
    # One class as the positive class, the rest negative.
    "positive_class": 2,
    "precision_class2": metrics.precision_score(y_true, y_pred, labels=[2], average="macro", zero_division=0),
    "recall_class2": metrics.recall_score(y_true, y_pred, labels=[2], average="macro", zero_division=0),
    "f1_class2": metrics.f1_score(y_true, y_pred, labels=[2], average="macro", zero_division=0),
}

# Binary labels: 30 examples.
b_true = rng.integers(0, 2, 30)
b_pred = np.where(rng.random(30) < 0.7, b_true, 1 - b_true)
out["binary"] = {
    "y_true": b_true.tolist(),
    "y_pred": b_pred.tolist(),
    "precision": metrics.precision_score(b_true, b_pred),
    "recall": metrics.recall_score(b_true, b_pred),
    "f1": metrics.f1_score(b_true, b_pred),
    "accuracy": metrics.accuracy_score(b_true, b_pred),
}

# Regression: 25 values.
r_true = rng.normal(0, 2, 25)
r_pred = r_true + rng.normal(0, 0.5, 25)
out["regression"] = {
    "y_true": r_true.tolist(),
    "y_pred": r_pred.tolist(),
    "mse": metrics.mean_squared_error(r_true, r_pred),
    "rmse": float(np.sqrt(metrics.mean_squared_error(r_true, r_pred))),
}

# Binary cross-entropy: probabilities (sklearn log_loss) and logits (PyTorch).
z = rng.normal(0, 2, 20)
p = 1 / (1 + np.exp(-z))
y = rng.integers(0, 2, 20)
out["bce"] = {
    "logits": z.tolist(),
    "probabilities": p.tolist(),
    "targets": y.tolist(),
    "log_loss_sklearn": metrics.log_loss(y, p, labels=[0, 1]),
    "bce_torch": torch.nn.functional.binary_cross_entropy(torch.tensor(p), torch.tensor(y, dtype=torch.float64)).item(),
    "bce_with_logits_torch": torch.nn.functional.binary_cross_entropy_with_logits(torch.tensor(z), torch.tensor(y, dtype=torch.float64)).item(),
}

# Cross-entropy / NLL on a mini-batch of 8 examples and 5 classes.
logits = torch.tensor(rng.normal(0, 1.5, (8, 5)))
targets = torch.tensor(rng.integers(0, 5, 8))
out["cross_entropy"] = {
    "logits": logits.flatten().tolist(),
    "shape": list(logits.shape),
    "targets": targets.tolist(),
    "cross_entropy_torch": torch.nn.functional.cross_entropy(logits, targets).item(),
    "nll_of_log_softmax_torch": torch.nn.functional.nll_loss(torch.log_softmax(logits, 1), targets).item(),
    "log_loss_sklearn": metrics.log_loss(targets.numpy(), torch.softmax(logits, 1).numpy(), labels=list(range(5))),
}

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "metrics_reference.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", path)
