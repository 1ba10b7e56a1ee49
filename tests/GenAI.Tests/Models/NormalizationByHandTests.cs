using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

/// <summary>
/// The notes' example (COURSE.md 03): batch 1 holds the words [1,2,3,4,5] and [5,4,3,2,1], batch 2
/// the words [2,4,6,8,10] and [10,8,6,4,2]; stacked, four words of five features each.
/// </summary>
public class NormalizationByHandTests
{
    static Tensor Words() => tensor(new double[]
    {
        1, 2, 3, 4, 5,
        5, 4, 3, 2, 1,
        2, 4, 6, 8, 10,
        10, 8, 6, 4, 2,
    }, [4, 5]);

    [Fact]
    public void BatchNormOfFeatureOneByHand()
    {
        // Feature 1 across the batch: [1, 5, 2, 10], μ = 4.5, σ² = (3.5² + 0.5² + 2.5² + 5.5²)/4 = 12.25, σ = 3.5
        // → [-1, 1/7, -5/7, 11/7] (ε = 1e-5 moves these by under 1e-6)
        using var x = Words();
        using var y = NormalizationByHand.BatchNorm(x);
        var column = y[.., 0].data<double>().ToArray();
        double[] expected = [-1, 1.0 / 7, -5.0 / 7, 11.0 / 7];
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i], column[i], 5);
    }

    [Fact]
    public void LayerNormOfWordOneByHand()
    {
        // Word [1, 2, 3, 4, 5]: μ = 3, σ² = (4 + 1 + 0 + 1 + 4)/5 = 2 → [-2, -1, 0, 1, 2]/√2
        using var x = Words();
        using var y = NormalizationByHand.LayerNorm(x);
        var row = y[0].data<double>().ToArray();
        double[] expected = [-Math.Sqrt(2), -1 / Math.Sqrt(2), 0, 1 / Math.Sqrt(2), Math.Sqrt(2)];
        for (int i = 0; i < 5; i++) Assert.Equal(expected[i], row[i], 5);
        // The doubled word [2, 4, 6, 8, 10] normalises to the same row: layer norm ignores scale.
        Assert.True(y[2].allclose(y[0], 1e-5, 1e-5));
    }

    [Fact]
    public void MatchTorchSharpsBatchNorm1dAndLayerNormAtInitialisation()
    {
        using var x = Words();
        using var batchNorm = nn.BatchNorm1d(5, dtype: ScalarType.Float64);
        using var layerNorm = nn.LayerNorm(5, dtype: ScalarType.Float64);
        batchNorm.train();
        Assert.True(NormalizationByHand.BatchNorm(x).allclose(batchNorm.call(x), 1e-10, 1e-10));
        Assert.True(NormalizationByHand.LayerNorm(x).allclose(layerNorm.call(x), 1e-10, 1e-10));
    }

    [Fact]
    public void ASequenceTensorIsAClearError()
    {
        using var x = zeros(2, 2, 5);
        var e = Assert.Throws<ArgumentException>(() => NormalizationByHand.BatchNorm(x));
        Assert.Contains("[2, 2, 5]", e.Message);
    }
}
