using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Data;

/// <summary>
/// Deterministic random splits: the same seed gives the same split on every machine and in
/// PyTorch too, because the shuffle is libtorch's <c>randperm</c> driven by a generator seeded
/// with the seed, cut in the order train, validation, test exactly as
/// <c>torch.utils.data.random_split(range(n), [train, val, test], generator=torch.Generator().manual_seed(seed))</c> does.
/// </summary>
public static class Splits
{
    /// <summary>The indices 0..count-1, shuffled with <paramref name="seed"/> and cut into three disjoint parts.</summary>
    public static DataSplit<long[]> Indices(long count, long seed, SplitFractions? fractions = null)
    {
        var (train, validation, test) = (fractions ?? SplitFractions.Default).Sizes(count);
        long[] order;
        using (var generator = new Generator())
        {
            generator.manual_seed(seed);
            using var permutation = randperm(count, ScalarType.Int64, generator: generator);
            order = permutation.data<long>().ToArray();
        }
        return new DataSplit<long[]>(
            order[..(int)train],
            order[(int)train..(int)(train + validation)],
            order[(int)(train + validation)..]);
    }

    /// <summary>A list split into three shuffled, disjoint parts (see <see cref="Indices"/>).</summary>
    public static DataSplit<IReadOnlyList<T>> Split<T>(IReadOnlyList<T> items, long seed, SplitFractions? fractions = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var parts = Indices(items.Count, seed, fractions);
        IReadOnlyList<T> Pick(long[] indices) => indices.Select(i => items[(int)i]).ToArray();
        return new DataSplit<IReadOnlyList<T>>(Pick(parts.Train), Pick(parts.Validation), Pick(parts.Test));
    }

    /// <summary>
    /// Rows of features and labels split into three shuffled, disjoint parts. The inputs are left
    /// as they are (the caller still owns them); the parts are new tensors.
    /// </summary>
    public static DataSplit<LabelledTensors> Split(LabelledTensors data, long seed, SplitFractions? fractions = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var parts = Indices(data.Count, seed, fractions);
        LabelledTensors Pick(long[] indices)
        {
            using var index = tensor(indices, ScalarType.Int64, data.Features.device);
            return new LabelledTensors(data.Features.index_select(0, index), data.Labels.index_select(0, index));
        }
        return new DataSplit<LabelledTensors>(Pick(parts.Train), Pick(parts.Validation), Pick(parts.Test));
    }
}
