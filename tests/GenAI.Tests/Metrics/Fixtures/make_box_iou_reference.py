#!/usr/bin/python3
"""Writes box_iou_reference.json: pairwise IoU of random boxes, for
tests/GenAI.Tests/Metrics/BoxIouTests.cs.

Run with Debian's python3 (numpy) from the repository root:
    /usr/bin/python3 tests/GenAI.Tests/Metrics/Fixtures/make_box_iou_reference.py
IoU is computed pair by pair with plain Python arithmetic (no torchvision, no tensors), an
independent route from the library's broadcast tensor code. The tests only read the JSON.
"""
import json
import os

import numpy as np

rng = np.random.default_rng(14)


def random_boxes(n):
    # corners on a 0..20 grid with a quarter-pixel resolution; some boxes are thin or empty
    x = np.sort(rng.integers(0, 81, size=(n, 2)) / 4.0, axis=1)
    y = np.sort(rng.integers(0, 81, size=(n, 2)) / 4.0, axis=1)
    return [[float(x[i, 0]), float(y[i, 0]), float(x[i, 1]), float(y[i, 1])] for i in range(n)]


def iou(a, b):
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


boxes_a = random_boxes(7)
boxes_b = random_boxes(5)
boxes_b[0] = list(boxes_a[0])  # one identical pair: IoU 1
out = {
    "boxes_a": boxes_a,
    "boxes_b": boxes_b,
    "iou": [[iou(a, b) for b in boxes_b] for a in boxes_a],
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "box_iou_reference.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print("wrote", path)
