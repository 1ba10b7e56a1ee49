using System.Text.Json;
using GenAI.Models;
using static GenAI.Tests.Models.SklearnReference;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

public class PerceptronTests
{
    static Tensor And => tensor(new float[] { 0, 0, 0, 1, 1, 0, 1, 1 }, [4, 2]);
    static Tensor AndLabels => tensor(new float[] { -1, -1, -1, 1 });

    [Fact]
    public void The_rule_on_AND_gives_the_hand_worked_weights_after_one_and_two_epochs()
    {
        // By hand, from w = 0, b = 0, η = 1, points in order (0,0)- (0,1)- (1,0)- (1,1)+:
        // epoch 1: (0,0) s=0 mistake b=-1; (0,1) s=-1 ok; (1,0) ok; (1,1) s=-1 mistake w=(1,1) b=0.
        // epoch 2: (0,0) s=0 mistake b=-1; (0,1) s=0 mistake w=(1,0) b=-2; (1,0) s=-1 ok; (1,1) s=-1 mistake w=(2,1) b=-1.
        using var x = And;
        using var y = AndLabels;
        using var p = new Perceptron(2);
        Assert.Equal(2, p.TrainEpoch(x, y));
        Assert.Equal(new double[] { 1, 1 }, Values(p.Weight));
        Assert.Equal(0.0, Values(p.Bias)[0]);
        Assert.Equal(3, p.TrainEpoch(x, y));
        Assert.Equal(new double[] { 2, 1 }, Values(p.Weight));
        Assert.Equal(-1.0, Values(p.Bias)[0]);
    }

    [Fact]
    public void On_AND_it_matches_sklearns_perceptron_epoch_by_epoch_and_converges_in_nine()
    {
        var reference = Get("perceptron_and");
        using var x = And;
        using var y = AndLabels;
        using var p = new Perceptron(2);
        var after = reference.GetProperty("after").EnumerateArray().ToList();
        foreach (var epoch in after)
        {
            p.TrainEpoch(x, y);
            AssertSameAsSklearn(epoch, p, 0);
        }
        using var fresh = new Perceptron(2);
        var mistakes = fresh.Fit(x, y, maxEpochs: 100);
        Assert.Equal(9, mistakes.Count);
        Assert.Equal(0, mistakes[^1]);
        using var predicted = fresh.call(x);
        Assert.True(predicted.equal(y).all().item<bool>());
    }

    [Fact]
    public void On_a_separable_random_set_it_matches_sklearn_and_classifies_every_point()
    {
        var reference = Get("perceptron_separable");
        using var x = Matrix(reference, "x").to(ScalarType.Float32);
        using var y = tensor(Vector(reference, "y").Select(v => (float)v).ToArray());
        using var p = new Perceptron(2);
        int done = 0;
        foreach (var epoch in reference.GetProperty("after").EnumerateArray())
        {
            int target = epoch.GetProperty("epochs").GetInt32();
            while (done < target) { p.TrainEpoch(x, y); done++; }
            AssertSameAsSklearn(epoch, p, 1e-4);
        }
        using var predicted = p.call(x);
        Assert.True(predicted.equal(y).all().item<bool>());
    }

    [Fact]
    public void On_XOR_it_never_finishes_an_epoch_without_a_mistake()
    {
        // No line puts (0,1) and (1,0) on one side and (0,0), (1,1) on the other, so every epoch errs.
        using var x = And;
        using var y = tensor(new float[] { -1, 1, 1, -1 });
        using var p = new Perceptron(2);
        var mistakes = p.Fit(x, y, maxEpochs: 200);
        Assert.Equal(200, mistakes.Count);
        Assert.All(mistakes, m => Assert.True(m > 0));
        using var predicted = p.call(x);
        Assert.False(predicted.equal(y).all().item<bool>());
    }

    [Fact]
    public void Float64_inputs_are_scored_like_float32_ones()
    {
        using var x = And;
        using var y = AndLabels;
        using var p = new Perceptron(2);
        p.Fit(x, y, maxEpochs: 20);
        using var doubles = x.to(ScalarType.Float64);
        using var a = p.call(x);
        using var b = p.call(doubles);
        Assert.True(a.equal(b).all().item<bool>());
    }

    [Fact]
    public void Labels_other_than_plus_minus_one_or_a_wrong_shape_are_errors()
    {
        using var x = And;
        using var zeroOne = tensor(new float[] { 0, 0, 0, 1 });
        using var p = new Perceptron(2);
        Assert.Contains("2y - 1", Assert.Throws<ArgumentException>(() => p.TrainEpoch(x, zeroOne)).Message);
        using var short3 = tensor(new float[] { 1, 1, 1 });
        var e = Assert.Throws<ArgumentException>(() => p.TrainEpoch(x, short3));
        Assert.Contains("[3]", e.Message);
        Assert.Contains("[4, 2]", e.Message);
        using var wide = zeros(4, 3);
        Assert.Contains("[4, 3]", Assert.Throws<ArgumentException>(() => p.call(wide)).Message);
    }

    static void AssertSameAsSklearn(JsonElement epoch, Perceptron p, double tolerance)
    {
        int n = epoch.GetProperty("epochs").GetInt32();
        var w = Vector(epoch, "weight");
        var ours = Values(p.Weight);
        for (int i = 0; i < w.Length; i++)
            Assert.True(Math.Abs(w[i] - ours[i]) <= tolerance, $"epoch {n}, w[{i}]: sklearn {w[i]}, ours {ours[i]}");
        double b = Number(epoch, "bias"), ourB = Values(p.Bias)[0];
        Assert.True(Math.Abs(b - ourB) <= tolerance, $"epoch {n}, b: sklearn {b}, ours {ourB}");
    }
}
