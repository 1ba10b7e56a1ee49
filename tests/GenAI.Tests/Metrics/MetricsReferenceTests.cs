using System.Text.Json;
using GenAI.Metrics;
using static TorchSharp.torch;

namespace GenAI.Tests.Metrics;

/// <summary>
/// The metrics against scikit-learn and PyTorch on the same inputs. Fixtures/metrics_reference.json
/// holds the inputs and the results, written once by (from the repository root)
///     /usr/bin/python3 tests/GenAI.Tests/Metrics/Fixtures/make_metrics_reference.py
/// </summary>
public class MetricsReferenceTests
{
    static readonly Lazy<JsonElement> Reference = new(() => ReferenceFixture.Load("Metrics", "metrics_reference.json"));

    static JsonElement Section(string name) => Reference.Value.GetProperty(name);
    static long[] Longs(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetInt64()).ToArray();
    static double[] Doubles(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();
    static double Number(JsonElement e, string name) => e.GetProperty(name).GetDouble();

    [Fact]
    public void MultiClassMetricsMatchScikitLearn()
    {
        var s = Section("multiclass");
        int classes = s.GetProperty("classes").GetInt32();
        using var y = tensor(Longs(s, "y_true"));
        using var p = tensor(Longs(s, "y_pred"));
        Assert.Equal(Number(s, "accuracy"), ClassificationMetrics.Accuracy(p, y), 12);
        using var c = ClassificationMetrics.ConfusionMatrix(p, y, classes);
        var expected = s.GetProperty("confusion_matrix").EnumerateArray().SelectMany(row => row.EnumerateArray().Select(v => v.GetInt64())).ToArray();
        Assert.Equal(expected, c.data<long>().ToArray());
        Assert.Equal(Number(s, "macro_precision"), ClassificationMetrics.MacroPrecision(p, y, classes), 12);
        Assert.Equal(Number(s, "macro_recall"), ClassificationMetrics.MacroRecall(p, y, classes), 12);
        Assert.Equal(Number(s, "macro_f1"), ClassificationMetrics.MacroF1(p, y, classes), 12);
        long positive = s.GetProperty("positive_class").GetInt64();
        Assert.Equal(Number(s, "precision_class2"), ClassificationMetrics.Precision(p, y, positive), 12);
        Assert.Equal(Number(s, "recall_class2"), ClassificationMetrics.Recall(p, y, positive), 12);
        Assert.Equal(Number(s, "f1_class2"), ClassificationMetrics.F1(p, y, positive), 12);
    }

    [Fact]
    public void BinaryMetricsMatchScikitLearn()
    {
        var s = Section("binary");
        using var y = tensor(Longs(s, "y_true"));
        using var p = tensor(Longs(s, "y_pred"));
        Assert.Equal(Number(s, "accuracy"), ClassificationMetrics.Accuracy(p, y), 12);
        Assert.Equal(Number(s, "precision"), ClassificationMetrics.Precision(p, y), 12);
        Assert.Equal(Number(s, "recall"), ClassificationMetrics.Recall(p, y), 12);
        Assert.Equal(Number(s, "f1"), ClassificationMetrics.F1(p, y), 12);
    }

    [Fact]
    public void MseAndRmseMatchScikitLearn()
    {
        var s = Section("regression");
        using var y = tensor(Doubles(s, "y_true"));
        using var p = tensor(Doubles(s, "y_pred"));
        Assert.Equal(Number(s, "mse"), RegressionMetrics.Mse(p, y), 12);
        Assert.Equal(Number(s, "rmse"), RegressionMetrics.Rmse(p, y), 12);
    }

    [Fact]
    public void BinaryCrossEntropyMatchesScikitLearnAndPyTorch()
    {
        var s = Section("bce");
        using var probabilities = tensor(Doubles(s, "probabilities"));
        using var logits = tensor(Doubles(s, "logits"));
        using var y = tensor(Longs(s, "targets"));
        Assert.Equal(Number(s, "log_loss_sklearn"), BinaryCrossEntropy.FromProbabilities(probabilities, y), 10);
        Assert.Equal(Number(s, "bce_torch"), BinaryCrossEntropy.FromProbabilities(probabilities, y), 10);
        Assert.Equal(Number(s, "bce_with_logits_torch"), BinaryCrossEntropy.FromLogits(logits, y), 10);
    }

    [Fact]
    public void CrossEntropyOnAMiniBatchMatchesPyTorchAndScikitLearn()
    {
        var s = Section("cross_entropy");
        using var logits = tensor(Doubles(s, "logits"), Longs(s, "shape"));
        using var y = tensor(Longs(s, "targets"));
        Assert.Equal(Number(s, "cross_entropy_torch"), NegativeLogLikelihood.FromLogits(logits, y), 10);
        using var logProbs = logits.log_softmax(1);
        Assert.Equal(Number(s, "nll_of_log_softmax_torch"), NegativeLogLikelihood.FromLogProbabilities(logProbs, y), 10);
        Assert.Equal(Number(s, "log_loss_sklearn"), NegativeLogLikelihood.FromLogits(logits, y), 10);
    }
}
