"""Python side of the engine benchmark (benchmarks/GenAI.Benchmarks runs it).

The same workloads as the C# side, on Debian's python3-torch (PyTorch 1.13 on the system BLAS).
The C# side runs TorchSharp's own libtorch 2.10 (MKL inside), so the two differ in binding,
libtorch version and BLAS; see benchmarks/README.md.

  add16, add16-scope  `a + b` on 16 floats, result freed at once          (microseconds per op)
                      (one loop for both: Python has no dispose scopes)
  mlp-lm              notebook 06's MLP language model, batches of 64
                      drawn per step, Adam                                  (training steps per second)
  transformer         pre-LN transformer block, d_model 128, 4 heads,
                      seq 64, batch 16, causal attention, Adam, MSE         (training steps per second)
  convnet             two conv layers + pooling + linear, 64 images of
                      28x28, Adam, cross-entropy                            (training steps per second)

Every training step is the one GenAI.Training.Trainer takes (see trainer_steps_per_second).

Run with /usr/bin/python3 (Debian's interpreter, which has python3-torch):
  /usr/bin/python3 benchmarks/python/bench.py [--repeats 3] [--scale 1.0] [names...]
Prints one JSON object per line: {"name", "value", "unit", "runs", "torch", "blas", "threads"};
value is the best run.
"""
import argparse
import json
import math
import os
import time

import torch
import torch.nn.functional as F


def add16(scale):
    ops = max(1, int(2000 * scale)) * 100  # as many as the C# side: 200 000 at scale 1
    a = torch.rand(16)
    b = torch.rand(16)
    start = time.perf_counter()
    for _ in range(ops):
        c = a + b  # the previous result is freed when the name is rebound, like C#'s `using`
    elapsed = time.perf_counter() - start
    del c
    return elapsed / ops * 1e6


def sgemm(scale, n=1024, products=5):
    """GFLOP/s of an n x n by n x n float32 product, best of a few (2 n^3 operations each)."""
    a = torch.randn(n, n)
    b = torch.randn(n, n)
    for _ in range(2):
        a @ b
    best = float("inf")
    for _ in range(products):
        start = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - start)
    return 2.0 * n ** 3 / best / 1e9


def run_trainer(model, optimizer, loss_fn, steps):
    """One GenAI.Training.Trainer.Run, step for step (the C# side calls the real one)."""
    model.train()
    for step in range(steps):
        # TorchSharp's zero_grad zeroes the gradients in place; so does 1.13's with set_to_none=False.
        optimizer.zero_grad(set_to_none=False)
        loss = loss_fn()
        value = loss.detach().to(torch.float64).item()  # the Trainer's NaN guard reads the loss back
        if not math.isfinite(value):
            raise RuntimeError(f"The training loss became {value} at step {step + 1}")
        loss.backward()
        optimizer.step()


def trainer_steps_per_second(model, optimizer, loss_fn, steps, warmup):
    run_trainer(model, optimizer, loss_fn, warmup)  # Adam's buffers, kernel caches: as in C#
    start = time.perf_counter()
    run_trainer(model, optimizer, loss_fn, steps)
    return steps / (time.perf_counter() - start)


def adam(parameters, lr):
    # The single-tensor loop, as TorchSharp's Adam runs it (1.13's default on the CPU anyway).
    return torch.optim.Adam(parameters, lr=lr, foreach=False)


class MlpLanguageModel(torch.nn.Module):
    """GenAI.Models.MlpLanguageModel: embeddings of the last n tokens, concatenated, one tanh
    hidden layer, logits over the vocabulary."""

    def __init__(self, vocab_size, context_length, embedding_dim, hidden_dim):
        super().__init__()
        self.embedding = torch.nn.Embedding(vocab_size, embedding_dim)
        self.hidden = torch.nn.Linear(context_length * embedding_dim, hidden_dim)
        self.output = torch.nn.Linear(hidden_dim, vocab_size)

    def forward(self, contexts):
        x = self.embedding(contexts).view(contexts.shape[0], -1)
        return self.output(self.hidden(x).tanh())


def mlp_lm(scale):
    # Notebook 06: 27 tokens, context 3, embeddings of 10, 200 hidden units, Adam lr 0.01, batch 64.
    vocab, context, batch, examples = 27, 3, 64, 200_000
    torch.manual_seed(42)
    model = MlpLanguageModel(vocab, context, 10, 200)
    optimizer = adam(model.parameters(), lr=1e-2)
    contexts = torch.randint(0, vocab, (examples, context))
    targets = torch.randint(0, vocab, (examples,))
    batches = torch.Generator().manual_seed(42)

    def loss():
        # NextTokenExamples.RandomBatch: random rows, then the contexts and targets at them.
        rows = torch.randint(0, examples, (batch,), generator=batches)
        return F.cross_entropy(model(contexts.index_select(0, rows)), targets.index_select(0, rows))

    return trainer_steps_per_second(model, optimizer, loss, steps=max(1, int(2000 * scale)), warmup=50)


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
    optimizer = adam(model.parameters(), lr=1e-3)
    x = torch.randn(batch, seq, d_model)
    target = torch.randn(batch, seq, d_model)
    causal_mask = torch.ones(seq, seq, dtype=torch.bool).triu(1)
    return trainer_steps_per_second(model, optimizer, lambda: F.mse_loss(model(x, causal_mask), target),
                                    steps=max(1, int(60 * scale)), warmup=5)


def convnet(scale):
    torch.manual_seed(0)
    nn = torch.nn
    model = nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(32 * 7 * 7, 10))
    optimizer = adam(model.parameters(), lr=1e-3)
    images = torch.randn(64, 1, 28, 28)
    labels = torch.randint(0, 10, (64,))
    return trainer_steps_per_second(model, optimizer, lambda: F.cross_entropy(model(images), labels),
                                    steps=max(1, int(100 * scale)), warmup=5)


BENCHMARKS = {
    "sgemm": (sgemm, "GFLOP/s", max),
    "add16": (add16, "us/op", min),
    "add16-scope": (add16, "us/op", min),
    "mlp-lm": (mlp_lm, "steps/s", max),
    "transformer": (transformer, "steps/s", max),
    "convnet": (convnet, "steps/s", max),
}


def blas_library():
    """The BLAS file mapped into this process: Debian's libtorch links libblas.so.3, which is
    whatever the system's alternatives point at (OpenBLAS, or the slow reference BLAS)."""
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1]
                name = os.path.basename(path)
                if name.startswith("libblas.so") or name.startswith("libopenblas"):
                    return os.path.realpath(path)
    except OSError:
        pass
    return "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", default=list(BENCHMARKS))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies the work per run")
    args = parser.parse_args()
    torch.set_num_threads(1)  # as the C# side (Program.cs says why)
    for name in args.names:
        run, unit, best = BENCHMARKS[name]
        runs = [run(args.scale) for _ in range(args.repeats)]
        print(json.dumps({"name": name, "value": best(runs), "unit": unit, "runs": runs, "torch": torch.__version__,
                          "blas": blas_library(), "threads": torch.get_num_threads()}), flush=True)


if __name__ == "__main__":
    main()
