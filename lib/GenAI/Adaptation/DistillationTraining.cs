using GenAI.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Adaptation;

/// <summary>One distillation run: the mean training loss of each epoch.</summary>
public sealed record DistillationRun(IReadOnlyList<double> EpochLosses, double Temperature, double Alpha);

/// <summary>Training a student on a teacher's soft targets (the teacher's logits computed once, up front).</summary>
public static class DistillationTraining
{
    /// <summary>The teacher's logits z_t [N, K] for every example, in eval mode without gradients, <paramref name="batchSize"/> at a time.</summary>
    public static Tensor TeacherLogits(nn.Module<Tensor, Tensor> teacher, Tensor features, int batchSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(features);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1.");
        bool wasTraining = teacher.training;
        teacher.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var parts = new List<Tensor>();
            for (long start = 0; start < features.shape[0]; start += batchSize)
                parts.Add(teacher.call(features.narrow(0, start, Math.Min(batchSize, features.shape[0] - start))));
            return scope.MoveToOuter(cat(parts, 0));
        }
        finally
        {
            teacher.train(wasTraining);
        }
    }

    /// <summary>
    /// Trains <paramref name="student"/> for <paramref name="epochs"/> shuffled passes (shuffle drawn from a CPU generator seeded
    /// by <paramref name="seed"/>) on <see cref="Distillation.Loss"/>: alpha · T² · KL(teacher ‖ student at T) + (1 − alpha) · CE.
    /// alpha = 0 is ordinary training on the hard labels. The student comes back in eval mode.
    /// </summary>
    /// <param name="teacherLogits">z_t [N, K], one row per training example (from <see cref="TeacherLogits"/>).</param>
    public static DistillationRun Fit(nn.Module<Tensor, Tensor> student, optim.Optimizer optimizer, LabelledTensors train, Tensor teacherLogits,
        int epochs, int batchSize, double temperature, double alpha, long seed)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(teacherLogits);
        if (epochs < 1) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "Train for at least one epoch.");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1.");
        if (teacherLogits.ndim != 2 || teacherLogits.shape[0] != train.Count)
            throw new ArgumentException($"teacherLogits must be [N, K] with N = {train.Count} training examples; got {ShapeText.Of(teacherLogits)}.", nameof(teacherLogits));
        using var generator = new Generator((ulong)seed);
        var losses = new List<double>();
        student.train();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var epochScope = NewDisposeScope();
            var order = randperm(train.Count, generator: generator).to(train.Labels.device);
            var sum = zeros(1, device: train.Labels.device);
            int batches = 0;
            for (long start = 0; start < train.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var index = order.narrow(0, start, Math.Min(batchSize, train.Count - start));
                optimizer.zero_grad();
                var z = student.call(train.Features.index_select(0, index));
                var labels = train.Labels.index_select(0, index);
                // alpha = 0: labels only, so the soft term is not computed at all (0 · KL would still pass its gradient through)
                var loss = alpha == 0
                    ? nn.functional.cross_entropy(z, labels)
                    : Distillation.Loss(z, teacherLogits.index_select(0, index), labels, temperature, alpha);
                if (!loss.isfinite().item<bool>())
                    throw new InvalidOperationException($"The distillation loss is {loss.item<float>()} at epoch {epoch + 1}, examples {start}..: lower the learning rate or check the teacher's logits.");
                loss.backward();
                optimizer.step();
                sum.add_(loss.detach());
                batches++;
            }
            losses.Add(sum.item<float>() / batches);
        }
        student.eval();
        return new DistillationRun(losses, temperature, alpha);
    }
}
