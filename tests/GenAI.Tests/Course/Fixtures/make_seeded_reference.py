#!/usr/bin/python3
"""Writes seeded_reference.json: what Python PyTorch draws after torch.manual_seed, for
tests/GenAI.Tests/Course/SeededNumbersTests.cs.

Run with Debian's python3-torch (PyTorch 1.13) from the repository root:
    /usr/bin/python3 tests/GenAI.Tests/Course/Fixtures/make_seeded_reference.py
The tests only read the JSON; they never call Python. The CPU generator (mt19937) and the
normal/uniform samplers behind randn and nn.Linear's init are the same in PyTorch 1.13 and in
libtorch 2.10 (TorchSharp 0.107); the tests compare against these numbers, so a difference
would show there.
"""
import json
import os

import torch

torch.set_default_dtype(torch.float32)


def entry(t):
    return {"shape": list(t.shape), "values": t.detach().double().flatten().tolist()}


out = {"torch_version": torch.__version__}

# randn below 16 elements takes libtorch's scalar normal sampler; 16 and more the vectorised
# one (normal_fill: uniforms first, then Box-Muller in blocks of 16). Both are checked.
torch.manual_seed(42)
out["randn_seed42_6"] = entry(torch.randn(6))
out["randn_seed42_6_then_4x5"] = entry(torch.randn(4, 5))
torch.manual_seed(7)
out["randn_seed7_2x3_float64"] = entry(torch.randn(2, 3, dtype=torch.float64))

# nn.Linear draws its weight (kaiming_uniform_ with a = sqrt(5)), then its bias (uniform in
# +-1/sqrt(in_features)), from the global generator.
torch.manual_seed(1)
linear = torch.nn.Linear(3, 4)
out["linear_seed1_3x4_weight"] = entry(linear.weight)
out["linear_seed1_3x4_bias"] = entry(linear.bias)
linear2 = torch.nn.Linear(20, 2)
out["linear_seed1_then_20x2_weight"] = entry(linear2.weight)
out["linear_seed1_then_20x2_bias"] = entry(linear2.bias)

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "seeded_reference.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print("wrote", path)
