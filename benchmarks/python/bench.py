"""Python side of the engine benchmark (benchmarks/GenAI.Benchmarks runs it).

The same three workloads as the C# side, on Debian's python3-torch, which uses the very
same libtorch as our shim, so the difference between the two is the binding's overhead:

  add16        many `a + b` on 16 floats                           (microseconds per op)
  mlp          784-256-10 MLP, batch 128, Adam, cross-entropy       (training steps per second)
  transformer  pre-LN transformer block, d_model 128, 4 heads,
               seq 64, batch 16, causal attention, Adam, MSE        (training steps per second)

Run with /usr/bin/python3 (Debian's interpreter, which has python3-torch):
  /usr/bin/python3 benchmarks/python/bench.py [--repeats 3] [--scale 1.0] [names...]
Prints one JSON object per line: {"name", "value", "unit", "runs"}; value is the best run.
"""
import argparse
import json
import math
import time

import torch
import torch.nn.functional as F


def add16(scale):
    ops = int(200_000 * scale)
    a = torch.rand(16)
    b = torch.rand(16)
    start = time.perf_counter()
    for _ in range(ops):
        c = a + b  # freed when the name is rebound, as a dispose scope frees it in C#
    elapsed = time.perf_counter() - start
    del c
    return elapsed / ops * 1e6


def train_steps_per_second(model, optimizer, make_loss, steps, warmup):
    for _ in range(warmup):
        optimizer.zero_grad()
        make_loss().backward()
        optimizer.step()
    start = time.perf_counter()
    for _ in range(steps):
        optimizer.zero_grad()
        make_loss().backward()
        optimizer.step()
    return steps / (time.perf_counter() - start)


def mlp(scale):
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = torch.randn(128, 784)
    y = torch.randint(0, 10, (128,))
    return train_steps_per_second(model, optimizer, lambda: F.cross_entropy(model(x), y),
                                  steps=int(300 * scale), warmup=20)


class Block(torch.nn.Module):
    """x + attention(LN(x)), then x + MLP(LN(x)); attention written out with plain ops so the
    C# side can do exactly the same work."""

    def __init__(self, d_model, heads):
        super().__init__()
        self.heads = heads
        self.ln1 = torch.nn.LayerNorm(d_model)
        self.qkv = torch.nn.Linear(d_model, 3 * d_model)
        self.proj = torch.nn.Linear(d_model, d_model)
        self.ln2 = torch.nn.LayerNorm(d_model)
        self.fc1 = torch.nn.Linear(d_model, 4 * d_model)
        self.fc2 = torch.nn.Linear(4 * d_model, d_model)

    def forward(self, x, causal_mask):
        batch, seq, d_model = x.shape
        head_dim = d_model // self.heads
        q, k, v = self.qkv(self.ln1(x)).chunk(3, dim=-1)
        q = q.view(batch, seq, self.heads, head_dim).transpose(1, 2)
        k = k.view(batch, seq, self.heads, head_dim).transpose(1, 2)
        v = v.view(batch, seq, self.heads, head_dim).transpose(1, 2)
        scores = (q @ k.transpose(-2, -1)) / math.sqrt(head_dim)
        scores = scores.masked_fill(causal_mask, float("-inf"))
        attended = (scores.softmax(dim=-1) @ v).transpose(1, 2).reshape(batch, seq, d_model)
        x = x + self.proj(attended)
        return x + self.fc2(F.gelu(self.fc1(self.ln2(x))))


def transformer(scale):
    torch.manual_seed(0)
    batch, seq, d_model, heads = 16, 64, 128, 4
    model = Block(d_model, heads)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = torch.randn(batch, seq, d_model)
    target = torch.randn(batch, seq, d_model)
    causal_mask = torch.ones(seq, seq, dtype=torch.bool).triu(1)
    return train_steps_per_second(model, optimizer, lambda: F.mse_loss(model(x, causal_mask), target),
                                  steps=int(60 * scale), warmup=5)


BENCHMARKS = {
    "add16": (add16, "us/op", min),
    "mlp": (mlp, "steps/s", max),
    "transformer": (transformer, "steps/s", max),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", default=list(BENCHMARKS))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies the work per run")
    args = parser.parse_args()
    torch.set_num_threads(1)
    for name in args.names:
        run, unit, best = BENCHMARKS[name]
        runs = [run(args.scale) for _ in range(args.repeats)]
        print(json.dumps({"name": name, "value": best(runs), "unit": unit, "runs": runs,
                          "torch": torch.__version__, "threads": torch.get_num_threads()}), flush=True)


if __name__ == "__main__":
    main()
