using System.Text.Json;
using GenAI.Transformers;
using static TorchSharp.torch;

namespace GenAI.Tests.Transformers;

/// <summary>
/// Reference values in Fixtures/positional_reference.json, written once by (from the repository root)
///     /usr/bin/python3 tests/GenAI.Tests/Transformers/Fixtures/make_positional_reference.py > tests/GenAI.Tests/Transformers/Fixtures/positional_reference.json
/// </summary>
public class PositionalEncodingsTests
{
    static readonly Lazy<JsonElement> Reference = new(() => ReferenceFixture.Load("Transformers", "positional_reference.json"));

    static Tensor Matrix(string name)
    {
        var rows = Reference.Value.GetProperty(name).EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetDouble()).ToArray()).ToArray();
        return tensor(rows.SelectMany(r => r).ToArray(), [rows.Length, rows[0].Length]).to(ScalarType.Float32);
    }

    [Fact]
    public void SinusoidalHandWorkedEntries()
    {
        using var pe = PositionalEncodings.Sinusoidal(6, 8);
        // position 0: sin 0 = 0 on even, cos 0 = 1 on odd dimensions
        Assert.Equal(new float[] { 0, 1, 0, 1, 0, 1, 0, 1 }, pe[0].data<float>().ToArray());
        // position 1, dimensions 0/1: angle 1; dimensions 2/3: angle 1 / 10000^(2/8) = 0.1
        Assert.Equal(Math.Sin(1), pe[1, 0].item<float>(), 6);
        Assert.Equal(Math.Cos(1), pe[1, 1].item<float>(), 6);
        Assert.Equal(Math.Sin(0.1), pe[1, 2].item<float>(), 6);
        Assert.Equal(Math.Cos(0.1), pe[1, 3].item<float>(), 6);
    }

    [Fact]
    public void SinusoidalMatchesTheNumpyReference()
    {
        using var pe = PositionalEncodings.Sinusoidal(6, 8);
        using var reference = Matrix("sinusoidal_6x8");
        Assert.True(pe.allclose(reference, rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void RotaryMatchesTheNumpyReference()
    {
        using var x = Matrix("rope_input_4x6");
        using var rotated = PositionalEncodings.Rotary(x, startPosition: 3);
        using var reference = Matrix("rope_start3_4x6");
        Assert.True(rotated.allclose(reference, rtol: 0, atol: 1e-5));
    }

    [Fact]
    public void RotaryHandWorkedPairRotation()
    {
        // hs = 2: theta_0 = 1, so position 1 rotates (1, 0) by 1 radian to (cos 1, sin 1); position 0 leaves it alone.
        using var x = tensor(new float[] { 1, 0, 1, 0 }, [2, 2]);
        using var r = PositionalEncodings.Rotary(x);
        Assert.Equal(new float[] { 1, 0 }, r[0].data<float>().ToArray());
        Assert.Equal(Math.Cos(1), r[1, 0].item<float>(), 6);
        Assert.Equal(Math.Sin(1), r[1, 1].item<float>(), 6);
    }

    [Fact]
    public void RotaryDotProductDependsOnlyOnTheOffset()
    {
        var g = new Generator(11);
        using var q = randn([1, 16], dtype: ScalarType.Float64, generator: g);
        using var k = randn([1, 16], dtype: ScalarType.Float64, generator: g);
        double Score(long m, long n) => PositionalEncodings.Rotary(q, m).mul(PositionalEncodings.Rotary(k, n)).sum().item<double>();
        // offset m - n = 3 at three different absolute places
        double s0 = Score(5, 2), s1 = Score(40, 37), s2 = Score(1003, 1000);
        Assert.Equal(s0, s1, 9);
        Assert.Equal(s0, s2, 9);
        // a different offset gives a different score, and the rotation keeps lengths
        Assert.NotEqual(Math.Round(s0, 6), Math.Round(Score(5, 1), 6));
        Assert.Equal(q.norm().item<double>(), PositionalEncodings.Rotary(q, 77).norm().item<double>(), 9);
    }

    [Fact]
    public void BadArgumentsAreReported()
    {
        Assert.Equal("d", Assert.Throws<ArgumentOutOfRangeException>(() => PositionalEncodings.Sinusoidal(4, 7)).ParamName);
        using var odd = zeros(3, 5);
        var e = Assert.Throws<ArgumentException>(() => PositionalEncodings.Rotary(odd));
        Assert.Contains("[3, 5]", e.Message);
    }
}
