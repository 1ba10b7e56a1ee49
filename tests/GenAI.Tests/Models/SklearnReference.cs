using System.Text.Json;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

/// <summary>
/// scikit-learn's answers in Fixtures/sklearn_reference.json, written once by (from the repository root)
///     /usr/bin/python3 tests/GenAI.Tests/Models/Fixtures/make_sklearn_reference.py
/// with Debian's python3-sklearn 1.2.1. The tests never call Python.
/// </summary>
static class SklearnReference
{
    static readonly Lazy<JsonElement> Root = new(() => ReferenceFixture.Load("Models", "sklearn_reference.json"));

    public static JsonElement Get(string name) => Root.Value.GetProperty(name);

    public static double Number(JsonElement e, string name) => e.GetProperty(name).GetDouble();

    public static double[] Vector(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static long[] Longs(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetInt64()).ToArray();

    /// <summary>A JSON list of rows as a float64 tensor [rows, columns].</summary>
    public static Tensor Matrix(JsonElement e, string name)
    {
        var rows = e.GetProperty(name).EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        return tensor(rows.SelectMany(r => r).ToArray(), [rows.Length, rows[0].Length], ScalarType.Float64);
    }

    public static double[] Values(Tensor t) => t.detach().cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray();
}
