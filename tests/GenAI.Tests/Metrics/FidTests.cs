using System.Text.Json;
using GenAI.Metrics;
using static TorchSharp.torch;

namespace GenAI.Tests.Metrics;

public class FidTests
{
    static Tensor Matrix(JsonElement rows) =>
        tensor(rows.EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => v.GetDouble())).ToArray(),
            [rows.GetArrayLength(), rows[0].GetArrayLength()], ScalarType.Float64);

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in ReferenceFixture.Load("Metrics", "fid_reference.json").GetProperty("cases").EnumerateArray())
            data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    static JsonElement Case(string name) =>
        ReferenceFixture.Load("Metrics", "fid_reference.json").GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScipySqrtm(string name)
    {
        var c = Case(name);
        using var a = Matrix(c.GetProperty("a"));
        using var b = Matrix(c.GetProperty("b"));
        double expected = c.GetProperty("fid").GetDouble();
        Assert.Equal(expected, Fid.Compute(a, b), 1e-8 * Math.Max(1, expected));
        using var sa = Fid.Statistics(a);
        using var sb = Fid.Statistics(b);
        Assert.Equal(c.GetProperty("trace_sqrt").GetDouble(), Fid.TraceOfSqrtProduct(sa.Covariance, sb.Covariance), 1e-8);
        // symmetric in its arguments
        Assert.Equal(expected, Fid.Compute(b, a), 1e-8 * Math.Max(1, expected));
    }

    [Fact]
    public void IdenticalSetsAreAtDistanceZero()
    {
        using var g = new Generator(3);
        using var x = randn([100, 12], generator: g);
        Assert.Equal(0.0, Fid.Compute(x, x), 9);
        // also when the covariance is singular (5 samples, 12 features: rank 4), where the clamp matters
        using var few = x.narrow(0, 0, 5);
        double d = Fid.Compute(few, few.clone());
        Assert.False(double.IsNaN(d));
        Assert.Equal(0.0, d, 6);
    }

    [Fact]
    public void ShiftingTheMeanAddsItsSquaredLength()
    {
        using var g = new Generator(4);
        using var x = randn([50, 3], generator: g);
        using var shifted = x + tensor(new float[] { 1, 2, 2 });   // ‖(1, 2, 2)‖² = 9, covariances equal
        Assert.Equal(9.0, Fid.Compute(x, shifted), 4);
    }

    [Fact]
    public void SymmetricSqrtSquaresBack()
    {
        // S = [[4, 2], [2, 3]] is positive definite; S^½ S^½ = S and S^½ is symmetric
        using var s = tensor(new double[] { 4, 2, 2, 3 }, [2, 2]);
        using var root = Fid.SymmetricSqrt(s);
        Assert.True(root.mm(root).allclose(s, 1e-12, 1e-12));
        Assert.True(root.allclose(root.t(), 0, 1e-14));
        // the known root of diag(9, 16) is diag(3, 4)
        using var d = tensor(new double[] { 9, 0, 0, 16 }, [2, 2]);
        using var dr = Fid.SymmetricSqrt(d);
        Assert.Equal(new double[] { 3, 0, 0, 4 }, dr.data<double>().ToArray().Select(v => Math.Round(v, 12)).ToArray());
    }

    [Fact]
    public void BadShapesAreNamed()
    {
        using var a = zeros(10, 4);
        using var b = zeros(10, 5);
        var e = Assert.Throws<ArgumentException>(() => Fid.Compute(a, b));
        Assert.Contains("same dimension D", e.Message);
        using var v = zeros(10);
        Assert.Contains("[N, D]", Assert.Throws<ArgumentException>(() => Fid.Statistics(v)).Message);
        using var one = zeros(1, 4);
        Assert.Contains("at least 2", Assert.Throws<ArgumentException>(() => Fid.Statistics(one)).Message);
        using var rect = zeros(2, 3);
        Assert.Contains("square", Assert.Throws<ArgumentException>(() => Fid.SymmetricSqrt(rect)).Message);
    }
}
