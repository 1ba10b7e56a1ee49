using GenAI.Data;
using GenAI.Models;
using static GenAI.Tests.Models.SklearnReference;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

public class KMeansTests
{
    [Fact]
    public void Two_pairs_of_points_end_with_centres_at_their_midpoints_and_inertia_one()
    {
        // By hand: (0,0),(0,1) go to the centre at (0,0) and (10,0),(10,1) to (10,0); the means are
        // (0, 0.5) and (10, 0.5), and every point is 0.5 away, so J = 4 * 0.25 = 1.
        using var x = tensor(new double[] { 0, 0, 0, 1, 10, 0, 10, 1 }, [4, 2]);
        using var start = tensor(new double[] { 0, 0, 10, 0 }, [2, 2]);
        using var km = KMeans.Fit(x, 2, initialCentres: start);
        Assert.Equal(new double[] { 0, 0.5, 10, 0.5 }, Values(km.Centres));
        Assert.Equal(new long[] { 0, 0, 1, 1 }, km.Labels.data<long>().ToArray());
        Assert.Equal(1.0, km.Inertia, 12);
        Assert.True(km.Converged);
    }

    [Fact]
    public void Blobs_from_the_same_start_give_sklearns_centres_labels_and_inertia()
    {
        var reference = Get("kmeans_blobs");
        using var x = Matrix(reference, "x");
        using var rows = tensor(Longs(reference, "init_rows"));
        using var start = x.index_select(0, rows);
        using var km = KMeans.Fit(x, 3, initialCentres: start);
        Assert.Equal(Longs(reference, "labels"), km.Labels.data<long>().ToArray());
        Assert.Equal(Number(reference, "inertia"), km.Inertia, 9);
        using var centres = Matrix(reference, "centres");
        Assert.True(km.Centres.allclose(centres, rtol: 0, atol: 1e-10), $"centres {km.Centres.ToString(TorchSharp.TensorStringStyle.Numpy)} differ from sklearn's");
        Assert.True(km.Converged);
    }

    [Fact]
    public void Five_hundred_digits_from_the_first_ten_give_sklearns_clusters_and_inertia()
    {
        var reference = Get("kmeans_digits500");
        using var digits = DigitsDataset.Load();
        using var x = digits.Features[..500].to(ScalarType.Float64);
        using var start = x[..10];
        using var km = KMeans.Fit(x, 10, initialCentres: start);
        Assert.Equal(Longs(reference, "labels"), km.Labels.data<long>().ToArray());
        Assert.Equal(Number(reference, "inertia"), km.Inertia, 6);
    }

    [Fact]
    public void Inertia_is_the_sum_of_squared_distances_to_the_assigned_centres()
    {
        var reference = Get("kmeans_blobs");
        using var x = Matrix(reference, "x");
        using var km = KMeans.Fit(x, 3, generator: new Generator(5));
        using var d = KMeans.SquaredDistances(x, km.Centres);
        using var nearest = d.min(1).values.sum();
        Assert.Equal(nearest.item<double>(), km.Inertia, 9);
        using var predicted = km.Predict(x);
        Assert.True(predicted.equal(km.Labels).all().item<bool>());
    }

    [Fact]
    public void KMeansPlusPlus_picks_distinct_data_points_and_the_seed_fixes_them()
    {
        var reference = Get("kmeans_blobs");
        using var x = Matrix(reference, "x");
        using var a = KMeans.PlusPlusCentres(x, 5, new Generator(11));
        using var b = KMeans.PlusPlusCentres(x, 5, new Generator(11));
        Assert.True(a.equal(b).all().item<bool>());
        using var d = KMeans.SquaredDistances(a, x);
        // every centre is one of the rows (distance 0 to some point, up to rounding) ...
        Assert.True(d.min(1).values.lt(1e-9).all().item<bool>());
        // ... and no two are the same point.
        using var between = KMeans.SquaredDistances(a, a);
        Assert.Equal(5, between.lt(1e-9).sum().item<long>());
    }

    [Fact]
    public void Centres_of_the_wrong_shape_are_an_error_naming_both_shapes()
    {
        using var x = zeros(6, 3, dtype: ScalarType.Float64);
        using var start = zeros(2, 4, dtype: ScalarType.Float64);
        var e = Assert.Throws<ArgumentException>(() => KMeans.Fit(x, 2, initialCentres: start));
        Assert.Contains("[2, 3]", e.Message);
        Assert.Contains("[2, 4]", e.Message);
        Assert.Equal("initialCentres", e.ParamName);
    }

    [Fact]
    public void Points_that_are_not_a_matrix_or_too_few_for_k_are_errors()
    {
        using var line = zeros(6);
        Assert.Contains("[6]", Assert.Throws<ArgumentException>(() => KMeans.Fit(line, 2)).Message);
        using var x = zeros(3, 2);
        Assert.Contains("[3, 2]", Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit(x, 4)).Message);
        using var km = KMeans.Fit(x, 1);
        using var wide = zeros(2, 5);
        Assert.Contains("[2, 5]", Assert.Throws<ArgumentException>(() => km.Predict(wide)).Message);
        var e = Assert.Throws<ArgumentException>(() => KMeans.SquaredDistances(x, wide));
        Assert.Contains("[3, 2]", e.Message);
        Assert.Contains("[2, 5]", e.Message);
    }
}
