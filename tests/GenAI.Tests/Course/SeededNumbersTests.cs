using GenAI.Text;
using System.Text.Json;
using GenAI.Models;
using GenAI.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Course;

/// <summary>
/// The course tells learners that a seed fixes every number: the same seed gives the same draws,
/// the same initial weights and the same training run, and the same numbers as PyTorch, so a
/// learner can set a C# notebook beside a Python one. The PyTorch values are in
/// Fixtures/seeded_reference.json, written once by (from the repository root)
///     /usr/bin/python3 tests/GenAI.Tests/Course/Fixtures/make_seeded_reference.py
/// with Debian's python3-torch (PyTorch 1.13); the script draws in the same order as these tests.
/// </summary>
[Collection(SeededCollection.Name)]
public class SeededNumbersTests
{
    static readonly Lazy<JsonElement> Reference = new(() => ReferenceFixture.Load("Course", "seeded_reference.json"));

    static (long[] Shape, double[] Values) PyTorch(string name)
    {
        var entry = Reference.Value.GetProperty(name);
        return (entry.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray(),
                entry.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToArray());
    }

    static double[] Values(Tensor t) => t.detach().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();

    /// <summary>Same shape and, element by element, the same number (float32 values are compared exactly).</summary>
    static void AssertSameAsPyTorch(string name, Tensor actual)
    {
        var (shape, expected) = PyTorch(name);
        Assert.Equal(shape, actual.shape);
        var got = Values(actual);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(expected[i] == got[i], $"{name}[{i}]: PyTorch drew {expected[i]:R}, TorchSharp {got[i]:R}");
    }

    [Fact]
    public void Randn_after_manual_seed_gives_PyTorchs_numbers_every_time()
    {
        for (int run = 0; run < 2; run++)
        {
            using var scope = NewDisposeScope();
            manual_seed(42);
            // 6 values take libtorch's scalar normal sampler, the next 20 its vectorised one.
            AssertSameAsPyTorch("randn_seed42_6", randn(6));
            AssertSameAsPyTorch("randn_seed42_6_then_4x5", randn(4, 5));
            manual_seed(7);
            AssertSameAsPyTorch("randn_seed7_2x3_float64", randn(2, 3, ScalarType.Float64));
        }
    }

    [Fact]
    public void Linear_initialised_after_manual_seed_has_PyTorchs_weights_every_time()
    {
        for (int run = 0; run < 2; run++)
        {
            manual_seed(1);
            using var small = nn.Linear(3, 4);
            using var wide = nn.Linear(20, 2);
            AssertSameAsPyTorch("linear_seed1_3x4_weight", small.weight!);
            AssertSameAsPyTorch("linear_seed1_3x4_bias", small.bias!);
            AssertSameAsPyTorch("linear_seed1_then_20x2_weight", wide.weight!);
            AssertSameAsPyTorch("linear_seed1_then_20x2_bias", wide.bias!);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_training_run_of_a_course_model()
    {
        var first = TrainMlp(seed: 3);
        var again = TrainMlp(seed: 3);
        var otherSeed = TrainMlp(seed: 4);

        Assert.Equal(first.Losses, again.Losses);
        Assert.Equal(first.Weights, again.Weights);
        // The run did something, and what it did depends on the seed (initial weights and batches).
        Assert.True(first.Losses[^1] < first.Losses[0] / 2, $"the loss should fall: {string.Join(", ", first.Losses)}");
        Assert.NotEqual(first.Losses, otherSeed.Losses);
        Assert.NotEqual(first.Weights, otherSeed.Weights);
    }

    /// <summary>Seed, build an MLP language model, train it on random mini-batches drawn from the global generator.</summary>
    static (double[] Losses, double[] Weights) TrainMlp(int seed)
    {
        manual_seed(seed);
        using var examples = NextTokenExamples.Build([[1, 2, 3, 4], [2, 3, 1], [4, 1, 2, 3]], contextLength: 2, boundaryToken: 0);
        using var model = new MlpLanguageModel(new MlpLanguageModelConfig(VocabSize: 5, ContextLength: 2, EmbeddingDim: 3, HiddenDim: 12));
        using var optimizer = optim.Adam(model.parameters(), lr: 0.02);
        var history = new Trainer(model, optimizer, new TrainingOptions(Steps: 60, EvalEvery: 10, Quiet: true)).Run(() =>
        {
            var (contexts, targets) = examples.RandomBatch(6);
            return nn.functional.cross_entropy(model.call(contexts), targets);
        });
        var weights = model.parameters().SelectMany(Values).ToArray();
        return (history.Train.Select(p => p.Loss).ToArray(), weights);
    }
}
