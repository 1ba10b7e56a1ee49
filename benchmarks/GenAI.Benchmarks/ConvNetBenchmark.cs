using GenAI.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Benchmarks;

/// <summary>
/// A small conv net on one batch of 64 single-channel 28x28 images (digit-sized): conv 1->16 3x3,
/// ReLU, 2x2 max-pool, conv 16->32 3x3, ReLU, 2x2 max-pool, linear 32*7*7 -> 10; cross-entropy to
/// random labels, Adam: training steps per second. The same layers as in benchmarks/python/bench.py.
/// </summary>
static class ConvNetBenchmark
{
    const int Batch = 64, Side = 28, Classes = 10;

    static nn.Module<Tensor, Tensor> Model() => nn.Sequential(
            ("conv1", nn.Conv2d(1, 16, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(16, 32, 3, padding: 1)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()), ("fc", nn.Linear(32 * 7 * 7, Classes)));

    /// <summary>FLOPs of one training step (see <see cref="ModelFlops"/>).</summary>
    public static double FlopsPerStep()
    {
        using var model = Model();
        using var images = torch.randn(Batch, 1, Side, Side);
        return ModelFlops.TrainingStep(model, () => model.call(images));
    }

    public static double StepsPerSecond(double scale)
    {
        torch.manual_seed(0);
        using var model = Model();
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        using var images = torch.randn(Batch, 1, Side, Side);
        using var labels = torch.randint(0, Classes, [Batch]);
        return TrainingLoop.StepsPerSecond(model, optimizer, () => nn.functional.cross_entropy(model.call(images), labels),
            steps: Math.Max(1, (int)(100 * scale)), warmup: 5);
    }
}
