#!/usr/bin/python3
"""Writes the reference values that the NN and Optim tests compare against.

Run with Debian's python3-torch (the same libtorch 1.13.1 the engine binds):
    /usr/bin/python3 tests/GenAI.Torch.Tests/NN/Fixtures/make_nn_fixtures.py
It rewrites nn_fixtures.json next to this script. The tests only read that file.

Every tensor is stored as {"shape": [...], "dtype": "float32"|"int64", "data": [flat values]}.
Inputs are stored too, so the C# side never has to reproduce Python's random inputs.
"""
import json
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "nn_fixtures.json")


def t(x):
    x = x.detach().contiguous()
    if x.dtype in (torch.int64, torch.int32):
        return {"shape": list(x.shape), "dtype": "int64", "data": [int(v) for v in x.reshape(-1).tolist()]}
    return {"shape": list(x.shape), "dtype": "float32", "data": [float(v) for v in x.float().reshape(-1).tolist()]}


def sd(module):
    return {k: t(v) for k, v in module.state_dict().items()}


def randn(*shape, seed):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=g)


fx = {}

# ---------------------------------------------------------------- seeded init
# Each entry: the seed, the constructor arguments the C# test repeats, and the parameters
# (named_parameters order, which is also the order PyTorch initialises them in).
init = {}
torch.manual_seed(42); m = nn.Linear(5, 3)
init["linear"] = {"seed": 42, "params": [[k, t(v)] for k, v in m.named_parameters()]}
torch.manual_seed(7); m = nn.Conv2d(2, 4, 3)
init["conv2d"] = {"seed": 7, "params": [[k, t(v)] for k, v in m.named_parameters()]}
torch.manual_seed(7); m = nn.Conv1d(3, 2, 2)
init["conv1d"] = {"seed": 7, "params": [[k, t(v)] for k, v in m.named_parameters()]}
torch.manual_seed(3); m = nn.ConvTranspose2d(4, 2, 3, stride=2)
init["conv_transpose2d"] = {"seed": 3, "params": [[k, t(v)] for k, v in m.named_parameters()]}
torch.manual_seed(11); m = nn.Embedding(10, 4)
init["embedding"] = {"seed": 11, "params": [[k, t(v)] for k, v in m.named_parameters()]}
torch.manual_seed(5); m = nn.LSTM(3, 4, num_layers=2)
init["lstm"] = {"seed": 5, "params": [[k, t(v)] for k, v in m.named_parameters()]}
torch.manual_seed(5); m = nn.GRU(3, 4, bidirectional=True)
init["gru_bidirectional"] = {"seed": 5, "params": [[k, t(v)] for k, v in m.named_parameters()]}
torch.manual_seed(9); m = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
init["sequential_mlp"] = {"seed": 9, "params": [[k, t(v)] for k, v in m.named_parameters()]}
torch.manual_seed(13); m = nn.MultiheadAttention(8, 2)
init["multihead_attention"] = {"seed": 13, "params": [[k, t(v)] for k, v in m.named_parameters()]}
fx["init"] = init

# ---------------------------------------------------------------- layer forwards
# Each entry: parameters/buffers to load, the input(s) and the output(s).
fwd = {}


def record(name, module, inputs, train=False, extra=None):
    module.train(train)
    before = sd(module)
    out = module(*inputs)
    flat_in = []
    for i in inputs:
        flat_in.extend(i if isinstance(i, tuple) else [i])
    # Tuple inputs (an LSTM's (h0, c0)) are stored flattened; the C# test rebuilds the tuple.
    entry = {"state": before, "inputs": [t(i) for i in flat_in]}
    if isinstance(out, tuple):
        flat = []
        for o in out:
            if isinstance(o, tuple):
                flat.extend(o)
            else:
                flat.append(o)
        entry["outputs"] = [t(o) for o in flat]
    else:
        entry["outputs"] = [t(out)]
    entry["state_after"] = sd(module)
    if extra:
        entry.update(extra)
    fwd[name] = entry


