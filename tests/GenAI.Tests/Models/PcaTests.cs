using GenAI.Data;
using GenAI.Models;
using static GenAI.Tests.Models.SklearnReference;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

public class PcaTests
{
    [Fact]
    public void Points_on_a_diagonal_line_have_one_component_along_it_with_all_the_variance()
    {
        // By hand: (1,1), (2,2), (3,3) lie on y = x. The direction is (1,1)/√2, the coordinates along
        // it are -√2, 0, √2, their variance (2 + 0 + 2) / (3 - 1) = 2, and nothing is left for the second.
        using var x = tensor(new double[] { 1, 1, 2, 2, 3, 3 }, [3, 2]);
        using var pca = Pca.Fit(x, 2);
        double h = Math.Sqrt(0.5);
        Assert.Equal(h, Values(pca.Components)[0], 12);
        Assert.Equal(h, Values(pca.Components)[1], 12);
        Assert.Equal(2.0, Values(pca.ExplainedVariance)[0], 12);
        Assert.Equal(1.0, Values(pca.ExplainedVarianceRatio)[0], 12);
        Assert.Equal(0.0, Values(pca.ExplainedVarianceRatio)[1], 12);
        using var z = pca.Transform(x);
        var along = Values(z.select(1, 0));
        Assert.Equal(-Math.Sqrt(2), along[0], 12);
        Assert.Equal(0, along[1], 12);
        Assert.Equal(Math.Sqrt(2), along[2], 12);
        using var back = pca.InverseTransform(z);
        Assert.True(back.allclose(x, atol: 1e-12));
    }

    [Fact]
    public void Digits_give_sklearns_variances_and_components_up_to_sign()
    {
        var reference = Get("pca_digits");
        using var digits = DigitsDataset.Load();
        using var x = digits.Features.to(ScalarType.Float64);
        using var pca = Pca.Fit(x, 10);
        AssertClose(Vector(reference, "explained_variance_ratio"), Values(pca.ExplainedVarianceRatio), 1e-10);
        AssertClose(Vector(reference, "explained_variance"), Values(pca.ExplainedVariance), 1e-10);
        AssertClose(Vector(reference, "singular_values"), Values(pca.SingularValues), 1e-9);

        // An SVD may flip any component; align ours to sklearn's by the sign of their dot product.
        using var theirs = Matrix(reference, "components");
        using var signs = pca.Components.mul(theirs).sum(1).sign();
        Assert.True(signs.abs().eq(1).all().item<bool>());
        using var aligned = pca.Components.mul(signs.unsqueeze(1));
        Assert.True(aligned.allclose(theirs, rtol: 0, atol: 1e-9), "components differ from sklearn's beyond a sign");
        using var projected = pca.Transform(x[..5]).mul(signs);
        using var expected = Matrix(reference, "transform_first5");
        Assert.True(projected.allclose(expected, rtol: 0, atol: 1e-9), "projections differ from sklearn's beyond a sign");
    }

    [Fact]
    public void Components_are_orthonormal_and_their_largest_entry_is_positive()
    {
        using var digits = DigitsDataset.Load();
        using var pca = Pca.Fit(digits.Features, 5);
        using var gram = pca.Components.mm(pca.Components.t());
        Assert.True(gram.allclose(eye(5), atol: 1e-5));
        using var biggest = pca.Components.abs().argmax(1, keepdim: true);
        Assert.True(pca.Components.gather(1, biggest).gt(0).all().item<bool>());
        // Ratios are sorted, largest first.
        var ratio = Values(pca.ExplainedVarianceRatio);
        Assert.Equal(ratio.OrderByDescending(r => r), ratio);
    }

    [Fact]
    public void Too_many_components_or_a_wrong_width_are_errors_naming_the_shapes()
    {
        using var x = rand(4, 3);
        Assert.Contains("[4, 3]", Assert.Throws<ArgumentOutOfRangeException>(() => Pca.Fit(x, 4)).Message);
        using var pca = Pca.Fit(x, 2);
        using var wide = rand(2, 5);
        var e = Assert.Throws<ArgumentException>(() => pca.Transform(wide));
        Assert.Contains("[2, 5]", e.Message);
        using var z = rand(2, 3);
        Assert.Contains("[2, 3]", Assert.Throws<ArgumentException>(() => pca.InverseTransform(z)).Message);
        using var one = rand(1, 3);
        Assert.Contains("[1, 3]", Assert.Throws<ArgumentException>(() => Pca.Fit(one, 1)).Message);
    }

    static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"[{i}]: sklearn {expected[i]:R}, ours {actual[i]:R}");
    }
}
