// Access to the reference values written by Fixtures/make_nn_fixtures.py (Python PyTorch on the
// same libtorch). The JSON sits next to this source file; it is found through the compiler's
// record of this file's path, so the test project needs no copy step.
using System.Runtime.CompilerServices;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Torch.Tests.NN;

internal static class NNFixtures
{
    private static readonly Lazy<JsonElement> Root = new(() => Load());

    private static JsonElement Load([CallerFilePath] string here = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(here)!, "Fixtures", "nn_fixtures.json");
        using var stream = File.OpenRead(path);
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    /// <summary>The element at a path of property names ("forward", "linear", ...).</summary>
    public static JsonElement Get(params string[] path)
    {
        var e = Root.Value;
        foreach (var p in path) e = e.GetProperty(p);
        return e;
    }

    /// <summary>A fixture tensor ({shape, dtype, data}) as a tensor on the CPU.</summary>
    public static Tensor ToTensor(JsonElement e)
    {
        var shape = e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        var data = e.GetProperty("data");
        if (e.GetProperty("dtype").GetString() == "int64")
            return torch.tensor(data.EnumerateArray().Select(x => x.GetInt64()).ToArray(), shape);
        return torch.tensor(data.EnumerateArray().Select(x => (float)x.GetDouble()).ToArray(), shape);
    }

    public static Tensor Tensor(params string[] path) => ToTensor(Get(path));

    public static long[] Shape(JsonElement e) => e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();

    public static double[] Values(JsonElement e) => e.GetProperty("data").EnumerateArray().Select(x => x.GetDouble()).ToArray();

    /// <summary>A {name: tensor} fixture object as a state dictionary.</summary>
    public static Dictionary<string, Tensor> StateDict(JsonElement e) =>
        e.EnumerateObject().ToDictionary(p => p.Name, p => ToTensor(p.Value));

    /// <summary>Asserts that a tensor has the fixture's shape and values within atol + rtol * |expected|.</summary>
    public static void AssertClose(JsonElement expected, Tensor actual, double atol = 1e-5, double rtol = 1e-4, string what = "")
    {
        Assert.Equal(Shape(expected), actual.shape);
        var want = Values(expected);
        using var cpu = actual.detach().cpu().to(ScalarType.Float64);
        var got = cpu.data<double>().ToArray();
        Assert.Equal(want.Length, got.Length);
        for (int k = 0; k < want.Length; k++)
        {
            double tol = atol + rtol * Math.Abs(want[k]);
            if (Math.Abs(want[k] - got[k]) > tol || double.IsNaN(got[k]))
                Assert.Fail($"{what} element {k}: expected {want[k]:R}, got {got[k]:R} (tolerance {tol:E2})");
        }
    }

    public static void AssertClose(double expected, double actual, double tol, string what = "")
    {
        if (Math.Abs(expected - actual) > tol || double.IsNaN(actual))
            Assert.Fail($"{what}: expected {expected:R}, got {actual:R} (tolerance {tol:E2})");
    }
}