torch.manual_seed(100)
record("linear", nn.Linear(5, 3), [randn(2, 4, 5, seed=1)])
record("linear_nobias", nn.Linear(5, 3, bias=False), [randn(4, 5, seed=2)])
record("conv1d", nn.Conv1d(3, 2, 3, stride=2, padding=1), [randn(2, 3, 7, seed=3)])
record("conv2d", nn.Conv2d(2, 3, 3, stride=2, padding=1), [randn(2, 2, 6, 5, seed=4)])
record("conv2d_groups_dilation", nn.Conv2d(4, 2, 3, padding=2, dilation=2, groups=2), [randn(1, 4, 5, 5, seed=5)])
record("conv_transpose2d", nn.ConvTranspose2d(3, 2, 3, stride=2, padding=1, output_padding=1), [randn(1, 3, 4, 4, seed=6)])
record("maxpool2d", nn.MaxPool2d(2), [randn(2, 2, 5, 4, seed=7)])
record("maxpool2d_stride_pad", nn.MaxPool2d(3, stride=2, padding=1), [randn(1, 2, 6, 6, seed=8)])
record("avgpool2d", nn.AvgPool2d(2, stride=1), [randn(1, 2, 4, 4, seed=9)])
record("adaptive_avgpool2d", nn.AdaptiveAvgPool2d((2, 3)), [randn(2, 3, 5, 7, seed=10)])
bn1 = nn.BatchNorm1d(3)
bn1.weight.data = randn(3, seed=11); bn1.bias.data = randn(3, seed=12)
record("batchnorm1d_train", bn1, [randn(6, 3, seed=13)], train=True)
bn2 = nn.BatchNorm2d(2)
bn2.running_mean.data = randn(2, seed=14); bn2.running_var.data = randn(2, seed=15).abs() + 0.5
bn2.weight.data = randn(2, seed=16); bn2.bias.data = randn(2, seed=17)
record("batchnorm2d_eval", bn2, [randn(2, 2, 3, 3, seed=18)], train=False)
bn3 = nn.BatchNorm2d(2)
record("batchnorm2d_train", bn3, [randn(3, 2, 2, 2, seed=19)], train=True)
ln = nn.LayerNorm(4)
ln.weight.data = randn(4, seed=20); ln.bias.data = randn(4, seed=21)
record("layernorm", ln, [randn(2, 3, 4, seed=22)])
gn = nn.GroupNorm(2, 4)
gn.weight.data = randn(4, seed=23); gn.bias.data = randn(4, seed=24)
record("groupnorm", gn, [randn(2, 4, 3, seed=25)])
record("embedding", nn.Embedding(10, 3), [torch.tensor([[1, 4, 9], [0, 0, 2]])])
record("embedding_padding_idx", nn.Embedding(6, 2, padding_idx=0), [torch.tensor([0, 3, 0, 5])])
record("flatten", nn.Flatten(), [randn(2, 3, 2, 2, seed=26)])
record("unflatten", nn.Unflatten(1, (2, 3)), [randn(2, 6, seed=27)])
record("upsample_nearest", nn.Upsample(scale_factor=2, mode="nearest"), [randn(1, 1, 2, 3, seed=28)])
record("upsample_bilinear", nn.Upsample(size=(3, 5), mode="bilinear", align_corners=False), [randn(1, 2, 2, 3, seed=29)])
record("upsample_bilinear_corners", nn.Upsample(scale_factor=2, mode="bilinear", align_corners=True), [randn(1, 1, 2, 2, seed=30)])
record("rnn_tanh", nn.RNN(3, 4, num_layers=2, batch_first=True), [randn(2, 5, 3, seed=31)])
record("rnn_relu_h0", nn.RNN(3, 2, nonlinearity="relu"), [randn(4, 2, 3, seed=32), randn(1, 2, 2, seed=33)])
record("lstm", nn.LSTM(3, 4, num_layers=2, batch_first=True), [randn(2, 5, 3, seed=34)])
record("lstm_bidirectional_h0", nn.LSTM(2, 3, bidirectional=True),
       [randn(4, 2, 2, seed=35), (randn(2, 2, 3, seed=36), randn(2, 2, 3, seed=37))])
record("gru", nn.GRU(3, 4, batch_first=True), [randn(2, 5, 3, seed=38)])
record("gru_bidirectional", nn.GRU(3, 2, num_layers=2, bidirectional=True), [randn(4, 1, 3, seed=39)])
record("rnncell", nn.RNNCell(3, 4), [randn(2, 3, seed=40), randn(2, 4, seed=41)])
record("lstmcell", nn.LSTMCell(3, 4), [randn(2, 3, seed=42), (randn(2, 4, seed=43), randn(2, 4, seed=44))])
record("grucell", nn.GRUCell(3, 4), [randn(2, 3, seed=45), randn(2, 4, seed=46)])
mha = nn.MultiheadAttention(8, 2)
q = randn(3, 2, 8, seed=47); kv = randn(4, 2, 8, seed=48)
record("multihead_attention", mha, [q, kv, kv])
fx["forward"] = fwd

