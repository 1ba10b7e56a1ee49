using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Adaptation;

/// <summary>
/// Knowledge distillation (Hinton, Vinyals and Dean, 2015): a small student learns from a large teacher's softened
/// probabilities as well as from the labels. At temperature T > 1 the teacher's soft targets show which wrong classes it
/// finds plausible ("dark knowledge"), which one-hot labels cannot.
/// </summary>
public static class Distillation
{
    /// <summary>
    /// L = alpha · T² · KL(softmax(z_t / T) ‖ softmax(z_s / T)) + (1 − alpha) · CE(z_s, y), both terms averaged over the batch.
    /// The T² keeps the soft term's gradients the same size as the hard term's when T changes.
    /// </summary>
    /// <param name="studentLogits">z_s [B, K].</param>
    /// <param name="teacherLogits">z_t [B, K] (no gradient flows into the teacher).</param>
    /// <param name="labels">y [B] int64 class indices.</param>
    /// <param name="temperature">T &gt; 0 (1 = ordinary softmax).</param>
    /// <param name="alpha">Weight of the soft term in [0, 1]; 0 = labels only, 1 = teacher only.</param>
    public static Tensor Loss(Tensor studentLogits, Tensor teacherLogits, Tensor labels, double temperature, double alpha)
    {
        ArgumentNullException.ThrowIfNull(studentLogits);
        ArgumentNullException.ThrowIfNull(teacherLogits);
        ArgumentNullException.ThrowIfNull(labels);
        if (studentLogits.ndim != 2 || !studentLogits.shape.SequenceEqual(teacherLogits.shape))
            throw new ArgumentException(
                $"Student and teacher logits must both be [B, K]; got student {ShapeText.Of(studentLogits)}, teacher {ShapeText.Of(teacherLogits)}.", nameof(teacherLogits));
        if (labels.ndim != 1 || labels.shape[0] != studentLogits.shape[0])
            throw new ArgumentException($"Labels must be [B] = [{studentLogits.shape[0]}]; got {ShapeText.Of(labels)}.", nameof(labels));
        if (!(temperature > 0) || double.IsInfinity(temperature))
            throw new ArgumentException($"temperature must be a positive number; got {temperature}.", nameof(temperature));
        if (alpha is < 0 or > 1 || double.IsNaN(alpha))
            throw new ArgumentException($"alpha must be in [0, 1]; got {alpha}.", nameof(alpha));
        using var scope = NewDisposeScope();
        var hard = nn.functional.cross_entropy(studentLogits, labels);
        var soft = SoftTargetLoss(studentLogits, teacherLogits, temperature);
        // alpha · T² · KL + (1 − alpha) · CE
        var loss = soft.mul(alpha * temperature * temperature).add(hard.mul(1 - alpha));
        return scope.MoveToOuter(loss);
    }

    /// <summary>
    /// KL(p_t ‖ p_s) = (1/B) Σ_b Σ_k p_t log(p_t / p_s) with p = softmax(z / T), the teacher detached (without the T² factor).
    /// </summary>
    public static Tensor SoftTargetLoss(Tensor studentLogits, Tensor teacherLogits, double temperature)
    {
        using var scope = NewDisposeScope();
        var logPs = nn.functional.log_softmax(studentLogits.div(temperature), 1);
        var logPt = nn.functional.log_softmax(teacherLogits.detach().div(temperature), 1);
        var kl = logPt.exp().mul(logPt.sub(logPs)).sum(1).mean();
        return scope.MoveToOuter(kl);
    }
}
