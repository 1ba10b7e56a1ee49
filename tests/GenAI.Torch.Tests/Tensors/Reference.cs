using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Torch.Tests.Tensors;

/// <summary>Reads Fixtures/engine_reference.json (values computed by Python PyTorch 1.13 on the same libtorch).</summary>
internal static class Reference
{
    private static readonly Lazy<JsonElement> RootValue = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "engine_reference.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    });

    public static JsonElement Root => RootValue.Value;

    public static JsonElement Get(params string[] path)
    {
        var e = Root;
        foreach (var p in path) e = e.GetProperty(p);
        return e;
    }

    public static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();
    public static long[] Longs(JsonElement e) => e.EnumerateArray().Select(v => v.GetInt64()).ToArray();

    public static double[] Values(params string[] path)
    {
        var e = Get(path);
        return Doubles(e.ValueKind == JsonValueKind.Object ? e.GetProperty("values") : e);
    }

    public static long[] Shape(params string[] path) => Longs(Get(path).GetProperty("shape"));

    /// <summary>A float64 tensor of an {shape, values} entry.</summary>
    public static Tensor Tensor(params string[] path) => tensor(Values(path), Shape(path), ScalarType.Float64);

    public static void AssertClose(double[] expected, Tensor actual, double tol = 1e-9)
    {
        var got = actual.to_type(ScalarType.Float64).data<double>().ToArray();
        Assert.Equal(expected.Length, got.Length);
        for (int k = 0; k < got.Length; k++)
            Assert.True(Math.Abs(expected[k] - got[k]) <= tol * Math.Max(1, Math.Abs(expected[k])),
                $"element {k}: expected {expected[k]}, got {got[k]}");
    }
}
