using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Torch.Tests.Tensors;

/// <summary>Same seed, same numbers as Python PyTorch on CPU (the JSON was made with torch.manual_seed(42)).</summary>
[Collection(SeededCollection.Name)]
public class RandomTests
{
    [Fact]
    public void SeededFactoriesReproducePyTorchSequence()
    {
        using var scope = NewDisposeScope();
        manual_seed(42);
        // Same order of draws as make_fixtures.py.
        Reference.AssertClose(Reference.Values("random", "randn"), randn(6), 1e-6);
        Reference.AssertClose(Reference.Values("random", "rand"), rand(2, 3), 1e-6);
        Assert.Equal(Reference.Values("random", "randint"), randint(0, 10, new long[] { 8 }).to_type(ScalarType.Float64).data<double>().ToArray());
        Assert.Equal(Reference.Values("random", "randperm"), randperm(7).to_type(ScalarType.Float64).data<double>().ToArray());
        Reference.AssertClose(Reference.Values("random", "normal"), normal(2.0, 3.0, new long[] { 4 }), 1e-6);
        var probs = tensor(new float[] { 0.1f, 0.2f, 0.3f, 0.4f });
        Assert.Equal(Reference.Values("random", "multinomial"), multinomial(probs, 6, replacement: true).to_type(ScalarType.Float64).data<double>().ToArray());
        Assert.Equal(Reference.Values("random", "multinomial_no_replacement"), probs.multinomial(3).to_type(ScalarType.Float64).data<double>().ToArray());
        Assert.Equal(Reference.Values("random", "bernoulli"), bernoulli(full(8, 0.5f)).to_type(ScalarType.Float64).data<double>().ToArray());
        Reference.AssertClose(Reference.Values("random", "randn_float64"), randn(3, ScalarType.Float64), 1e-12);
    }

    [Fact]
    public void GeneratorDrawsItsOwnStream()
    {
        using var scope = NewDisposeScope();
        using var gen = new Generator(7);
        Reference.AssertClose(Reference.Values("random", "generator7_randn"), randn(5, generator: gen), 1e-6);
        Assert.Equal(Reference.Values("random", "generator7_then_randperm"), randperm(6, generator: gen).to_type(ScalarType.Float64).data<double>().ToArray());
        Assert.Equal(Reference.Values("random", "generator7_then_randint"), randint(3, 9, new long[] { 5 }, generator: gen).to_type(ScalarType.Float64).data<double>().ToArray());
        Assert.Equal(7, gen.initial_seed());
    }

    [Fact]
    public void InPlaceSamplersFollowTheGlobalSeed()
    {
        using var scope = NewDisposeScope();
        manual_seed(42);
        var t = empty(5).uniform_(-2, 3);
        Reference.AssertClose(Reference.Values("random", "uniform_after_seed42"), t, 1e-6);
        var t2 = empty(5).normal_(1.0, 0.5);
        Reference.AssertClose(Reference.Values("random", "normal__then"), t2, 1e-6);
    }

    [Fact]
    public void GeneratorStateRoundTrips()
    {
        using var scope = NewDisposeScope();
        using var gen = new Generator(123);
        var state = gen.get_state();
        var first = rand(4, generator: gen);
        gen.set_state(state);
        var again = rand(4, generator: gen);
        Assert.True(first.equal(again).item<bool>());
        var next = rand(4, generator: gen);
        Assert.False(first.equal(next).item<bool>());
    }
}
