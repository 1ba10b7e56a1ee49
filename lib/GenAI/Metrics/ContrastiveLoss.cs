using static TorchSharp.torch;

namespace GenAI.Metrics;

/// <summary>The loss of contrastive pre-training (CLIP; van den Oord et al.'s InfoNCE).</summary>
public static class ContrastiveLoss
{
    /// <summary>
    /// Symmetric InfoNCE over logits [N, N] (or a stack [G, N, N] of independent batches, averaged) where entry (i, j)
    /// scores image i against text j and the matching pairs lie on the diagonal:
    /// L = ½ (mean_i −log softmax_row(i)[i] + mean_j −log softmax_column(j)[j]),
    /// cross-entropy of each row (image → texts) and of each column (text → images) with target "my own partner".
    /// </summary>
    public static Tensor SymmetricInfoNce(Tensor logits)
    {
        if (logits.ndim is not (2 or 3) || logits.shape[^1] != logits.shape[^2] || logits.shape[^1] < 1)
            throw new ArgumentException($"logits must be square, [N, N] or [G, N, N]; got {ShapeText.Of(logits)}.", nameof(logits));
        if (!logits.is_floating_point())
            throw new ArgumentException($"logits must be floating point; got {logits.dtype}.", nameof(logits));
        using var scope = NewDisposeScope();
        var stack = logits.ndim == 2 ? logits.unsqueeze(0) : logits;
        long g = stack.shape[0], n = stack.shape[1];
        var targets = arange(n, dtype: ScalarType.Int64, device: logits.device).repeat(g);
        var imageToText = nn.functional.cross_entropy(stack.reshape(g * n, n), targets);
        var textToImage = nn.functional.cross_entropy(stack.transpose(1, 2).reshape(g * n, n), targets);
        return scope.MoveToOuter(imageToText.add(textToImage).div(2));
    }
}
