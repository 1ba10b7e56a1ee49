using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Benchmarks;

/// <summary>A 784-256-10 MLP on one batch of 128, cross-entropy, Adam: training steps per second.</summary>
static class MlpBenchmark
{
    public static double StepsPerSecond(double scale)
    {
        torch.manual_seed(0);
        using var model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        using var x = torch.randn(128, 784);
        using var y = torch.randint(0, 10, new long[] { 128 });
        return TrainingLoop.StepsPerSecond(optimizer, () => nn.functional.cross_entropy(model.call(x), y),
            steps: Math.Max(1, (int)(300 * scale)), warmup: 20);
    }
}