# ---------------------------------------------------------------- activations
x = randn(3, 5, seed=50) * 3
acts = {
    "relu": F.relu(x), "leaky_relu_0.2": F.leaky_relu(x, 0.2), "gelu": F.gelu(x),
    "gelu_tanh": F.gelu(x, approximate="tanh"), "silu": F.silu(x), "sigmoid": torch.sigmoid(x),
    "tanh": torch.tanh(x), "softmax_1": F.softmax(x, 1), "log_softmax_0": F.log_softmax(x, 0),
    "elu_0.5": F.elu(x, 0.5), "softplus_2_5": F.softplus(x, beta=2, threshold=5), "mish": F.mish(x),
    "relu6": F.relu6(x), "hardtanh": F.hardtanh(x), "selu": F.selu(x), "logsigmoid": F.logsigmoid(x),
    "softmin_1": F.softmin(x, 1), "hardswish": F.hardswish(x), "hardsigmoid": F.hardsigmoid(x),
    "softsign": F.softsign(x), "tanhshrink": F.tanhshrink(x), "celu_0.7": F.celu(x, 0.7),
    "glu": F.glu(torch.cat([x, x.flip(1)], 1), -1),
}
fx["activations"] = {"input": t(x), "outputs": {k: t(v) for k, v in acts.items()}}

# ---------------------------------------------------------------- attention
# PyTorch 1.13 has no public scaled_dot_product_attention; the reference is its definition,
# written out here: softmax(Q K^T / sqrt(d) with the future masked) V.
q = randn(2, 3, 4, 8, seed=51); k = randn(2, 3, 5, 8, seed=52); v = randn(2, 3, 5, 6, seed=53)
scores = q @ k.transpose(-2, -1) / math.sqrt(8)
plain = torch.softmax(scores, -1) @ v
causal_mask = torch.ones(4, 5, dtype=torch.bool).tril()
causal = torch.softmax(scores.masked_fill(~causal_mask, float("-inf")), -1) @ v
pad = torch.tensor([True, True, True, False, False])
padded = torch.softmax(scores.masked_fill(~pad, float("-inf")), -1) @ v
fx["attention"] = {"q": t(q), "k": t(k), "v": t(v), "plain": t(plain), "causal": t(causal), "key_mask": t(padded)}

# ---------------------------------------------------------------- losses
logits = randn(6, 4, seed=60)
target = torch.tensor([0, 3, 1, 1, 2, 3])
target_ign = torch.tensor([0, -100, 1, 2, -100, 3])
target_ign5 = torch.tensor([0, 5, 1, 2, 5, 3])
w = torch.tensor([1.0, 2.0, 0.5, 1.5])
seq_logits = randn(2, 4, 3, seed=61)  # (N, C, d)
seq_target = torch.tensor([[0, 1, 3], [2, 2, 0]])
reg_in = randn(3, 4, seed=62)
reg_tg = randn(3, 4, seed=63) * 2
prob = torch.sigmoid(randn(3, 4, seed=64))
bin_tg = (randn(3, 4, seed=65) > 0).float()
soft_tg = F.softmax(randn(6, 4, seed=66), 1)
lp = F.log_softmax(randn(3, 5, seed=67), 1)
tp = F.softmax(randn(3, 5, seed=68), 1)
pos_w = torch.tensor([1.0, 2.0, 3.0, 0.5])

