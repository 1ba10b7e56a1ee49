using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Text;

/// <summary>A masked-language-model batch: what the encoder reads and what it must predict.</summary>
/// <param name="Inputs">Token ids [B, T] after masking.</param>
/// <param name="Labels">The original ids at the chosen positions, <see cref="BertMasking.IgnoreIndex"/> elsewhere [B, T].</param>
/// <param name="Chosen">Bool [B, T]: the positions the loss is computed on.</param>
public sealed record MaskedBatch(Tensor Inputs, Tensor Labels, Tensor Chosen) : IDisposable
{
    public void Dispose()
    {
        Inputs.Dispose();
        Labels.Dispose();
        Chosen.Dispose();
    }
}

/// <summary>
/// BERT's masking (Devlin et al., 2019): choose 15 % of the positions; of those, 80 % become [MASK], 10 % a random token,
/// 10 % stay as they are (so the model cannot learn that only [MASK] positions matter). The loss is computed only on the
/// chosen positions: every other label is the ignore index, which cross_entropy skips.
/// </summary>
public static class BertMasking
{
    /// <summary>The label cross_entropy ignores (PyTorch's and TorchSharp's default ignore_index).</summary>
    public const long IgnoreIndex = -100;

    /// <param name="ids">Token ids [B, T] int64.</param>
    /// <param name="maskId">The [MASK] token's id.</param>
    /// <param name="vocabSize">V: random replacements are drawn uniformly from the ids 0..V-1 that are not special.</param>
    /// <param name="specialIds">Ids never chosen (padding, [CLS], [SEP], [MASK] itself...).</param>
    /// <param name="generator">Seeds every draw.</param>
    /// <param name="probability">Share of positions chosen (0.15 in BERT).</param>
    public static MaskedBatch Apply(Tensor ids, long maskId, int vocabSize, IReadOnlyCollection<long> specialIds, Generator? generator = null,
        double probability = 0.15)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(specialIds);
        if (ids.ndim != 2 || ids.dtype != ScalarType.Int64)
            throw new ArgumentException($"Expected token ids [B, T] of dtype Int64; got {ShapeText.Of(ids)} {ids.dtype}.", nameof(ids));
        if (probability is <= 0 or > 1 || double.IsNaN(probability))
            throw new ArgumentException($"probability must be in (0, 1]; got {probability}.", nameof(probability));
        if (maskId < 0 || maskId >= vocabSize)
            throw new ArgumentException($"maskId must be a token id in 0..{vocabSize - 1}; got {maskId}.", nameof(maskId));
        var ordinary = Enumerable.Range(0, vocabSize).Select(i => (long)i).Where(i => !specialIds.Contains(i) && i != maskId).ToArray();
        if (ordinary.Length == 0) throw new ArgumentException("Every id of the vocabulary is special: nothing to draw a random token from.", nameof(specialIds));

        using var scope = NewDisposeScope();
        var device = ids.device;
        var cpuIds = ids.cpu();
        var special = zeros_like(cpuIds, ScalarType.Bool);
        foreach (var s in specialIds.Append(maskId)) special = special.logical_or(cpuIds.eq(s));
        // chosen: each ordinary position with probability 0.15
        var chosen = rand(cpuIds.shape, generator: generator).lt(probability).logical_and(special.logical_not());
        // of the chosen: u < 0.8 -> [MASK], 0.8 <= u < 0.9 -> random token, u >= 0.9 -> unchanged
        var u = rand(cpuIds.shape, generator: generator);
        var toMask = chosen.logical_and(u.lt(0.8));
        var toRandom = chosen.logical_and(u.ge(0.8)).logical_and(u.lt(0.9));
        var pool = tensor(ordinary);
        var randomTokens = pool.index_select(0, randint(ordinary.Length, cpuIds.shape, generator: generator).flatten()).view(cpuIds.shape);
        var inputs = where(toMask, full_like(cpuIds, maskId), where(toRandom, randomTokens, cpuIds));
        var labels = where(chosen, cpuIds, full_like(cpuIds, IgnoreIndex));
        return new MaskedBatch(scope.MoveToOuter(inputs.to(device)), scope.MoveToOuter(labels.to(device)), scope.MoveToOuter(chosen.to(device)));
    }
}
