using GenAI.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Benchmarks;

/// <summary>
/// One pre-LN transformer block (d_model 128, 4 heads, causal self-attention, 4x GELU MLP) on one
/// batch of 16 sequences of 64, MSE to a random target, Adam: training steps per second. Attention
/// is written out with plain ops, exactly as benchmarks/python/bench.py does, because PyTorch 1.13
/// (the Python side here) has no fused scaled_dot_product_attention to compare against.
/// </summary>
static class TransformerBlockBenchmark
{
    const int Batch = 16, Sequence = 64, DModel = 128, Heads = 4;

    /// <summary>FLOPs of one training step: the four Linear layers by hooks, the two attention products added.</summary>
    public static double FlopsPerStep()
    {
        using var block = new Block(DModel, Heads);
        using var x = torch.randn(Batch, Sequence, DModel);
        using var causalMask = torch.ones(Sequence, Sequence, dtype: ScalarType.Bool).triu(1);
        return ModelFlops.TrainingStep(block, () => block.call(x, causalMask), ModelFlops.AttentionProducts(Batch, Sequence, DModel, layers: 1));
    }

    public static double StepsPerSecond(double scale)
    {
        torch.manual_seed(0);
        using var block = new Block(DModel, Heads);
        using var optimizer = optim.Adam(block.parameters(), lr: 1e-3);
        using var x = torch.randn(Batch, Sequence, DModel);
        using var target = torch.randn(Batch, Sequence, DModel);
        using var causalMask = torch.ones(Sequence, Sequence, dtype: ScalarType.Bool).triu(1);
        return TrainingLoop.StepsPerSecond(block, optimizer, () => nn.functional.mse_loss(block.call(x, causalMask), target),
            steps: Math.Max(1, (int)(60 * scale)), warmup: 5);
    }

    sealed class Block : nn.Module<Tensor, Tensor, Tensor>
    {
        readonly int heads;
        readonly LayerNorm ln1;
        readonly Linear qkv;
        readonly Linear proj;
        readonly LayerNorm ln2;
        readonly Linear fc1;
        readonly Linear fc2;

        public Block(int dModel, int heads) : base(nameof(Block))
        {
            this.heads = heads;
            ln1 = nn.LayerNorm(dModel);
            qkv = nn.Linear(dModel, 3 * dModel);
            proj = nn.Linear(dModel, dModel);
            ln2 = nn.LayerNorm(dModel);
            fc1 = nn.Linear(dModel, 4 * dModel);
            fc2 = nn.Linear(4 * dModel, dModel);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x, Tensor causalMask)
        {
            var (batch, sequence, dModel) = (x.shape[0], x.shape[1], x.shape[2]);
            var headDim = dModel / heads;
            var parts = qkv.call(ln1.call(x)).chunk(3, dim: -1);
            Tensor SplitHeads(Tensor t) => t.view(batch, sequence, heads, headDim).transpose(1, 2);
            var (q, k, v) = (SplitHeads(parts[0]), SplitHeads(parts[1]), SplitHeads(parts[2]));
            var scores = q.matmul(k.transpose(-2, -1)) / Math.Sqrt(headDim);
            scores = scores.masked_fill(causalMask, double.NegativeInfinity);
            var attended = scores.softmax(-1).matmul(v).transpose(1, 2).reshape(batch, sequence, dModel);
            x = x + proj.call(attended);
            return x + fc2.call(nn.functional.gelu(fc1.call(ln2.call(x))));
        }
    }
}