loss_inputs = {
    "logits": t(logits), "target": t(target), "target_ign": t(target_ign), "target_ign5": t(target_ign5),
    "class_weight": t(w), "seq_logits": t(seq_logits), "seq_target": t(seq_target), "reg_in": t(reg_in),
    "reg_tg": t(reg_tg), "prob": t(prob), "bin_tg": t(bin_tg), "soft_tg": t(soft_tg), "lp": t(lp),
    "tp": t(tp), "pos_w": t(pos_w),
}
losses = {
    "ce_mean": F.cross_entropy(logits, target),
    "ce_sum": F.cross_entropy(logits, target, reduction="sum"),
    "ce_none": F.cross_entropy(logits, target, reduction="none"),
    "ce_weight": F.cross_entropy(logits, target, weight=w),
    "ce_ignore_default": F.cross_entropy(logits, target_ign),
    "ce_ignore_5": F.cross_entropy(logits, target_ign5, ignore_index=5),
    "ce_smooth_0.1": F.cross_entropy(logits, target, label_smoothing=0.1),
    "ce_smooth_weight_ignore": F.cross_entropy(logits, target_ign, weight=w, label_smoothing=0.2),
    "ce_seq": F.cross_entropy(seq_logits, seq_target),
    "ce_soft_targets": F.cross_entropy(logits, soft_tg),
    "nll_mean": F.nll_loss(F.log_softmax(logits, 1), target),
    "nll_weight_sum": F.nll_loss(F.log_softmax(logits, 1), target, weight=w, reduction="sum"),
    "mse_mean": F.mse_loss(reg_in, reg_tg),
    "mse_none": F.mse_loss(reg_in, reg_tg, reduction="none"),
    "l1_mean": F.l1_loss(reg_in, reg_tg),
    "l1_sum": F.l1_loss(reg_in, reg_tg, reduction="sum"),
    "huber_0.5": F.huber_loss(reg_in, reg_tg, delta=0.5),
    "smooth_l1_0.5": F.smooth_l1_loss(reg_in, reg_tg, beta=0.5),
    "smooth_l1_default_sum": F.smooth_l1_loss(reg_in, reg_tg, reduction="sum"),
    "bce_mean": F.binary_cross_entropy(prob, bin_tg),
    "bce_weight_none": F.binary_cross_entropy(prob, bin_tg, weight=torch.tensor([1.0, 2.0, 3.0, 4.0]), reduction="none"),
    "bce_logits_mean": F.binary_cross_entropy_with_logits(reg_in, bin_tg),
    "bce_logits_pos_weight": F.binary_cross_entropy_with_logits(reg_in, bin_tg, pos_weight=pos_w),
    "kl_div_batchmean_like_sum": F.kl_div(lp, tp, reduction="sum"),
    "kl_div_mean_logtarget": F.kl_div(lp, tp.log(), reduction="mean", log_target=True),
}
ce_grad_in = logits.clone().requires_grad_()
F.cross_entropy(ce_grad_in, target_ign, label_smoothing=0.1).backward()
fx["losses"] = {"inputs": loss_inputs, "outputs": {k: t(v) for k, v in losses.items()},
                "ce_smooth_ignore_grad": t(ce_grad_in.grad)}

# ---------------------------------------------------------------- init functions
ifx = {}
torch.manual_seed(21); a = torch.empty(6, 5); nn.init.xavier_uniform_(a, gain=1.5); ifx["xavier_uniform_1.5"] = t(a)
torch.manual_seed(21); a = torch.empty(6, 5); nn.init.xavier_normal_(a); ifx["xavier_normal"] = t(a)
torch.manual_seed(21); a = torch.empty(6, 5); nn.init.kaiming_uniform_(a); ifx["kaiming_uniform"] = t(a)
torch.manual_seed(21); a = torch.empty(6, 5); nn.init.kaiming_normal_(a, mode="fan_out", nonlinearity="relu"); ifx["kaiming_normal_fan_out"] = t(a)
torch.manual_seed(21); a = torch.empty(4, 3, 2, 2); nn.init.kaiming_uniform_(a, a=0.1, nonlinearity="leaky_relu"); ifx["kaiming_uniform_conv_leaky"] = t(a)
torch.manual_seed(21); a = torch.empty(6, 5); nn.init.uniform_(a, -2, 3); ifx["uniform_-2_3"] = t(a)
torch.manual_seed(21); a = torch.empty(6, 5); nn.init.normal_(a, 1, 0.5); ifx["normal_1_0.5"] = t(a)
torch.manual_seed(21); a = torch.empty(4, 6); nn.init.orthogonal_(a); ifx["orthogonal"] = t(a)
torch.manual_seed(21); a = torch.empty(6, 4); nn.init.trunc_normal_(a, std=0.5); ifx["trunc_normal_0.5"] = t(a)
gains = {"linear": nn.init.calculate_gain("linear"), "sigmoid": nn.init.calculate_gain("sigmoid"),
         "tanh": nn.init.calculate_gain("tanh"), "relu": nn.init.calculate_gain("relu"),
         "leaky_relu_0.2": nn.init.calculate_gain("leaky_relu", 0.2), "conv2d": nn.init.calculate_gain("conv2d")}
fx["init_functions"] = {"tensors": ifx, "gains": gains}

