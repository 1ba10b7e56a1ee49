using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

/// <summary>
/// A toy image task for classifier tests: dim noise, with the left half bright (label 0) or the right half (label 1).
/// Any working image classifier learns it in a few dozen full-batch steps.
/// </summary>
internal static class HalfBrightImages
{
    public static (Tensor Images, Tensor Labels) Make(int count, int size = 8)
    {
        var images = rand(count, 1, size, size).mul(0.2);
        var labels = randint(0, 2, new long[] { count });
        for (int i = 0; i < count; i++)
            images[i, .., .., labels[i].item<long>() == 0 ? ..(size / 2) : (size / 2)..] += 0.8f;
        return (images, labels);
    }

    /// <summary>Trains <paramref name="model"/> full-batch for <paramref name="steps"/> steps; returns how many it then gets right (eval mode).</summary>
    public static long FitAndCountCorrect(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor images, Tensor labels, int steps)
    {
        for (int step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.call(images), labels).backward();
            optimizer.step();
        }
        model.eval();
        using var noGrad = no_grad();
        using var predicted = model.call(images).argmax(1);
        return predicted.eq(labels).sum().item<long>();
    }
}
