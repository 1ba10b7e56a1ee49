#!/usr/bin/python3
"""Writes engine_reference.json: reference values from Python PyTorch for GenAI.Torch.Tests.

Run with Debian's python3-torch (the same libtorch 1.13.1 the engine links):
    /usr/bin/python3 tests/GenAI.Torch.Tests/Fixtures/make_fixtures.py
The tests only read the JSON; they never call Python.
"""
import json
import os

import torch

torch.set_default_dtype(torch.float32)


def values(t):
    return t.detach().double().flatten().tolist() if t.is_floating_point() else t.flatten().tolist()


def entry(t):
    return {"shape": list(t.shape), "values": values(t)}


out = {"torch_version": torch.__version__}

# ---- pointwise ------------------------------------------------------------------------
g = torch.Generator().manual_seed(1234)
x = torch.randn(12, generator=g, dtype=torch.float64) * 2
pos = x.abs() + 0.1
unit = torch.rand(12, generator=g, dtype=torch.float64) * 0.98 + 0.01
out["pointwise_input"] = values(x)
out["pointwise_positive"] = values(pos)
out["pointwise_unit"] = values(unit)
pw = {
    "exp": x.exp(), "sin": x.sin(), "cos": x.cos(), "tanh": x.tanh(), "sigmoid": x.sigmoid(),
    "relu": x.relu(), "abs": x.abs(), "neg": x.neg(), "square": x.square(), "floor": x.floor(),
    "ceil": x.ceil(), "round": x.round(), "sign": x.sign(), "erf": x.erf(), "atan": x.atan(),
    "silu": torch.nn.functional.silu(x), "gelu": torch.nn.functional.gelu(x), "softplus": torch.nn.functional.softplus(x),
    "log_sigmoid": torch.nn.functional.logsigmoid(x), "expm1": x.expm1(),
    "log": pos.log(), "sqrt": pos.sqrt(), "rsqrt": pos.rsqrt(), "log1p": pos.log1p(), "reciprocal": pos.reciprocal(),
    "log2": pos.log2(), "lgamma": pos.lgamma(), "digamma": pos.digamma(),
    "logit": unit.logit(), "erfinv": (unit * 2 - 1).erfinv(), "asin": (unit * 2 - 1).asin(),
    "pow_2_5": pos.pow(2.5), "clamp": x.clamp(-1, 0.5), "leaky_relu": torch.nn.functional.leaky_relu(x, 0.1),
    "elu": torch.nn.functional.elu(x), "hardtanh": torch.nn.functional.hardtanh(x, -0.5, 0.5),
    "rsub_3": 3 - x, "rdiv_2": 2 / pos, "mul_scalar": x * 1.5, "remainder_1_5": x.remainder(1.5),
}
out["pointwise"] = {k: values(v) for k, v in pw.items()}
y = torch.randn(12, generator=g, dtype=torch.float64)
out["binary_other"] = values(y)
out["binary"] = {k: values(v) for k, v in {
    "add": x + y, "sub": x - y, "mul": x * y, "div": x / y, "maximum": torch.maximum(x, y), "minimum": torch.minimum(x, y),
    "atan2": torch.atan2(x, y), "pow_abs": pos.pow(y), "hypot": torch.hypot(x, y), "lerp_0_3": torch.lerp(x, y, 0.3),
    "where_gt": torch.where(x > y, x, y), "xlogy": torch.xlogy(pos, pos + 1),
}.items()}