# ---------------------------------------------------------------- training steps
# A 4-8-3 MLP (Linear, Tanh, Linear) trained for 5 full steps on fixed data with each optimiser.
X = randn(16, 4, seed=70)
Y = torch.tensor([i % 3 for i in range(16)])
torch.manual_seed(71)
start = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 3))
start_tensors = {k: v.clone() for k, v in start.state_dict().items()}
start_state = sd(start)
optim_cases = {
    "sgd_plain": lambda p: torch.optim.SGD(p, lr=0.1),
    "sgd_momentum": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, dampening=0.1, weight_decay=0.01),
    "sgd_nesterov": lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.8, nesterov=True),
    "sgd_maximize": lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.5, maximize=True),
    "adam": lambda p: torch.optim.Adam(p, lr=0.01),
    "adam_wd_amsgrad": lambda p: torch.optim.Adam(p, lr=0.02, betas=(0.8, 0.9), weight_decay=0.1, amsgrad=True),
    "adamw": lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.1),
    "adamw_amsgrad": lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.05, amsgrad=True),
    "rmsprop": lambda p: torch.optim.RMSprop(p, lr=0.01),
    "rmsprop_centered_momentum": lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9, momentum=0.5, centered=True, weight_decay=0.01),
    "adagrad": lambda p: torch.optim.Adagrad(p, lr=0.1),
    "adagrad_decay": lambda p: torch.optim.Adagrad(p, lr=0.1, lr_decay=0.01, weight_decay=0.02, initial_accumulator_value=0.1),
}
train = {}
for name, make in optim_cases.items():
    model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 3))
    model.load_state_dict(start_tensors)
    opt = make(model.parameters())
    losses_seen = []
    for _ in range(5):
        opt.zero_grad()
        loss = F.cross_entropy(model(X), Y)
        loss.backward()
        opt.step()
        losses_seen.append(float(loss))
    train[name] = {"losses": losses_seen, "final": sd(model)}

# clip_grad_norm_ on the gradients of the start model
model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 3))
model.load_state_dict(start_tensors)
F.cross_entropy(model(X), Y).backward()
total = nn.utils.clip_grad_norm_(model.parameters(), 0.1)
clip = {"total_norm": float(total), "grads": [t(p.grad) for p in model.parameters()]}
model.zero_grad()
F.cross_entropy(model(X), Y).backward()
total_inf = nn.utils.clip_grad_norm_(model.parameters(), 0.05, norm_type=float("inf"))
clip["total_norm_inf"] = float(total_inf)
clip["grads_inf"] = [t(p.grad) for p in model.parameters()]
fx["training"] = {"X": t(X), "Y": t(Y), "start": start_state, "optimizers": train, "clip": clip}

# ---------------------------------------------------------------- lr schedulers
def lr_sequence(make_sched, steps=12, lr=0.1):
    p = nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([p], lr=lr)
    sched = make_sched(opt)
    seq = [sched.get_last_lr()[0]]
    for _ in range(steps):
        opt.step()
        sched.step()
        seq.append(sched.get_last_lr()[0])
    return seq


S = torch.optim.lr_scheduler
fx["lr_schedulers"] = {
    "step_3_0.5": lr_sequence(lambda o: S.StepLR(o, 3, gamma=0.5)),
    "exponential_0.9": lr_sequence(lambda o: S.ExponentialLR(o, 0.9)),
    "cosine_5_0.01": lr_sequence(lambda o: S.CosineAnnealingLR(o, 5, eta_min=0.01)),
    "cosine_10": lr_sequence(lambda o: S.CosineAnnealingLR(o, 10)),
    "lambda_0.95_pow": lr_sequence(lambda o: S.LambdaLR(o, lambda e: 0.95 ** e)),
    "linear_0.25_4": lr_sequence(lambda o: S.LinearLR(o, start_factor=0.25, total_iters=4)),
    "linear_1_0.1_5": lr_sequence(lambda o: S.LinearLR(o, start_factor=1.0, end_factor=0.1, total_iters=5)),
    "multistep_2_5_0.5": lr_sequence(lambda o: S.MultiStepLR(o, [2, 5], gamma=0.5)),
    "constant_0.5_3": lr_sequence(lambda o: S.ConstantLR(o, factor=0.5, total_iters=3)),
    "warmup3_then_cosine8": lr_sequence(lambda o: S.SequentialLR(
        o, [S.LinearLR(o, start_factor=0.1, total_iters=3), S.CosineAnnealingLR(o, 8, eta_min=0.001)], milestones=[3])),
    "chained_exp_step": lr_sequence(lambda o: S.ChainedScheduler([S.ExponentialLR(o, 0.9), S.StepLR(o, 4, gamma=0.5)])),
}

with open(OUT, "w") as f:
    json.dump(fx, f, separators=(",", ":"))
print("wrote", OUT, os.path.getsize(OUT), "bytes")
