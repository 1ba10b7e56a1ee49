using GenAI.Data;
using TorchSharp;

namespace GenAI.Tests.Data;

public class SplitsTests
{
    [Fact]
    public void Index_split_matches_pytorch_random_split_with_the_same_seed()
    {
        // Reference (Debian python3-torch 1.13; its CPU generator gives the same numbers as TorchSharp's libtorch 2.10):
        //   random_split(range(20), [16, 2, 2], generator=torch.Generator().manual_seed(42))
        //   -> [2, 14, 18, 15, 1, 10, 0, 4, 6, 11, 8, 3, 7, 17, 13, 12], [19, 5], [16, 9]
        var parts = Splits.Indices(20, seed: 42, new SplitFractions(Validation: 0.1, Test: 0.1));
        Assert.Equal([2L, 14, 18, 15, 1, 10, 0, 4, 6, 11, 8, 3, 7, 17, 13, 12], parts.Train);
        Assert.Equal([19L, 5], parts.Validation);
        Assert.Equal([16L, 9], parts.Test);
    }

    [Fact]
    public void Same_seed_same_split_other_seed_other_split_and_parts_are_disjoint()
    {
        var a = Splits.Indices(1000, seed: 7);
        var b = Splits.Indices(1000, seed: 7);
        var c = Splits.Indices(1000, seed: 8);
        Assert.Equal(a.Train, b.Train);
        Assert.Equal(a.Validation, b.Validation);
        Assert.Equal(a.Test, b.Test);
        Assert.NotEqual(a.Train, c.Train);
        var all = a.Train.Concat(a.Validation).Concat(a.Test).ToArray();
        Assert.Equal(1000, all.Length);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), all.Order());
        Assert.Equal((800, 100, 100), (a.Train.Length, a.Validation.Length, a.Test.Length));
    }

    [Fact]
    public void Sizes_round_to_whole_examples_and_bad_fractions_are_rejected()
    {
        Assert.Equal((1437L, 180L, 180L), SplitFractions.Default.Sizes(1797)); // 179.7 -> 180
        Assert.Equal((10L, 0L, 0L), new SplitFractions(0, 0).Sizes(10));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SplitFractions(0.7, 0.5).Sizes(10));
        Assert.Contains("add up to at most 1", error.Message);
    }

    [Fact]
    public void Tensor_split_takes_the_rows_of_the_index_split()
    {
        using var features = torch.arange(0, 20, dtype: torch.ScalarType.Float32).reshape(10, 2);
        using var labels = torch.arange(0, 10, dtype: torch.ScalarType.Int64);
        using var data = new LabelledTensors(features.clone(), labels.clone());
        var parts = Splits.Split(data, seed: 3, new SplitFractions(0.2, 0.2));
        var indices = Splits.Indices(10, seed: 3, new SplitFractions(0.2, 0.2));
        try
        {
            Assert.Equal([6L, 2], parts.Train.Features.shape);
            Assert.Equal(indices.Train, parts.Train.Labels.data<long>().ToArray());
            Assert.Equal(indices.Test, parts.Test.Labels.data<long>().ToArray());
            // Row i of the features is [2i, 2i + 1]: check that features moved together with their labels.
            var rows = parts.Validation.Features.data<float>().ToArray();
            Assert.Equal(indices.Validation.SelectMany(i => new[] { 2f * i, 2f * i + 1 }), rows);
        }
        finally
        {
            parts.Train.Dispose();
            parts.Validation.Dispose();
            parts.Test.Dispose();
        }
    }

    [Fact]
    public void Features_and_labels_with_different_row_counts_are_rejected()
    {
        using var features = torch.zeros(5, 3);
        using var labels = torch.zeros(4, dtype: torch.ScalarType.Int64);
        var error = Assert.Throws<ArgumentException>(() => new LabelledTensors(features, labels));
        Assert.Contains("[5, 3]", error.Message);
        Assert.Contains("[4]", error.Message);
    }
}