# ---- reductions (a 3x4 matrix) ------------------------------------------------------------
m = torch.randn(3, 4, generator=g, dtype=torch.float64)
out["matrix"] = entry(m)
maxv, maxi = m.max(dim=1)
topv, topi = m.topk(2, dim=1)
sortv, sorti = m.sort(dim=1, descending=True)
out["reductions"] = {
    "sum": entry(m.sum()), "sum_dim1": entry(m.sum(1)), "mean_dim0_keep": entry(m.mean(0, keepdim=True)),
    "var_dim1": entry(m.var(1)), "std_all": entry(m.std()), "var_biased_dim0": entry(m.var(0, unbiased=False)),
    "prod_dim1": entry(m.prod(1)), "max_dim1_values": entry(maxv), "max_dim1_indices": entry(maxi),
    "argmin_dim0": entry(m.argmin(0)), "argmax_all": entry(m.argmax()), "amax_dim0": entry(m.amax(0)),
    "logsumexp_dim1": entry(m.logsumexp(1)), "cumsum_dim1": entry(m.cumsum(1)), "cumprod_dim0": entry(m.cumprod(0)),
    "softmax_dim1": entry(m.softmax(1)), "log_softmax_dim0": entry(m.log_softmax(0)),
    "topk2_values": entry(topv), "topk2_indices": entry(topi), "sort_desc_values": entry(sortv), "sort_desc_indices": entry(sorti),
    "median_all": entry(m.median()), "norm_all": entry(torch.linalg.norm(m)), "norm_fro": entry(torch.linalg.norm(m, "fro")),
    "vector_norm_1_dim1": entry(torch.linalg.vector_norm(m, 1, dim=1)),
}
ints = torch.tensor([3, 1, 3, 2, 1, 3, 0])
u, inv, cnt = torch.unique(ints, sorted=True, return_inverse=True, return_counts=True)
out["unique"] = {"input": ints.tolist(), "values": u.tolist(), "inverse": inv.tolist(), "counts": cnt.tolist()}

# ---- linear algebra -----------------------------------------------------------------------
a = torch.randn(4, 4, generator=g, dtype=torch.float64)
sym = a @ a.T + torch.eye(4, dtype=torch.float64)
evals, _ = torch.linalg.eigh(sym)
b = torch.randn(3, 5, generator=g, dtype=torch.float64)
out["linalg"] = {
    "sym": entry(sym), "eigh_values": entry(evals),
    "b": entry(b), "svd_values": entry(torch.linalg.svdvals(b)),
    "inv": entry(torch.linalg.inv(sym)), "det": entry(torch.linalg.det(sym)),
    "einsum_ij_jk": entry(torch.einsum("ij,jk->ik", a[:3, :4], sym)),
}

# ---- seeded random numbers --------------------------------------------------------------
torch.manual_seed(42)
rnd = {"randn": entry(torch.randn(6)), "rand": entry(torch.rand(2, 3)), "randint": entry(torch.randint(0, 10, (8,))),
       "randperm": entry(torch.randperm(7)), "normal": entry(torch.normal(2.0, 3.0, (4,))),
       "multinomial": entry(torch.multinomial(torch.tensor([0.1, 0.2, 0.3, 0.4]), 6, replacement=True)),
       "multinomial_no_replacement": entry(torch.multinomial(torch.tensor([0.1, 0.2, 0.3, 0.4]), 3)),
       "bernoulli": entry(torch.bernoulli(torch.full((8,), 0.5))),
       "randn_float64": entry(torch.randn(3, dtype=torch.float64))}
gen = torch.Generator().manual_seed(7)
rnd["generator7_randn"] = entry(torch.randn(5, generator=gen))
rnd["generator7_then_randperm"] = entry(torch.randperm(6, generator=gen))
rnd["generator7_then_randint"] = entry(torch.randint(3, 9, (5,), generator=gen))
torch.manual_seed(42)
t = torch.empty(5)
t.uniform_(-2, 3)
rnd["uniform_after_seed42"] = entry(t)
t2 = torch.empty(5)
t2.normal_(1.0, 0.5)
rnd["normal__then"] = entry(t2)
out["random"] = rnd

# ---- autograd --------------------------------------------------------------------------------
w = torch.tensor([[0.5, -1.0], [2.0, 0.25]], dtype=torch.float64, requires_grad=True)
v = torch.tensor([1.5, -0.5], dtype=torch.float64, requires_grad=True)
loss = torch.tanh(w @ v).pow(2).sum() + (w * w).sum().sqrt()
gw, gv = torch.autograd.grad(loss, [w, v])
out["autograd"] = {"w": values(w), "v": values(v), "loss": loss.item(), "grad_w": values(gw), "grad_v": values(gv)}

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "engine_reference.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", path)
